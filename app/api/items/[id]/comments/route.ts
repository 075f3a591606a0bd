// GET /api/items/[id]/comments — the item's thread, oldest first → {comments}
// POST /api/items/[id]/comments {body, field?, quote?, suggestion?} — add a comment → 201 {comment}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { addComment, listComments } from "@/lib/review/comments";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (_request, { params }: Context) => ({ comments: await listComments(await requireUser(), (await params).id) }));

export const POST = withRoute(async (request, { params }: Context) => {
  const actor = await requireUser();
  const comment = await addComment(actor, (await params).id, await readJson(request));
  return Response.json({ comment }, { status: 201 });
});
