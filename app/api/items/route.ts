// GET /api/items — items, most recently edited first (?status, ?author=me|all|<user id>, ?source, ?cursor, ?limit)
// POST /api/items {seedId} — adapt a seed: a new DRAFT item owned by the caller → 201 {id, version}
import { requireUser } from "@/lib/auth/session";
import { readJson, searchParams, withRoute } from "@/lib/http/with-route";
import { createItem } from "@/lib/items/create-item";
import { listItems } from "@/lib/items/list-items";

export const GET = withRoute(async (request) => listItems(await requireUser(), searchParams(request)));

export const POST = withRoute(async (request) => {
  const actor = await requireUser();
  return Response.json(await createItem(actor, await readJson(request)), { status: 201 });
});
