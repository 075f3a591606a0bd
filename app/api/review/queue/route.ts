// GET /api/review/queue?source&author&topic&level&difficulty&submittedAfter&submittedBefore&checks&cursor&limit
//   — SUBMITTED items, oldest submission first → {items, nextCursor, total}
import { requireUser } from "@/lib/auth/session";
import { searchParams, withRoute } from "@/lib/http/with-route";
import { listReviewQueue } from "@/lib/review/list-queue";

export const GET = withRoute(async (request) => listReviewQueue(await requireUser(), searchParams(request)));
