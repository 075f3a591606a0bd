// The authorization matrix: every route handler under app/api (and every server action) × method × caller →
// the status that caller must get. Route files are discovered from the file system, so a new route or
// method without a row fails here: every route declares who may call it, and which API-token scope covers
// it (none: tokens are refused). Token callers are an admin's tokens (the role may do everything, so only
// the scope decides): with the row's scope, with every other scope, expired, and revoked.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { Scope } from "../lib/auth/types";
import { GOOD_ITEM } from "../tests/support/item-fixtures";
import { sql } from "./database";
import { storageStateFor } from "./support";

type SessionCaller = "anonymous" | "owner" | "otherAnnotator" | "lead" | "admin";
type TokenCaller = "tokenRight" | "tokenWrong" | "tokenExpired" | "tokenRevoked";
type Caller = SessionCaller | TokenCaller;
const SESSION_CALLERS: SessionCaller[] = ["anonymous", "otherAnnotator", "owner", "lead", "admin"];
const TOKEN_CALLERS: TokenCaller[] = ["tokenRight", "tokenWrong", "tokenExpired", "tokenRevoked"];
const SCOPES: Scope[] = ["grade", "export:read", "items:read", "import"];
type Expect = Record<SessionCaller, number>;
type Fixtures = {
  seedId: string; itemId: string; bareItemId: string; submittedItemId: string; commentId: string; importId: string; userId: string; ownerTokenId: string; releaseName: string;
  version: (itemId: string) => Promise<number>;
};
type Body = { data: unknown } | { multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };
type Row = {
  route: string; method: string; path: (f: Fixtures) => string; body?: (f: Fixtures, caller: Caller) => Promise<Body> | Body; expect: Expect;
  /** The API-token scope that covers the route; null: no token may call it. */
  scope: Scope | null;
  /** Token callers' statuses where they differ from the rule (right scope: the admin's status; else 403; expired/revoked: 401). */
  tokens?: Partial<Record<TokenCaller, number>>;
};

/** Routes that do not authenticate (health, next-auth's own): a token changes nothing. */
const tokensIgnored = (status: number): Partial<Record<TokenCaller, number>> => ({ tokenRight: status, tokenWrong: status, tokenExpired: status, tokenRevoked: status });

function tokenExpect(row: Row): Record<TokenCaller, number> {
  return { tokenRight: row.scope ? row.expect.admin : 403, tokenWrong: 403, tokenExpired: 401, tokenRevoked: 401, ...row.tokens };
}

const GROUND_TRUTH = {
  function_name: GOOD_ITEM.answerSpec.functionName, arguments: GOOD_ITEM.answerSpec.arguments, returns: GOOD_ITEM.answerSpec.returns,
  test_cases: GOOD_ITEM.testCases.map(({ inputs, expected, tolerance }) => ({ inputs, expected, tolerance })),
};
const GOOD_RESPONSE = `\`\`\`python\n${GOOD_ITEM.referenceCode}\`\`\``;

const everyone = (status: number): Expect => ({ anonymous: status, owner: status, otherAnnotator: status, lead: status, admin: status });
const signedIn = (status: number): Expect => ({ ...everyone(status), anonymous: 401 });
const staff = (status: number): Expect => ({ anonymous: 401, owner: 403, otherAnnotator: 403, lead: status, admin: status });
const adminOnly = (status: number): Expect => ({ anonymous: 401, owner: 403, otherAnnotator: 403, lead: 403, admin: status });
/** The item's author, a lead and an admin may; another annotator may not. */
const editors = (status: number): Expect => ({ anonymous: 401, owner: status, otherAnnotator: 403, lead: status, admin: status });

const YAML = (tag: string) => ({ name: "matched_pairs.yaml", mimeType: "application/yaml", buffer: Buffer.from(`problem:\n  type: problem\n  content: "Matrix ${tag}: find $x$."\nsolution:\n  type: solution\n  content: "$x = 1$."\n`) });

