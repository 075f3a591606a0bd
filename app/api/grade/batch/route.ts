// POST /api/grade/batch[?version=current] {requests: [{item | release + (index | itemId) | groundTruth, response}, …]}
//   (≤ 256) → {results} in order; a bad request is {error, status} in its slot
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { readJson, searchParams, withRoute } from "@/lib/http/with-route";
import { gradeBatch } from "@/lib/grading/grade-requests";

export const POST = withRoute(async (request) => {
  const actor = await requireUser();
  return gradeBatch(actor, await readJson(request, getEnv().GRADE_MAX_BODY_BYTES), { version: searchParams(request).version });
});
