// GET /api/tokens — your API tokens (admins: everyone's), and the scopes your role's tokens may carry
// POST /api/tokens {name, scopes, expiresInDays?, userId?} — create one → 201 with the secret, shown this once
import { requireUser } from "@/lib/auth/session";
import { scopesForRole } from "@/lib/auth/permissions";
import { readJson, withRoute } from "@/lib/http/with-route";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens } from "@/lib/tokens/list-tokens";

export const GET = withRoute(async () => {
  const actor = await requireUser();
  return { tokens: await listTokens(actor), scopesAllowed: scopesForRole(actor.role) };
});

export const POST = withRoute(async (request) => {
  const created = await createToken(await requireUser(), await readJson(request));
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
