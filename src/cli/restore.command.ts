import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Command } from "commander";
import { fileTypeFromBuffer } from "file-type";
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
        const notBackup = new CliError(
          `${file} is not a Waymark backup: restore takes the .tar.gz file that \`npx waymark backup\` writes.`,
        );
        // A folder made for this restore goes again if nothing is restored into it.
        const created = !fs.existsSync(config.dataDir);
        const unlock = lockDataDir(config.dataDir);
        let restored = false;
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
          const backup = fs.readFileSync(file);
          // A gzipped tar, as PGlite writes it; anything else is refused before the folder is touched.
          if ((await fileTypeFromBuffer(backup))?.ext !== "tar.gz") throw notBackup;
          progress(`Restoring ${file} into ${config.dataDir}`);
          try {
            const pglite = await PGlite.create(config.dataDir, { loadDataDir: new Blob([backup]) });
            await pglite.close();
          } catch {
            // The folder was empty: leave it so, for the next try.
            for (const name of fs.readdirSync(config.dataDir))
              if (name !== "waymark.lock")
                fs.rmSync(path.join(config.dataDir, name), { recursive: true, force: true });
            throw notBackup;
          }
          restored = true;
          progress("Done. Start Waymark with `npx waymark serve`.");
        } finally {
          unlock();
          if (created && !restored) fs.rmSync(config.dataDir, { recursive: true, force: true });
        }
      }),
    );
}
