import { z } from "zod";
import { ROLES } from "../auth/types";

export const PASSWORD_MIN_LENGTH = 10;

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid email address.").max(320);
export const ZRole = z.enum(ROLES);

export const ZCreateUserInput = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, "Name is required.").max(200).optional(),
  role: ZRole,
  password: z.string().min(PASSWORD_MIN_LENGTH, `Password must have at least ${PASSWORD_MIN_LENGTH} characters.`).max(1024),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z
  .object({
    role: ZRole.optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZUserId = z.string().uuid("Not a user id.");
