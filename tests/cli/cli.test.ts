// The `fieldwork` command as a script would use it: one JSON object with --json, non-zero exit with a
// one-line message on error.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { uniqueEmail, useTestDatabase } from "../support/db";

function fieldwork(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ["scripts/fieldwork.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("fieldwork CLI", () => {
  const url = useTestDatabase();

  it("adds a user with a generated password and lists it", () => {
    const email = uniqueEmail("cli");
    const added = fieldwork(["user", "add", "--email", email, "--role", "lead", "--json"], url);
    expect(added.status).toBe(0);
    const body = JSON.parse(added.stdout);
    expect(body.user).toMatchObject({ email, role: "LEAD", active: true });
    expect(body.password).toMatch(/^[\w-]{16}$/);

    const listed = fieldwork(["user", "list", "--json"], url);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout).users.map((u: { email: string }) => u.email)).toContain(email);
  });

  it("fails with exit 1 and one line naming the problem", () => {
    const bad = fieldwork(["user", "add", "--email", "x@test.local", "--role", "wizard", "--json"], url);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^fieldwork: role: /);
    expect(JSON.parse(bad.stdout).error).toMatch(/role/);
  });

  it("reports migrations as up to date on a migrated database", () => {
    const res = fieldwork(["db", "migrate", "--json"], url);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ applied: [], alreadyApplied: 1 });
  });
});
