// GET /api/items/[id]/timeline — created, saves, checks, submissions, comments, decisions, newest first → {timeline}
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { parseItemId } from "@/lib/items/item-record";
import { getTimeline } from "@/lib/review/get-timeline";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (_request, { params }: Context) => ({ timeline: await getTimeline(await requireUser(), parseItemId((await params).id)) }));
