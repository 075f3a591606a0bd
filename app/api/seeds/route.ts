// GET /api/seeds — seeds, newest first, keyset-paginated (?status, ?source, ?q, ?cursor, ?limit)
import { requireUser } from "@/lib/auth/session";
import { searchParams, withRoute } from "@/lib/http/with-route";
import { listSeeds } from "@/lib/seeds/list-seeds";

export const GET = withRoute(async (request) => listSeeds(await requireUser(), searchParams(request)));
