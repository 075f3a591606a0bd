// fieldwork user add | list
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { createUser } from "../../../lib/users/create-user";
import { listUsers } from "../../../lib/users/list-users";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

type AddOptions = OutputOptions & { email: string; role: string; password?: string; name?: string };

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("manage user accounts");

  user.command("add")
    .description("create a user (a password is generated and printed when --password is absent)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", "ADMIN, LEAD or ANNOTATOR")
    .option("--password <password>", "at least 10 characters")
    .option("--name <name>", "display name")
    .option("--json", "print one JSON object")
    .action(async (options: AddOptions) => {
      try {
        const generated = options.password ? undefined : randomBytes(12).toString("base64url");
        const password = options.password ?? generated!;
        const created = await withDatabase(() =>
          createUser(CLI_ACTOR, { email: options.email, role: options.role.toUpperCase(), password, name: options.name }),
        );
        emit(options, { user: created, ...(generated ? { password: generated } : {}) }, () =>
          `Created ${created.role.toLowerCase()} ${created.email}${generated ? ` with password ${generated}` : ""}.`,
        );
      } catch (error) {
        fail(options, error);
      }
    });

  user.command("list")
    .description("list users")
    .option("--json", "print one JSON object")
    .action(async (options: OutputOptions) => {
      try {
        const users = await withDatabase(() => listUsers(CLI_ACTOR));
        emit(options, { users }, () =>
          users.map((u) => `${u.email.padEnd(36)} ${u.role.padEnd(10)} ${u.active ? "active" : "inactive"}`).join("\n"),
        );
      } catch (error) {
        fail(options, error);
      }
    });
}
