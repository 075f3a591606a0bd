// POST /api/items/[id]/reviews {version, decision: APPROVE|REQUEST_CHANGES|REJECT, comment?} — decide on the
//   version reviewed → {status, version}; 409 when it moved on, 403 for the item's author or last editor,
//   422 when approval's re-run of the checks finds a blocking failure
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { decideItem } from "@/lib/review/decide-item";

type Context = { params: Promise<{ id: string }> };

export const POST = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  return decideItem(actor, (await params).id, await readJson(request));
});
