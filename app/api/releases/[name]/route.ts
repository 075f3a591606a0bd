// GET /api/releases/[name] — the release: its manifest (counts, filters, split ratios, files with sha256) and state
// PATCH /api/releases/[name] {deprecationReason} — mark it deprecated (once; nothing else about a release changes)
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { deprecateRelease } from "@/lib/export/deprecate-release";
import { getRelease } from "@/lib/export/get-release";

type Context = { params: Promise<{ name: string }> };

export const GET = withRoute(async (_request, { params }: Context) => getRelease(await requireUser(), (await params).name));

export const PATCH = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  const body = (await readJson(request)) as { deprecationReason?: unknown };
  return deprecateRelease(actor, (await params).name, { reason: body?.deprecationReason });
});
