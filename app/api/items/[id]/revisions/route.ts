// GET /api/items/[id]/revisions — every saved version, newest first
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { listRevisions } from "@/lib/items/revisions";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (_request, { params }: Context) => ({
  revisions: await listRevisions(await requireUser(), (await params).id),
}));
