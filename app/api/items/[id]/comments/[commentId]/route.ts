// PATCH /api/items/[id]/comments/[commentId] {resolved} — mark a comment resolved or open again → {comment}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { setCommentResolved } from "@/lib/review/comments";

type Context = { params: Promise<{ id: string; commentId: string }> };

export const PATCH = withRoute(async (request, { params }: Context) => {
  const { id, commentId } = await params;
  return { comment: await setCommentResolved(await requireUser(), id, commentId, await readJson(request)) };
});
