// fieldwork token create | list | revoke — API tokens for scripts (the secret is printed once)
import type { Command } from "commander";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { getDb } from "../../../lib/db";
import { AppError } from "../../../lib/errors";
import { createToken } from "../../../lib/tokens/create-token";
import { listTokens } from "../../../lib/tokens/list-tokens";
import { revokeToken } from "../../../lib/tokens/revoke-token";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

type CreateOptions = OutputOptions & { user: string; name: string; scopes: string; days?: string };

async function userIdOf(email: string): Promise<string> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No user with the email ${email}.`);
  return user.id;
}

export function registerTokenCommands(program: Command): void {
  const token = program.command("token").description("API tokens for scripts (Authorization: Bearer fw_…)");

  token.command("create")
    .description("create a token for a user; the secret is printed once and never stored")
    .requiredOption("--user <email>", "whose token (it acts as this user, limited to its scopes)")
    .requiredOption("--name <name>", "what will use it")
    .requiredOption("--scopes <list>", "comma-separated: grade, export:read, items:read, import (only those the user's role may have)")
    .option("--days <n>", "days until it expires (1–365)", "90")
    .option("--json", "print {id, token, expiresAt, …}")
    .action(async (options: CreateOptions) => {
      try {
        const created = await withDatabase(async () =>
          createToken(CLI_ACTOR, {
            userId: await userIdOf(options.user),
            name: options.name,
            scopes: options.scopes.split(",").map((s) => s.trim()).filter(Boolean),
            expiresInDays: options.days,
          }),
        );
        emit(options, created, () => `${created.token}\n(token "${created.name}" for ${created.user.email}, scopes ${created.scopes.join(", ")}, expires ${created.expiresAt}; shown once: store it now)`);
      } catch (error) {
        fail(options, error);
      }
    });

  token.command("list")
    .description("list tokens (everyone's, or one user's)")
    .option("--user <email>", "only this user's tokens")
    .option("--json", "print {tokens: [...]}")
    .action(async (options: OutputOptions & { user?: string }) => {
      try {
        const tokens = await withDatabase(() => listTokens(CLI_ACTOR, { userEmail: options.user }));
        emit(options, { tokens }, () =>
          tokens.length === 0 ? "No tokens." : tokens.map((t) =>
            `${t.id}  ${t.prefix}…  ${t.status.padEnd(7)}  ${t.user.email.padEnd(30)}  ${t.name}  [${t.scopes.join(", ")}]  expires ${t.expiresAt ?? "never"}  last used ${t.lastUsedAt ?? "never"}`,
          ).join("\n"),
        );
      } catch (error) {
        fail(options, error);
      }
    });

  token.command("revoke")
    .description("revoke a token: it stops working at once")
    .argument("<id>", "token id (fieldwork token list)")
    .option("--json", "print {token}")
    .action(async (id: string, options: OutputOptions) => {
      try {
        const revoked = await withDatabase(() => revokeToken(CLI_ACTOR, id));
        emit(options, { token: revoked }, () => `Revoked "${revoked.name}" (${revoked.prefix}…) of ${revoked.user.email}.`);
      } catch (error) {
        fail(options, error);
      }
    });
}
