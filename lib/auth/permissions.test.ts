import { describe, expect, it } from "vitest";
import { assertCan, can, scopeFor, scopesForRole } from "./permissions";
import { SCOPES, type Actor, type Scope } from "./types";

const admin: Actor = { id: "a", email: "a@x", name: "A", role: "ADMIN" };
const lead: Actor = { id: "l", email: "l@x", name: "L", role: "LEAD" };
const annotator: Actor = { id: "n", email: "n@x", name: "N", role: "ANNOTATOR" };

describe("permissions", () => {
  it("gives user management to admins only", () => {
    expect([admin, lead, annotator].map((a) => can(a, "user.manage"))).toEqual([true, false, false]);
  });

  it("lets leads review and import but not annotators", () => {
    expect(can(lead, "item.review")).toBe(true);
    expect(can(lead, "source.import")).toBe(true);
    expect(can(annotator, "item.review")).toBe(false);
    expect(can(annotator, "source.import")).toBe(false);
  });

  it("lets annotators edit only items they wrote or were assigned", () => {
    expect(can(annotator, "item.edit", { authorId: "n" })).toBe(true);
    expect(can(annotator, "item.edit", { authorId: "x", assigneeId: "n" })).toBe(true);
    expect(can(annotator, "item.edit", { authorId: "x", assigneeId: null })).toBe(false);
    expect(can(lead, "item.edit", { authorId: "x" })).toBe(true);
  });

  it("refuses a resource-scoped action asked without its resource, for every role", () => {
    const unchecked = can as (actor: Actor, action: string, resource?: unknown) => boolean;
    for (const actor of [admin, lead, annotator]) {
      expect(unchecked(actor, "item.edit")).toBe(false);
      expect(unchecked(actor, "item.edit", null)).toBe(false);
      expect(() => (assertCan as (a: Actor, x: string) => void)(actor, "item.edit")).toThrow(/may not/);
    }
  });

  it("refuses actions it does not know and roles it does not know", () => {
    const unchecked = can as (actor: Actor, action: string) => boolean;
    expect(unchecked(admin, "item.delete")).toBe(false);
    expect(unchecked(admin, "toString")).toBe(false);
    expect(unchecked(admin, "__proto__")).toBe(false);
    expect(can({ ...admin, role: "ROOT" as Actor["role"] }, "user.manage")).toBe(false);
  });

  it("throws a FORBIDDEN AppError that names the role", () => {
    expect(() => assertCan(annotator, "user.manage")).toThrow(/annotator/);
    try {
      assertCan(annotator, "user.manage");
    } catch (e) {
      expect(e).toMatchObject({ code: "FORBIDDEN", status: 403 });
    }
  });
});

describe("API token callers", () => {
  const token = (actor: Actor, ...scopes: Scope[]): Actor => ({ ...actor, token: { id: "t", scopes } });

  it("may do what the role allows AND a scope of the token covers", () => {
    expect(can(token(annotator, "items:read"), "item.read")).toBe(true);
    expect(can(token(annotator, "grade"), "item.read")).toBe(false);
    expect(can(token(annotator, "grade"), "item.grade")).toBe(true);
    expect(can(token(lead, "export:read"), "release.read")).toBe(true);
    // The scope does not widen the role: an annotator's token never imports or grades drafts.
    expect(can(token(annotator, "import"), "source.import")).toBe(false);
    expect(can(token(annotator, "grade"), "item.gradeCurrent")).toBe(false);
    expect(can(token(lead, "grade"), "item.gradeCurrent")).toBe(true);
  });

  it("refuses every action no scope covers, even to an admin's token with every scope", () => {
    const all = token(admin, ...SCOPES);
    for (const action of ["user.manage", "token.create", "token.manage", "item.create", "item.review", "seed.assign", "release.create"] as const) {
      expect(can(all, action), action).toBe(false);
    }
    expect(can(all, "item.edit", { authorId: "a" })).toBe(false);
    expect(() => assertCan(all, "user.manage")).toThrow(/API tokens may not/);
  });

  it("lets a lead's items:read token read the dashboard, never an annotator's", () => {
    expect(can(token(lead, "items:read"), "dashboard.view")).toBe(true);
    expect(can(token(lead, "grade"), "dashboard.view")).toBe(false);
    expect(can(token(annotator, "items:read"), "dashboard.view")).toBe(false);
  });

  it("names the missing scope in the 403", () => {
    try {
      assertCan(token(lead, "grade"), "source.import");
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "FORBIDDEN", status: 403, details: { scope: "import" } });
      expect((e as Error).message).toMatch(/lacks the scope "import"/);
    }
  });

  it("offers each role the scopes of what it may do", () => {
    expect(scopesForRole("ANNOTATOR")).toEqual(["grade", "items:read"]);
    expect(scopesForRole("LEAD")).toEqual(["grade", "export:read", "items:read", "import"]);
    expect(scopesForRole("ADMIN")).toEqual(["grade", "export:read", "items:read", "import"]);
    expect(scopeFor("item.grade")).toBe("grade");
    expect(scopeFor("user.manage")).toBeNull();
  });
});