const ROWS: Row[] = [
  { route: "api/health", method: "GET", path: () => "/api/health", expect: everyone(200), scope: null, tokens: tokensIgnored(200) },
  { route: "api/auth/[...nextauth]", method: "GET", path: () => "/api/auth/session", expect: everyone(200), scope: null, tokens: tokensIgnored(200) },
  // Without next-auth's own CSRF token a sign-out is sent back to the confirmation page, for anyone.
  { route: "api/auth/[...nextauth]", method: "POST", path: () => "/api/auth/signout", body: () => ({ data: {} }), expect: everyone(302), scope: null, tokens: tokensIgnored(302) },
  { route: "api/equivalence", method: "POST", path: () => "/api/equivalence", body: () => ({ data: { gold: "\\frac{1}{2}", pred: "0.5" } }), expect: signedIn(200), scope: "grade" },
  { route: "api/seeds", method: "GET", path: () => "/api/seeds", expect: signedIn(200), scope: "items:read" },
  { route: "api/seeds/[id]", method: "GET", path: (f) => `/api/seeds/${f.seedId}`, expect: signedIn(200), scope: "items:read" },
  { route: "api/items", method: "GET", path: () => "/api/items", expect: signedIn(200), scope: "items:read" },
  { route: "api/items", method: "POST", path: () => "/api/items", body: (f) => ({ data: { seedId: f.seedId } }), expect: signedIn(201), scope: null },
  { route: "api/items/[id]", method: "GET", path: (f) => `/api/items/${f.itemId}`, expect: signedIn(200), scope: "items:read" },
  {
    route: "api/items/[id]", method: "PUT", path: (f) => `/api/items/${f.itemId}`,
    body: async (f, caller) => ({ data: { version: await f.version(f.itemId), description: `Edited in the matrix by ${caller}.` } }),
    expect: editors(200), scope: null,
  },
  // Allowed callers reach the submit gate, which refuses the bare draft's failing checks (422).
  { route: "api/items/[id]/submit", method: "POST", path: (f) => `/api/items/${f.bareItemId}/submit`, body: async (f) => ({ data: { version: await f.version(f.bareItemId) } }), expect: editors(422), scope: null },
  { route: "api/items/[id]/checks", method: "POST", path: (f) => `/api/items/${f.itemId}/checks`, body: () => ({ data: {} }), expect: editors(200), scope: null },
  { route: "api/items/[id]/checks", method: "GET", path: (f) => `/api/items/${f.itemId}/checks`, expect: signedIn(200), scope: "items:read" },
  { route: "api/items/[id]/expected", method: "POST", path: (f) => `/api/items/${f.itemId}/expected`, body: () => ({ data: {} }), expect: editors(200), scope: null },
  { route: "api/items/[id]/revisions", method: "GET", path: (f) => `/api/items/${f.itemId}/revisions`, expect: signedIn(200), scope: "items:read" },
  { route: "api/items/[id]/revisions/[version]", method: "GET", path: (f) => `/api/items/${f.itemId}/revisions/1`, expect: signedIn(200), scope: "items:read" },
  {
    route: "api/items/[id]/revisions/[version]/restore", method: "POST", path: (f) => `/api/items/${f.itemId}/revisions/2/restore`,
    body: async (f) => ({ data: { version: await f.version(f.itemId) } }),
    expect: editors(200), scope: null,
  },
  { route: "api/items/[id]/timeline", method: "GET", path: (f) => `/api/items/${f.itemId}/timeline`, expect: signedIn(200), scope: "items:read" },
  { route: "api/items/[id]/comments", method: "GET", path: (f) => `/api/items/${f.itemId}/comments`, expect: signedIn(200), scope: "items:read" },
  { route: "api/items/[id]/comments", method: "POST", path: (f) => `/api/items/${f.itemId}/comments`, body: (_f, caller) => ({ data: { body: `A word from ${caller}.` } }), expect: editors(201), scope: null },
  { route: "api/items/[id]/comments/[commentId]", method: "PATCH", path: (f) => `/api/items/${f.itemId}/comments/${f.commentId}`, body: () => ({ data: { resolved: true } }), expect: editors(200), scope: null },
  // Allowed callers reach the comment, which suggests nothing to apply (422).
  { route: "api/items/[id]/comments/[commentId]/apply", method: "POST", path: (f) => `/api/items/${f.itemId}/comments/${f.commentId}/apply`, body: async (f) => ({ data: { version: await f.version(f.itemId) } }), expect: editors(422), scope: null },
  // Reviewers get past role and four eyes to the version check (the stale version → 409); nothing changes.
  { route: "api/items/[id]/reviews", method: "POST", path: (f) => `/api/items/${f.submittedItemId}/reviews`, body: () => ({ data: { version: 999, decision: "APPROVE" } }), expect: staff(409), scope: null },
  { route: "api/items/[id]/reopen", method: "POST", path: (f) => `/api/items/${f.submittedItemId}/reopen`, body: () => ({ data: { version: 999 } }), expect: staff(409), scope: null },
  { route: "api/review/queue", method: "GET", path: () => "/api/review/queue", expect: staff(200), scope: null },
  { route: "api/dashboard", method: "GET", path: () => "/api/dashboard?days=90", expect: staff(200), scope: "items:read" },
  { route: "api/items/assign", method: "POST", path: () => "/api/items/assign", body: (f) => ({ data: { itemIds: [f.bareItemId], assigneeId: null } }), expect: staff(200), scope: null },
  { route: "api/seeds/assign", method: "POST", path: () => "/api/seeds/assign", body: (f) => ({ data: { seedIds: [f.seedId], assigneeId: null } }), expect: staff(200), scope: null },
  { route: "api/seeds/claim-next", method: "POST", path: () => "/api/seeds/claim-next", body: () => ({ data: { source: "no-such-source" } }), expect: signedIn(200), scope: null },
  { route: "api/imports", method: "GET", path: () => "/api/imports", expect: staff(200), scope: "import" },
  { route: "api/imports", method: "POST", path: () => "/api/imports", body: (_f, caller) => ({ multipart: { file: YAML(caller), sourceId: "authz-matrix", dryRun: "true" } }), expect: staff(200), scope: "import" },
  { route: "api/imports/[id]", method: "GET", path: (f) => `/api/imports/${f.importId}`, expect: staff(200), scope: "import" },
  { route: "api/users", method: "GET", path: () => "/api/users", expect: adminOnly(200), scope: null },
  {
    route: "api/users", method: "POST", path: () => "/api/users",
    body: (_f, caller) => ({ data: { email: `matrix-${caller}-${Date.now()}@test.local`, role: "ADMIN", password: "a long enough password" } }),
    expect: adminOnly(201), scope: null,
  },
  { route: "api/users/[id]", method: "PATCH", path: (f) => `/api/users/${f.userId}`, body: (_f, caller) => ({ data: { name: `Renamed by ${caller}` } }), expect: adminOnly(200), scope: null },
  { route: "api/tokens", method: "GET", path: () => "/api/tokens", expect: signedIn(200), scope: null },
  { route: "api/tokens", method: "POST", path: () => "/api/tokens", body: (_f, caller) => ({ data: { name: `matrix ${caller}`, scopes: ["grade"] } }), expect: signedIn(201), scope: null },
  // The owner's token: another annotator and a lead do not even learn that it exists; an admin may revoke it too.
  { route: "api/tokens/[id]", method: "DELETE", path: (f) => `/api/tokens/${f.ownerTokenId}`, expect: { anonymous: 401, otherAnnotator: 404, owner: 200, lead: 404, admin: 200 }, scope: null },
  { route: "api/grade", method: "POST", path: () => "/api/grade", body: () => ({ data: { groundTruth: GROUND_TRUTH, response: GOOD_RESPONSE } }), expect: signedIn(200), scope: "grade" },
  { route: "api/grade/batch", method: "POST", path: () => "/api/grade/batch", body: () => ({ data: { requests: [{ groundTruth: GROUND_TRUTH, response: GOOD_RESPONSE }] } }), expect: signedIn(200), scope: "grade" },
  { route: "api/grade/reward.py", method: "GET", path: () => "/api/grade/reward.py", expect: signedIn(200), scope: "grade" },
  {
    route: "api/reward/openrlhf", method: "POST", path: () => "/api/reward/openrlhf",
    body: () => ({ data: { query: [GOOD_RESPONSE], prompts: [""], labels: [JSON.stringify(GROUND_TRUTH)] } }),
    expect: signedIn(200), scope: "grade",
  },
  { route: "api/releases", method: "GET", path: () => "/api/releases", expect: staff(200), scope: "export:read" },
  {
    route: "api/releases", method: "POST", path: () => "/api/releases",
    body: (_f, caller) => ({ data: { name: `matrix-${caller.toLowerCase()}-${Date.now()}`, description: `Created in the matrix by ${caller}.` } }),
    expect: staff(201), scope: null,
  },
  { route: "api/releases/[name]", method: "GET", path: (f) => `/api/releases/${f.releaseName}`, expect: staff(200), scope: "export:read" },
  // Allowed callers reach the validation of the reason (empty → 422), so the fixture stays undeprecated.
  { route: "api/releases/[name]", method: "PATCH", path: (f) => `/api/releases/${f.releaseName}`, body: () => ({ data: { deprecationReason: "" } }), expect: staff(422), scope: null },
  { route: "api/releases/[name]/download", method: "GET", path: (f) => `/api/releases/${f.releaseName}/download`, expect: staff(200), scope: "export:read" },
  { route: "api/releases/[name]/files/[...path]", method: "GET", path: (f) => `/api/releases/${f.releaseName}/files/manifest.json`, expect: staff(200), scope: "export:read" },
];

