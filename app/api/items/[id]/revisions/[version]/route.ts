// GET /api/items/[id]/revisions/[version] — one saved version with its fields
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { getRevision } from "@/lib/items/revisions";

type Context = { params: Promise<{ id: string; version: string }> };

export const GET = withRoute(async (_request, { params }: Context) => {
  const { id, version } = await params;
  return getRevision(await requireUser(), id, version);
});
