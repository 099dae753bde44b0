import fs from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { toEditionDocument } from "../features/route-maps/edition-document.ts";
import { getEdition, getLatestEdition } from "../features/route-maps/route-map.service.ts";
import { PUBLIC } from "../platform/actor.ts";
import { loadConfig } from "../platform/config.ts";
import { action, progress, requireExistingDatabase, withDatabase } from "./support.ts";

function editionNumber(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new InvalidArgumentError("It must be an edition number, like 12.");
  return Number(value);
}

export function exportCommand(program: Command): void {
  program
    .command("export")
    .description("write one published edition of a route map as JSON (the latest, unless --edition)")
    .argument("<theme-slug>", 'the route map, as in its address: "leadership" for /themes/leadership')
    .option("--edition <id>", "the edition's number, as in its address", editionNumber)
    .option("--out <file>", "write to this file instead of the standard output")
    .action(
      action(async (slug: string, options: { edition?: number; out?: string }) => {
        const config = loadConfig();
        requireExistingDatabase(config);
        const document = await withDatabase(config, async ({ db }) =>
          toEditionDocument(
            options.edition === undefined
              ? await getLatestEdition(db, slug)
              : await getEdition(db, PUBLIC, slug, options.edition),
          ),
        );
        const json = `${JSON.stringify(document, null, 2)}\n`;
        if (options.out === undefined) {
          process.stdout.write(json);
          return;
        }
        // Written beside the target and renamed, so a failure never leaves half a file.
        const partial = `${options.out}.partial-${process.pid}`;
        try {
          fs.writeFileSync(partial, json);
          fs.renameSync(partial, options.out);
        } finally {
          fs.rmSync(partial, { force: true });
        }
        progress(`Wrote the ${document.theme} route map, ${document.label} edition, to ${options.out}`);
      }),
    );
}
