// Entry point of the `fieldwork` command. One module per domain registers its sub-commands.
import { Command } from "commander";
import { registerDbCommands } from "./commands/db";
import { registerEquivCommand } from "./commands/equiv";
import { registerGradeCommand } from "./commands/grade";
import { registerImportCommand } from "./commands/import";
import { registerReleaseCommands } from "./commands/release";
import { registerReviewCommands } from "./commands/review";
import { registerSandboxCommands } from "./commands/sandbox";
import { registerStartCommand } from "./commands/start";
import { registerTokenCommands } from "./commands/token";
import { registerUserCommands } from "./commands/user";

const program = new Command()
  .name("fieldwork")
  .description("Fieldwork: verifiable physics training data")
  .showHelpAfterError();

registerStartCommand(program);
registerDbCommands(program);
registerUserCommands(program);
registerSandboxCommands(program);
registerImportCommand(program);
registerEquivCommand(program);
registerReviewCommands(program);
registerReleaseCommands(program);
registerTokenCommands(program);
registerGradeCommand(program);

await program.parseAsync(process.argv);
