// GET /api/items/[id] — the item with its version
// PUT /api/items/[id] {version, …fields} — save; 409 {details: {current}} when `version` is stale, 422 with field issues
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { getItem } from "@/lib/items/get-item";
import { saveItem } from "@/lib/items/save-item";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (_request, { params }: Context) => getItem(await requireUser(), (await params).id));

export const PUT = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  return saveItem(actor, (await params).id, await readJson(request));
});
