// POST /api/seeds/assign {seedIds? | filter?, count?, assigneeId | null} — assign seeds to a user, or unassign
//   them (leads, admins; up to 10,000 per request) → {assigned}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { assignSeeds } from "@/lib/seeds/assign-seeds";

export const POST = withRoute(async (request) => assignSeeds(await requireUser(), await readJson(request)));
