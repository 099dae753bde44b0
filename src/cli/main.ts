import { Command } from "commander";
import { backupCommand } from "./backup.command.ts";
import { dataCommand } from "./data.command.ts";
import { demoCommand } from "./demo.command.ts";
import { exportCommand } from "./export.command.ts";
import { importCommand } from "./import.command.ts";
import { migrateCommand } from "./migrate.command.ts";
import { restoreCommand } from "./restore.command.ts";
import { serveCommand } from "./serve.command.ts";
import { usersCommand } from "./users.command.ts";

const program = new Command()
  .name("waymark")
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
  WAYMARK_BASE_URL  where people reach Waymark, for the links in emails`,
  )
  .showHelpAfterError();

serveCommand(program);
migrateCommand(program);
demoCommand(program);
exportCommand(program);
importCommand(program);
backupCommand(program);
restoreCommand(program);
dataCommand(program);
usersCommand(program);

await program.parseAsync(process.argv);
