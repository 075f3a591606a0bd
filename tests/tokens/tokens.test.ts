// API tokens against a real PostgreSQL, through the real route handlers: scopes intersected with the role,
// 401 for unknown, expired and revoked tokens and deactivated accounts, the per-token rate limit, lastUsedAt
// once a minute, and what a token request may skip (same-origin) or not (the JSON body type).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listItemsRoute } from "../../app/api/items/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "../../app/api/tokens/route";
import { DELETE as revokeTokenRoute } from "../../app/api/tokens/[id]/route";
import { POST as equivalenceRoute } from "../../app/api/equivalence/route";
import { GET as importsRoute } from "../../app/api/imports/route";
import type { SessionUser } from "../../lib/auth/types";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { resetTokenRateLimits } from "../../lib/tokens/authenticate-token";
import { createToken } from "../../lib/tokens/create-token";
import { listTokens } from "../../lib/tokens/list-tokens";
import { revokeToken } from "../../lib/tokens/revoke-token";
import { makeUser, useTestDatabase } from "../support/db";
import { callRoute } from "../support/route-call";

let annotator: SessionUser;
let lead: SessionUser;
let admin: SessionUser;

const tokenFor = async (user: SessionUser, scopes: string[], name = "test") => (await createToken(user, { name, scopes })).token;

