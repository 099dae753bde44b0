import type { Command } from "commander";
import { loadDemoData } from "../features/demo/demo.service.ts";
import { loadConfig } from "../platform/config.ts";
import { startServer } from "../server.ts";
import { action, progress } from "./support.ts";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and API (PORT, HOST, WAYMARK_DATA_DIR, DATABASE_URL)")
    .option("--demo-if-empty", "fill an empty database with the demo programme first")
    .action(
      action(async (options: { demoIfEmpty?: boolean }) => {
        const config = loadConfig();
        const server = await startServer(config, {
          seedIfEmpty: options.demoIfEmpty
            ? async ({ db }) => {
                const existing = await db.selectFrom("programme").select("id").limit(1).executeTakeFirst();
                if (!existing) await loadDemoData(db, { progress });
              }
            : undefined,
        });
        server.app.log.info(`Waymark is ready at ${server.url}`);
        for (const signal of ["SIGINT", "SIGTERM"] as const) {
          process.once(signal, () => {
            server.app.log.info(`${signal}: finishing requests in flight, then stopping`);
            server.stop().then(
              () => process.exit(0),
              (error: unknown) => {
                console.error(error);
                process.exit(1);
              },
            );
          });
        }
      }),
    );
}
