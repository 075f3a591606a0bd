// POST /api/equivalence {gold, pred, declarations?, tolerance?, …} — are two LaTeX answers the same?
//   → {equivalent, reason, readAs: {gold, pred}}; 422 "cannot decide: too large" past the time budget
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { ZEquivalenceRequest } from "@/lib/equivalence/schemas";
import { checkEquivalenceOffThread } from "@/lib/workers/check-equivalence";

export const POST = withRoute(async (request) => {
  await requireUser();
  const { gold, pred, ...options } = ZEquivalenceRequest.parse(await readJson(request));
  return checkEquivalenceOffThread(gold, pred, options);
});
