import { Command } from "commander";
import { serveCommand } from "./serve.command.ts";

const program = new Command()
  .name("waymark")
  .description("Deliver, hold to account and monitor a national change programme.")
  .showHelpAfterError();

serveCommand(program);

await program.parseAsync(process.argv);
