import type { Command } from "commander";
import PinoPretty from "pino-pretty";
import { findUserByEmail, hasAdministrator } from "../features/accounts/user.service.ts";
import { DEMO_EDITOR, loadDemoData } from "../features/demo/demo.service.ts";
import { loadConfig } from "../platform/config.ts";
import type { Db } from "../platform/database.ts";
import { startServer } from "../server.ts";
import { action, progress } from "./support.ts";

/** How to get in, for the first start: the demo's account, or how to make the first administrator. */
async function signInHint(db: Db): Promise<string | undefined> {
  if (await findUserByEmail(db, DEMO_EDITOR.email))
    return (
      `Sign in as ${DEMO_EDITOR.email} with the password "${DEMO_EDITOR.password}" ` +
      "(demo data only; the README lists the demo's other accounts)."
    );
  if (!(await hasAdministrator(db)))
    return (
      "No one can sign in yet. Invite the first administrator with " +
      '`npx waymark users invite you@example.org --name "Your Name" --role administrator`.'
    );
  return undefined;
}

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and API (PORT, HOST, WAYMARK_DATA_DIR, DATABASE_URL)")
    .option("--demo-if-empty", "fill an empty database with the demo programme first")
    .action(
      action(async (options: { demoIfEmpty?: boolean }) => {
        const config = loadConfig();
        const server = await startServer(config, {
          // A line a person can read on a terminal; JSON, one object a line, for a log collector.
          logStream: process.stdout.isTTY
            ? PinoPretty({ translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,reqId", singleLine: true })
            : undefined,
          seedIfEmpty: options.demoIfEmpty
            ? async ({ db }) => {
                const existing = await db.selectFrom("programme").select("id").limit(1).executeTakeFirst();
                if (!existing) await loadDemoData(db, { progress, baseUrl: config.baseUrl });
              }
            : undefined,
        });
        server.app.log.info(`Waymark is ready at ${server.url}`);
        const hint = await signInHint(server.handle.db);
        if (hint) progress(hint);
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
