// GET /api/items — items, most recently edited first (?status, ?author=me|all|<user id>, ?source, ?cursor, ?limit;
//   ?total=1 adds the filter's total, capped: {total, totalCapped})
// POST /api/items {seedId} — adapt a seed: a new DRAFT item owned by the caller → 201 {id, version}
import { requireUser } from "@/lib/auth/session";
import { readJson, searchParams, withRoute } from "@/lib/http/with-route";
import { createItem } from "@/lib/items/create-item";
import { listItems } from "@/lib/items/list-items";

export const GET = withRoute(async (request) => {
  const { total, ...query } = searchParams(request);
  return listItems(await requireUser(), query, { withTotal: total === "1" });
});

export const POST = withRoute(async (request) => {
  const actor = await requireUser();
  return Response.json(await createItem(actor, await readJson(request)), { status: 201 });
});
