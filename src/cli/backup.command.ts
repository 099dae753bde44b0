import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Command } from "commander";
import { loadConfig } from "../platform/config.ts";
import { lockDataDir } from "../platform/database.ts";
import { action, CliError, progress, requireExistingDatabase } from "./support.ts";

export const PG_DUMP_ADVICE =
  "With DATABASE_URL set, Waymark's data lives in that PostgreSQL server: back it up with pg_dump, " +
  'for example: pg_dump --format=custom --file=waymark.dump "$DATABASE_URL"';

export function backupCommand(program: Command): void {
  program
    .command("backup")
    .description("save the embedded database to a .tar.gz file (with DATABASE_URL, use pg_dump)")
    .argument("<file>", "the file to write, e.g. waymark-2026-01-31.tar.gz")
    .action(
      action(async (file: string) => {
        const config = loadConfig();
        if (config.databaseUrl) throw new CliError(PG_DUMP_ADVICE);
        requireExistingDatabase(config);
        if (fs.existsSync(file)) {
          throw new CliError(
            `${file} already exists. Choose another name, or move the old backup away first.`,
          );
        }
        const unlock = lockDataDir(config.dataDir);
        const partial = `${file}.partial-${process.pid}`;
        try {
          progress(`Backing up the embedded database in ${config.dataDir}`);
          const pglite = await PGlite.create(config.dataDir);
          try {
            const dump = await pglite.dumpDataDir("gzip");
            fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
          } finally {
            await pglite.close();
          }
          fs.renameSync(partial, file);
          const size = fs.statSync(file).size;
          progress(
            `Wrote ${file} (${(size / 1024 / 1024).toFixed(1)} MB). Restore it with \`npx waymark restore ${file}\`.`,
          );
        } finally {
          fs.rmSync(partial, { force: true });
          unlock();
        }
      }),
    );
}
