// POST /api/items/assign {itemIds | filter, assigneeId | null} — hand drafts to another annotator (leads, admins) → {assigned}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { assignItems } from "@/lib/items/assign-items";

export const POST = withRoute(async (request) => assignItems(await requireUser(), await readJson(request)));
