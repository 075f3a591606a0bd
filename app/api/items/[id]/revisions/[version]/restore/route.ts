// POST /api/items/[id]/revisions/[version]/restore {version: current} — save that revision's fields as a new version
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { restoreRevision } from "@/lib/items/revisions";

type Context = { params: Promise<{ id: string; version: string }> };

export const POST = withRoute(async (request, { params }: Context) => {
  const { id, version } = await params;
  const actor = await requireUser();
  return restoreRevision(actor, id, version, await readJson(request));
});
