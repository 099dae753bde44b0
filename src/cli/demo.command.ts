import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { sql } from "kysely";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_EDITOR, loadDemoData } from "../features/demo/demo.service.ts";
import { announceChange } from "../platform/change-feed.ts";
import { type Config, loadConfig } from "../platform/config.ts";
import { type DatabaseHandle, lockDataDir, openPglite, openPostgres } from "../platform/database.ts";
import { action, CliError, describeDatabase, holdsDatabase, progress } from "./support.ts";

const LOCK_FILE = "waymark.lock";

/**
 * Empties the embedded database's folder, holding its lock so no server can open it meanwhile.
 * Only a folder that holds a PostgreSQL database (or nothing) is emptied: a WAYMARK_DATA_DIR set
 * by mistake to a folder of documents is refused, not wiped.
 */
function emptyDataDir(dataDir: string): void {
  const entries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((name) => name !== LOCK_FILE) : [];
  if (entries.length > 0 && !holdsDatabase(dataDir)) {
    throw new CliError(
      `${dataDir} is not a Waymark data folder (it has other files in it), so it was left alone. ` +
        "Set WAYMARK_DATA_DIR to an empty folder or to the folder Waymark keeps its database in.",
    );
  }
  progress(`Deleting the database in ${dataDir}`);
  for (const name of entries) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
}

async function resetEmbedded(config: Config): Promise<DatabaseHandle> {
  const unlock = lockDataDir(config.dataDir);
  try {
    emptyDataDir(config.dataDir);
    progress("Creating a new database (this can take several seconds)");
    // Takes over this process's own lock; closing the handle releases it.
    return await openPglite(config.dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function resetServer(config: Config & { databaseUrl: string }, yes: boolean): Promise<DatabaseHandle> {
  const where = describeDatabase(config);
  if (!yes) {
    throw new CliError(
      `This would delete everything in ${where} (the whole "public" schema) and fill it with the demo data. ` +
        "If that is what you want, run `npx waymark demo --yes`.",
    );
  }
  const handle = openPostgres(config.databaseUrl, 1);
  try {
    progress(`Deleting every table in ${where}`);
    await sql`drop schema if exists public cascade`.execute(handle.db);
    await sql`create schema public`.execute(handle.db);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description("reset the database to the demo data (deletes what is there)")
    .option("--yes", "with DATABASE_URL: confirm that the PostgreSQL database may be emptied")
    .action(
      action(async (options: { yes?: boolean }) => {
        const config = loadConfig();
        const handle = config.databaseUrl
          ? await resetServer({ ...config, databaseUrl: config.databaseUrl }, options.yes === true)
          : await resetEmbedded(config);
        try {
          progress("Creating the tables");
          await migrateToLatest(handle.db);
          await loadDemoData(handle.db, { progress, baseUrl: config.baseUrl });
          // Servers already running on this PostgreSQL database must not keep showing what was there.
          if (handle.kind === "postgres") await announceChange(handle.db);
        } finally {
          await handle.close();
        }
        progress(
          `Done. Start Waymark with \`npx waymark serve\`; sign in as ${DEMO_EDITOR.email} with the password ` +
            `"${DEMO_EDITOR.password}" (demo only).`,
        );
      }),
    );
}
