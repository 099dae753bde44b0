import fs from "node:fs";
import { Command, CommanderError } from "commander";
import { backupCommand } from "./backup.command.ts";
import { dataCommand } from "./data.command.ts";
import { demoCommand } from "./demo.command.ts";
import { exportCommand } from "./export.command.ts";
import { importCommand } from "./import.command.ts";
import { migrateCommand } from "./migrate.command.ts";
import { restoreCommand } from "./restore.command.ts";
import { serveCommand } from "./serve.command.ts";
import { usersCommand } from "./users.command.ts";

const { version } = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

const program = new Command()
  .name("waymark")
  .version(version, "-V, --version", "print Waymark's version")
  .description("Deliver, hold to account and monitor a national change programme.")
  .addHelpText(
    "after",
    `
Configuration is by environment variables:
  PORT              the port to serve on (3000)
  HOST              the address to serve on (localhost)
  WAYMARK_DATA_DIR  the embedded database's folder (./data)
  DATABASE_URL      a PostgreSQL server to use instead of the embedded database
  LOG_LEVEL         info, warn, error, silent, ... (info)
  WAYMARK_SMTP_URL  the mail server for invitations (without it, emails are printed)
  WAYMARK_BASE_URL  where people reach Waymark, for the links in emails

Exit codes: 0 done, 1 failed (the message says why), 2 the command was not written as --help shows.`,
  )
  .showHelpAfterError()
  // Commander's own refusals (an unknown command or option, a missing argument) end with 2, so a
  // script can tell a mistyped command from one that ran and failed (1, from support.ts).
  .exitOverride();

serveCommand(program);
migrateCommand(program);
demoCommand(program);
exportCommand(program);
importCommand(program);
backupCommand(program);
restoreCommand(program);
dataCommand(program);
usersCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed what was wrong; help and --version end well.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? 0 : 2;
}
