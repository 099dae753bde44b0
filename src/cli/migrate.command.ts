import type { Command } from "commander";
import { migrateToLatest } from "../db/migrate.ts";
import { loadConfig } from "../platform/config.ts";
import { action, describeDatabase, progress, withDatabase } from "./support.ts";

export function migrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("bring the database's tables up to date (serve does this too when it starts)")
    .action(
      action(async () => {
        const config = loadConfig();
        progress(`Migrating ${describeDatabase(config)}`);
        const ran = await withDatabase(config, (handle) => migrateToLatest(handle.db));
        progress(
          ran.length === 0
            ? "The database was already up to date."
            : `Ran ${ran.length} migration${ran.length === 1 ? "" : "s"}: ${ran.join(", ")}`,
        );
      }),
    );
}
