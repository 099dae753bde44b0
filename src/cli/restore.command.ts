import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Command } from "commander";
import { loadConfig } from "../platform/config.ts";
import { lockDataDir } from "../platform/database.ts";
import { PG_DUMP_ADVICE } from "./backup.command.ts";
import { action, CliError, holdsDatabase, progress } from "./support.ts";

export function restoreCommand(program: Command): void {
  program
    .command("restore")
    .description("make a new embedded database from a file written by `waymark backup`")
    .argument("<file>", "the backup to restore, a .tar.gz file")
    .action(
      action(async (file: string) => {
        const config = loadConfig();
        if (config.databaseUrl)
          throw new CliError(PG_DUMP_ADVICE.replace("back it up with pg_dump", "restore it with pg_restore"));
        if (!fs.existsSync(file)) throw new CliError(`There is no file called ${file}.`);
        const unlock = lockDataDir(config.dataDir);
        try {
          // Never over an existing database: restoring is for a new or emptied folder.
          if (
            holdsDatabase(config.dataDir) ||
            fs.readdirSync(config.dataDir).some((n) => n !== "waymark.lock")
          ) {
            throw new CliError(
              `${config.dataDir} is not empty. Restore into a new folder (set WAYMARK_DATA_DIR), ` +
                "or move the current one away first.",
            );
          }
          progress(`Restoring ${file} into ${config.dataDir}`);
          const pglite = await PGlite.create(config.dataDir, {
            loadDataDir: new Blob([fs.readFileSync(file)]),
          });
          await pglite.close();
          progress("Done. Start Waymark with `waymark serve`.");
        } finally {
          unlock();
        }
      }),
    );
}
