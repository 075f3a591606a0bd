import { z } from "zod";
import { SCOPES } from "../auth/types";

export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export const ZScope = z.enum(SCOPES, { error: `A scope is one of ${SCOPES.join(", ")}.` });

export const ZCreateTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name (what will use it).").max(100, "At most 100 characters."),
  scopes: z.array(ZScope).min(1, "Choose at least one scope.").max(SCOPES.length).transform((s) => [...new Set(s)]),
  expiresInDays: z.coerce.number().int("Whole days.").min(1, "At least 1 day.").max(TOKEN_MAX_DAYS, `At most ${TOKEN_MAX_DAYS} days (a year).`).default(TOKEN_DEFAULT_DAYS),
  /** Whose token (admins only; default: the caller's own). */
  userId: z.string().uuid("Not a user id.").optional(),
});
export type TCreateTokenInput = z.infer<typeof ZCreateTokenInput>;

export const ZTokenId = z.string().uuid("Not a token id.");