describe("API tokens", () => {
  useTestDatabase();
  beforeAll(async () => {
    annotator = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
    admin = await makeUser("ADMIN");
  });
  afterEach(() => {
    delete process.env.API_TOKEN_RATE_LIMIT;
    resetEnvCache();
    resetTokenRateLimits();
  });

  it("stores only a hash and a prefix, and shows the secret once", async () => {
    const created = await createToken(annotator, { name: "verl on cluster A", scopes: ["grade"] });
    expect(created.token).toMatch(/^fw_[0-9A-Za-z]{43}$/);
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.prefix).toBe(created.token.slice(0, 11));
    expect(created.expiresAt).not.toBeNull();
    const days = (new Date(created.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    expect(JSON.stringify(await listTokens(annotator))).not.toContain(created.token);
  });

  it("limits scopes to what the role may do, and expiry to a year", async () => {
    await expect(createToken(annotator, { name: "x", scopes: ["import"] })).rejects.toThrow(/may not have .{0,3}"import/);
    await expect(createToken(annotator, { name: "x", scopes: ["export:read"] })).rejects.toThrow(/may not have .{0,3}"export:read/);
    await expect(createToken(lead, { name: "x", scopes: ["import", "export:read"], expiresInDays: 400 })).rejects.toThrow(/At most 365 days/);
    await expect(createToken(lead, { name: "x", scopes: [] })).rejects.toThrow(/at least one scope/);
    await expect(createToken(lead, { name: "x", scopes: ["admin"] })).rejects.toThrow(/A scope is one of/);
    await expect(createToken(annotator, { name: "x", scopes: ["grade"], userId: lead.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await createToken(admin, { name: "for the lead", scopes: ["import"], userId: lead.id })).user.id).toBe(lead.id);
  });

  it("acts as its user with the intersection of role and scopes; a missing scope is a 403 naming it", async () => {
    const reader = await tokenFor(annotator, ["items:read"]);
    const grader = await tokenFor(annotator, ["grade"]);
    expect((await callRoute(listItemsRoute, { url: "/api/items", token: reader })).status).toBe(200);
    const refused = await callRoute(listItemsRoute, { url: "/api/items", token: grader });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/lacks the scope "items:read"/);
    expect(refused.body.details).toEqual({ scope: "items:read" });
    // A lead's import token imports; an annotator's role does not, whatever a token says.
    const leadImporter = await tokenFor(lead, ["import"]);
    expect((await callRoute(importsRoute, { url: "/api/imports", token: leadImporter })).status).toBe(200);
    expect((await callRoute(importsRoute, { url: "/api/imports", token: reader })).status).toBe(403);
    // Answer checking is grading.
    const equiv = { gold: "\\frac12", pred: "0.5" };
    expect((await callRoute(equivalenceRoute, { method: "POST", url: "/api/equivalence", token: grader, body: equiv })).status).toBe(200);
    expect((await callRoute(equivalenceRoute, { method: "POST", url: "/api/equivalence", token: reader, body: equiv })).status).toBe(403);
  });

  it("never manages tokens, whatever its scopes", async () => {
    const all = await tokenFor(admin, ["grade", "export:read", "items:read", "import"]);
    const created = await callRoute(createTokenRoute, { method: "POST", url: "/api/tokens", token: all, body: { name: "child", scopes: ["grade"] } });
    expect(created.status).toBe(403);
    expect(created.body.error).toMatch(/API tokens may not create API tokens/);
    expect((await callRoute(listTokensRoute, { url: "/api/tokens", token: all })).status).toBe(403);
  });

  it("answers 401 saying why: unknown, malformed, expired, revoked, deactivated", async () => {
    const why = async (token: string) => {
      const r = await callRoute(listItemsRoute, { url: "/api/items", token });
      return [r.status, r.body.error];
    };
    expect(await why(`fw_${"A".repeat(43)}`)).toEqual([401, "Unknown API token."]);
    expect((await why("not-a-token"))[0]).toBe(401);
    const expired = await createToken(annotator, { name: "old", scopes: ["items:read"] });
    await getDb().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await why(expired.token)).toEqual([401, expect.stringMatching(/^This API token expired on /)]);
    const revoked = await createToken(annotator, { name: "gone", scopes: ["items:read"] });
    await revokeToken(annotator, revoked.id);
    expect(await why(revoked.token)).toEqual([401, expect.stringMatching(/^This API token was revoked on /)]);
    const leaver = await makeUser("ANNOTATOR");
    const theirs = await tokenFor(leaver, ["items:read"]);
    expect((await why(theirs))[0]).toBe(200);
    await getDb().user.update({ where: { id: leaver.id }, data: { active: false } });
    expect(await why(theirs)).toEqual([401, "The account this API token belongs to is deactivated."]);
  });

  it("follows the user's role as it is now", async () => {
    const promoted = await makeUser("LEAD");
    const token = await tokenFor(promoted, ["import"]);
    expect((await callRoute(importsRoute, { url: "/api/imports", token })).status).toBe(200);
    await getDb().user.update({ where: { id: promoted.id }, data: { role: "ANNOTATOR" } });
    expect((await callRoute(importsRoute, { url: "/api/imports", token })).status).toBe(403);
  });

  it("rate-limits per token with 429 and Retry-After", async () => {
    process.env.API_TOKEN_RATE_LIMIT = "3";
    resetEnvCache();
    resetTokenRateLimits();
    const a = await tokenFor(annotator, ["items:read"]);
    const b = await tokenFor(annotator, ["items:read"]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await callRoute(listItemsRoute, { url: "/api/items", token: a })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await callRoute(listItemsRoute, { url: "/api/items", token: a });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body.error).toMatch(/limit 3 per minute/);
    expect((await callRoute(listItemsRoute, { url: "/api/items", token: b })).status).toBe(200);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const created = await createToken(annotator, { name: "clock", scopes: ["items:read"] });
    const lastUsed = async () => (await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await callRoute(listItemsRoute, { url: "/api/items", token: created.token });
    expect(await lastUsed()).toBeInstanceOf(Date);
    const recent = new Date(Date.now() - 30_000);
    await getDb().apiToken.update({ where: { id: created.id }, data: { lastUsedAt: recent } });
    await callRoute(listItemsRoute, { url: "/api/items", token: created.token });
    expect(await lastUsed()).toEqual(recent);
    const old = new Date(Date.now() - 120_000);
    await getDb().apiToken.update({ where: { id: created.id }, data: { lastUsedAt: old } });
    await callRoute(listItemsRoute, { url: "/api/items", token: created.token });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(old.getTime() + 60_000);
  });

  it("skips the same-origin check for token requests (no cookies to forge) but keeps the JSON body rule", async () => {
    const token = await tokenFor(annotator, ["grade"]);
    const equiv = JSON.stringify({ gold: "1", pred: "1" });
    const crossSite = await callRoute(equivalenceRoute, { method: "POST", url: "/api/equivalence", token, body: equiv, headers: { origin: "http://evil.example" } });
    expect(crossSite.status).toBe(200);
    const plain = await callRoute(equivalenceRoute, { method: "POST", url: "/api/equivalence", token, body: equiv, headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    // Without a token the same cross-site request is refused as before.
    const cookieLess = await callRoute(equivalenceRoute, { method: "POST", url: "/api/equivalence", body: equiv, headers: { origin: "http://evil.example" } });
    expect(cookieLess.status).toBe(403);
  });

  it("lists your own tokens; admins see and revoke everyone's; others' tokens are not found", async () => {
    const mine = await createToken(annotator, { name: "mine", scopes: ["grade"] });
    const leads = await createToken(lead, { name: "leads", scopes: ["grade"] });
    const ownList = await listTokens(annotator);
    expect(ownList.every((t) => t.user.id === annotator.id)).toBe(true);
    expect(ownList.map((t) => t.id)).toContain(mine.id);
    expect((await listTokens(admin)).map((t) => t.id)).toEqual(expect.arrayContaining([mine.id, leads.id]));
    await expect(revokeToken(annotator, leads.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await revokeToken(admin, leads.id)).status).toBe("revoked");
    expect(await getDb().auditEvent.count({ where: { entityId: leads.id, action: "token.revoke" } })).toBe(1);
    // Revoking again changes nothing.
    expect((await revokeToken(admin, leads.id)).status).toBe("revoked");
    expect(await getDb().auditEvent.count({ where: { entityId: leads.id, action: "token.revoke" } })).toBe(1);
    expect((await callRoute(revokeTokenRoute, { method: "DELETE", url: `/api/tokens/${mine.id}`, token: mine.token, params: { id: mine.id } })).status).toBe(403);
  });
});
