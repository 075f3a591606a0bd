// User management in the data layer: who may do it, validation, and the last-admin guard.
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import type { SessionUser } from "../../lib/auth/types";
import { createUser } from "../../lib/users/create-user";
import { listUsers } from "../../lib/users/list-users";
import { updateUser } from "../../lib/users/update-user";
import { getDb } from "../../lib/db";
import { makeUser, uniqueEmail, useTestDatabase } from "../support/db";

describe("users", () => {
  useTestDatabase();
  let admin: SessionUser;
  let annotator: SessionUser;
  let lead: SessionUser;
  beforeAll(async () => {
    admin = await makeUser("ADMIN");
    annotator = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
  });

  it("lets an admin create a user, stores only a hash, and records an audit event", async () => {
    const email = uniqueEmail("New.Person").toUpperCase();
    const user = await createUser(admin, { email, role: "LEAD", password: "a long password" });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.role).toBe("LEAD");
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(stored.passwordHash).not.toContain("a long password");
    const events = await getDb().auditEvent.findMany({ where: { entityId: user.id, action: "user.create" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(admin.id);
  });

  it("refuses user management to leads and annotators", async () => {
    for (const actor of [lead, annotator]) {
      await expect(listUsers(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createUser(actor, { email: uniqueEmail(), role: "ADMIN", password: "a long password" })).rejects.toBeInstanceOf(AppError);
      await expect(updateUser(actor, annotator.id, { role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const fresh = await getDb().user.findUniqueOrThrow({ where: { id: annotator.id } });
    expect(fresh.role).toBe("ANNOTATOR");
  });

  it("rejects bad input with field errors and duplicate emails with a conflict", async () => {
    const error = await createUser(admin, { email: "not-an-email", role: "WIZARD", password: "short" }).catch((e) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path[0]).sort()).toEqual(["email", "password", "role"]);
    await expect(createUser(admin, { email: annotator.email, role: "ANNOTATOR", password: "a long password" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("changes roles and deactivates, but never removes the last active admin", async () => {
    const target = await makeUser("ANNOTATOR");
    expect((await updateUser(admin, target.id, { role: "LEAD" })).role).toBe("LEAD");
    expect((await updateUser(admin, target.id, { active: false })).active).toBe(false);

    // Leave exactly one active admin, then try to demote and deactivate it.
    await getDb().user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { active: false } });
    await expect(updateUser(admin, admin.id, { role: "LEAD" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateUser(admin, admin.id, { active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });
});
