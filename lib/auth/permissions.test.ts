import { describe, expect, it } from "vitest";
import { assertCan, can } from "./permissions";
import type { Actor } from "./types";

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
