// POST /api/items/[id]/reopen {version} — a REJECTED item back to DRAFT (leads, admins) → {status, version}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { reopenItem } from "@/lib/review/reopen-item";

type Context = { params: Promise<{ id: string }> };

export const POST = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  return reopenItem(actor, (await params).id, await readJson(request));
});
