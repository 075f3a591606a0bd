// POST /api/items/[id]/comments/[commentId]/apply {version} — apply the comment's suggested replacement to
//   the quoted passage, saved as the next version → {version, status, saved}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { applySuggestion } from "@/lib/review/apply-suggestion";

type Context = { params: Promise<{ id: string; commentId: string }> };

export const POST = withRoute(async (request, { params }: Context) => {
  const { id, commentId } = await params;
  return applySuggestion(await requireUser(), id, commentId, await readJson(request));
});
