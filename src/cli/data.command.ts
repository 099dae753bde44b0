import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { findUserByEmail } from "../features/accounts/user.repository.ts";
import { actorForUser } from "../features/accounts/user.service.ts";
import type { Actor } from "../platform/actor.ts";
import { loadConfig } from "../platform/config.ts";
import type { Db } from "../platform/database.ts";
import { can } from "../platform/security/authorize.ts";
import { action, CliError, progress, requireExistingDatabase, withDatabase } from "./support.ts";

// `waymark data load <file> --indicator <slug> --as <analyst>`: the same checks as the upload page;
// any row-level error saves nothing and lists the rows. A clean file is saved in one transaction,
// with a progress bar, keeping replaced values in the revision history.

async function analystByEmail(db: Db, email: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  if (!user)
    throw new CliError(
      `There is no account with the email address ${email}: name an analyst's account with --as.`,
    );
  const actor = await actorForUser(db, user);
  if (!can(actor, "indicator.edit"))
    throw new CliError(`${email} may not load indicator data: only analysts and administrators can.`);
  return actor;
}

export function dataCommand(program: Command): void {
  const data = program.command("data").description("progress framework data");
  data
    .command("load")
    .description("load observations for an indicator from a tidy CSV or XLSX file")
    .argument("<file>", "a .csv or .xlsx file: period, geography, breakdown columns, value, flag")
    .requiredOption("--indicator <slug>", 'the indicator, as in its address: "children-looked-after"')
    .requiredOption("--as <email>", "the analyst's (or administrator's) account the data is loaded as")
    .option("--dry-run", "check the file and report, saving nothing")
    .action(
      action(async (file: string, options: { indicator: string; as: string; dryRun?: boolean }) => {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile())
          throw new CliError(`There is no file called ${file}.`);
        if (!options.dryRun && !options.as)
          throw new CliError("Name the analyst's account the data is loaded as, with --as.");
        const config = loadConfig();
        requireExistingDatabase(config);
        // Loaded when the command runs, so other commands do not pay for the spreadsheet reader.
        const { checkUploadFile, saveObservations } = await import(
          "../features/indicators/upload.service.ts"
        );
        await withDatabase(
          config,
          async ({ db, kind }) => {
            const actor = await analystByEmail(db, options.as);
            const checked = await checkUploadFile(db, actor, {
              indicatorSlug: options.indicator,
              fileName: path.basename(file),
              data: fs.readFileSync(file),
            });
            if (checked.errors.length > 0) {
              const lines = checked.errors
                .slice(0, 50)
                .map((e) => `  row ${e.row}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
              const more = checked.errors.length > 50 ? `\n  … and ${checked.errors.length - 50} more` : "";
              throw new CliError(
                `${file} has ${checked.errors.length} problem${checked.errors.length === 1 ? "" : "s"}; nothing was saved:\n${lines.join("\n")}${more}`,
              );
            }
            if (options.dryRun) {
              progress(`${file}: ${checked.rows.length} rows, no problems (dry run: nothing saved)`);
              return;
            }
            const bar = new cliProgress.SingleBar(
              { format: "Saving [{bar}] {value}/{total} rows", stream: process.stderr, hideCursor: true },
              cliProgress.Presets.shades_classic,
            );
            bar.start(checked.rows.length, 0);
            const counts = await db
              .transaction()
              .execute((trx) =>
                saveObservations(
                  trx,
                  actor,
                  { indicatorId: checked.indicatorId, fileName: path.basename(file), rows: checked.rows },
                  (done) => bar.update(done),
                  { embedded: kind === "pglite" },
                ),
              );
            bar.stop();
            progress(
              `Loaded ${file} into ${options.indicator}: ${counts.added} new, ${counts.replaced} replaced, ${counts.unchanged} unchanged.`,
            );
          },
          { changes: true },
        );
      }),
    );
}