/** Server actions ("use server" modules) and who may call them. Mutations go through the routes above. */
const ACTIONS: { file: string; exportName: string; expect: Expect }[] = [];

const APP_DIR = path.join(process.cwd(), "app");
const METHOD = /\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** route ("api/items/[id]") → methods its route.ts exports. */
function discoverRoutes(): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const file of walk(path.join(APP_DIR, "api")).filter((f) => path.basename(f) === "route.ts")) {
    const source = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)) if (METHOD.test(m[1])) methods.add(m[1]);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of m[1].split(",")) {
        const name = part.trim().split(/\s+as\s+/).pop()!;
        if (METHOD.test(name)) methods.add(name);
      }
    }
    routes.set(path.relative(APP_DIR, path.dirname(file)).split(path.sep).join("/"), [...methods].sort());
  }
  return routes;
}

function discoverServerActionFiles(): string[] {
  return walk(APP_DIR)
    .filter((f) => /\.(ts|tsx)$/.test(f) && /^\s*(?:\/\/.*\n\s*)*["']use server["']/.test(readFileSync(f, "utf8")))
    .map((f) => path.relative(process.cwd(), f));
}

test("every route, method and server action has a row, and every row a route", () => {
  const routes = discoverRoutes();
  expect(routes.size).toBeGreaterThan(10);
  const declared = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
  const existing = [...routes].flatMap(([route, methods]) => methods.map((m) => `${m} ${route}`));
  expect(existing.filter((k) => !declared.has(k)), "routes without a row in the matrix").toEqual([]);
  expect([...declared].filter((k) => !existing.includes(k)), "rows for routes that do not exist").toEqual([]);
  const actionFiles = discoverServerActionFiles();
  expect(actionFiles.filter((f) => !ACTIONS.some((a) => a.file === f)), "server actions without a row").toEqual([]);
});

test.describe("each caller gets the status the matrix says", () => {
  test.describe.configure({ mode: "serial" });
  const contexts = {} as Record<SessionCaller, APIRequestContext>;
  const tokenContexts = new Map<string, APIRequestContext>();
  /** The admin's tokens: one per scope, all scopes but one, all scopes, expired, revoked. */
  const tokens = { only: {} as Record<Scope, string>, allBut: {} as Record<Scope, string>, all: "", expired: "", revoked: "" };
  let fixtures: Fixtures;
  let baseURL: string;

  const tokenContext = async (secret: string) => {
    if (!tokenContexts.has(secret)) tokenContexts.set(secret, await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } }));
    return tokenContexts.get(secret)!;
  };

  /** The request context a caller uses for a row. */
  async function contextFor(caller: Caller, row: Row): Promise<APIRequestContext> {
    switch (caller) {
      case "tokenRight":
        return tokenContext(row.scope ? tokens.only[row.scope] : tokens.all);
      case "tokenWrong":
        return tokenContext(row.scope ? tokens.allBut[row.scope] : tokens.only["items:read"]);
      case "tokenExpired":
        return tokenContext(tokens.expired);
      case "tokenRevoked":
        return tokenContext(tokens.revoked);
      default:
        return contexts[caller];
    }
  }

  test.beforeAll(async () => {
    baseURL = test.info().project.use.baseURL!;
    const states: Record<Exclude<SessionCaller, "anonymous">, string> = {
      owner: storageStateFor("annotator"), otherAnnotator: storageStateFor("annotator2"), lead: storageStateFor("lead"), admin: storageStateFor("admin"),
    };
    contexts.anonymous = await playwrightRequest.newContext({ baseURL });
    for (const [caller, state] of Object.entries(states)) contexts[caller as SessionCaller] = await playwrightRequest.newContext({ baseURL, storageState: state });

    const seeds = await (await contexts.owner.get("/api/seeds?q=QED")).json();
    const seedId = seeds.seeds[0].id as string;
    const create = async () => ((await (await contexts.owner.post("/api/items", { data: { seedId } })).json()) as { id: string }).id;
    const itemId = await create();
    const bareItemId = await create();
    const version = async (id: string) => ((await (await contexts.owner.get(`/api/items/${id}`)).json()) as { version: number }).version;
    const { statement, description, solution, finalAnswer, referenceCode, answerSpec, testCases, topic, level, difficulty } = GOOD_ITEM;
    const good = { statement, description, solution, finalAnswer, referenceCode, answerSpec, testCases, topic, level, difficulty };
    const saved = await contexts.owner.put(`/api/items/${itemId}`, { data: { version: 1, ...good } });
    expect(saved.status(), await saved.text()).toBe(200);
    const submittedItemId = await create();
    const savedGood = await contexts.owner.put(`/api/items/${submittedItemId}`, { data: { version: 1, ...good } });
    const submitted = await contexts.owner.post(`/api/items/${submittedItemId}/submit`, { data: { version: (await savedGood.json()).version } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    // An approved item, so releases have something to freeze; the fixture release is created by the admin.
    const approvedItemId = await create();
    const savedApproved = await contexts.owner.put(`/api/items/${approvedItemId}`, { data: { version: 1, ...good } });
    const submittedApproved = await contexts.owner.post(`/api/items/${approvedItemId}/submit`, { data: { version: (await savedApproved.json()).version } });
    expect(submittedApproved.status(), await submittedApproved.text()).toBe(200);
    const approved = await contexts.lead.post(`/api/items/${approvedItemId}/reviews`, { data: { version: (await submittedApproved.json()).version, decision: "APPROVE" } });
    expect(approved.status(), await approved.text()).toBe(200);
    const releaseName = `matrix-fixture-${Date.now()}`;
    const release = await contexts.admin.post("/api/releases", { data: { name: releaseName } });
    expect(release.status(), await release.text()).toBe(201);
    const comment = await contexts.lead.post(`/api/items/${itemId}/comments`, { data: { body: "Matrix fixture." } });
    expect(comment.status(), await comment.text()).toBe(201);
    const imported = await contexts.admin.post("/api/imports", { multipart: { file: YAML(`fixture ${Date.now()}`), sourceId: "authz-matrix" } });
    expect(imported.status(), await imported.text()).toBe(200);
    const user = await contexts.admin.post("/api/users", { data: { email: `matrix-target-${Date.now()}@test.local`, role: "ANNOTATOR", password: "a long enough password" } });
    expect(user.status()).toBe(201);

    const mint = async (context: APIRequestContext, scopes: Scope[], name: string) => {
      const response = await context.post("/api/tokens", { data: { name, scopes } });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: string; token: string };
    };
    for (const scope of SCOPES) {
      tokens.only[scope] = (await mint(contexts.admin, [scope], `matrix: ${scope}`)).token;
      tokens.allBut[scope] = (await mint(contexts.admin, SCOPES.filter((s) => s !== scope), `matrix: all but ${scope}`)).token;
    }
    tokens.all = (await mint(contexts.admin, SCOPES, "matrix: all scopes")).token;
    const expired = await mint(contexts.admin, SCOPES, "matrix: expired");
    await sql(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 second' WHERE "id" = $1`, [expired.id]);
    tokens.expired = expired.token;
    const revoked = await mint(contexts.admin, SCOPES, "matrix: revoked");
    expect((await contexts.admin.delete(`/api/tokens/${revoked.id}`)).status()).toBe(200);
    tokens.revoked = revoked.token;
    const ownerToken = await mint(contexts.owner, ["grade"], "matrix: the owner's");

    fixtures = {
      seedId, itemId, bareItemId, submittedItemId, commentId: (await comment.json()).comment.id, importId: (await imported.json()).batchId,
      userId: (await user.json()).user.id, ownerTokenId: ownerToken.id, releaseName, version,
    };
  });

  test.afterAll(async () => {
    await Promise.all([...Object.values(contexts), ...tokenContexts.values()].map((c) => c.dispose()));
  });

  for (const row of ROWS) {
    test(`${row.method} /${row.route}`, async () => {
      const got: Partial<Record<Caller, number>> = {};
      for (const caller of [...SESSION_CALLERS, ...TOKEN_CALLERS]) {
        const body = row.body ? await row.body(fixtures, caller) : {};
        const response = await (await contextFor(caller, row)).fetch(row.path(fixtures), { method: row.method, maxRedirects: 0, ...body });
        got[caller] = response.status();
      }
      expect(got).toEqual({ ...row.expect, ...tokenExpect(row) });
    });
  }
});
