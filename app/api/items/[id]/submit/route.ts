// POST /api/items/[id]/submit {version} — DRAFT/CHANGES_REQUESTED → SUBMITTED as a new version
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { submitItem } from "@/lib/items/submit-item";

type Context = { params: Promise<{ id: string }> };

export const POST = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  return submitItem(actor, (await params).id, await readJson(request));
});
