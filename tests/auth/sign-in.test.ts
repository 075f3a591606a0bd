// Credentials sign-in: correct and wrong passwords, deactivated accounts, and the rate limit.
import { beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../../lib/auth/sign-in";
import type { SessionUser } from "../../lib/auth/types";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { makeUser, useTestDatabase } from "../support/db";

const PASSWORD = "correct horse battery";

describe("signInWithPassword", () => {
  useTestDatabase();
  let user: SessionUser;
  beforeAll(async () => {
    user = await makeUser("ANNOTATOR", PASSWORD);
  });

  it("returns the user for the right password (email case-insensitive) and null for a wrong one", async () => {
    const ok = await signInWithPassword({ email: user.email.toUpperCase(), password: PASSWORD }, "10.0.0.1");
    expect(ok).toMatchObject({ id: user.id, role: "ANNOTATOR" });
    expect(await signInWithPassword({ email: user.email, password: "wrong password" }, "10.0.0.1")).toBeNull();
    expect(await signInWithPassword({ email: "nobody@test.local", password: PASSWORD }, "10.0.0.1")).toBeNull();
    expect(await signInWithPassword({ email: "not an email" }, "10.0.0.1")).toBeNull();
  });

  it("refuses a deactivated account", async () => {
    const other = await makeUser("LEAD", PASSWORD);
    await getDb().user.update({ where: { id: other.id }, data: { active: false } });
    expect(await signInWithPassword({ email: other.email, password: PASSWORD }, "10.0.0.2")).toBeNull();
  });

  it("locks an email+address out after 10 failures, even with the right password, but not other addresses", async () => {
    const target = await makeUser("LEAD", PASSWORD);
    for (let i = 0; i < 10; i++) {
      expect(await signInWithPassword({ email: target.email, password: `guess ${i}` }, "10.0.0.3")).toBeNull();
    }
    await expect(signInWithPassword({ email: target.email, password: PASSWORD }, "10.0.0.3")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: target.email, password: PASSWORD }, "10.0.0.4")).toMatchObject({ id: target.id });
  });

  it("lets the right password in again once the window has passed", async () => {
    const target = await makeUser("ANNOTATOR", PASSWORD);
    for (let i = 0; i < 10; i++) await signInWithPassword({ email: target.email, password: `guess ${i}` }, "10.0.0.5");
    await expect(signInWithPassword({ email: target.email, password: PASSWORD }, "10.0.0.5")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // 16 minutes later (the default window is 15).
    await getDb().signInAttempt.updateMany({ where: { email: target.email }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await signInWithPassword({ email: target.email, password: PASSWORD }, "10.0.0.5")).toMatchObject({ id: target.id });
  });

  it("names the configured window in the refusal and limits one address across emails", async () => {
    process.env.SIGNIN_WINDOW_MINUTES = "3";
    process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = "4";
    resetEnvCache();
    try {
      const victims = await Promise.all([makeUser("ANNOTATOR", PASSWORD), makeUser("ANNOTATOR", PASSWORD)]);
      for (let i = 0; i < 4; i++) await signInWithPassword({ email: `nobody-${i}@test.local`, password: "x" }, "10.0.0.6");
      for (const victim of victims) {
        await expect(signInWithPassword({ email: victim.email, password: PASSWORD }, "10.0.0.6")).rejects.toThrow("Too many sign-in attempts. Wait 3 minutes and try again.");
      }
      expect(await signInWithPassword({ email: victims[0].email, password: PASSWORD }, "10.0.0.7")).toMatchObject({ id: victims[0].id });
    } finally {
      delete process.env.SIGNIN_WINDOW_MINUTES;
      delete process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS;
      resetEnvCache();
    }
  });
});
