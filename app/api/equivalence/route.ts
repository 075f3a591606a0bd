// POST /api/equivalence {gold, pred, declarations?, tolerance?, units?, conventions?} — are two LaTeX answers the same?
//   → {equivalent: true | false | null (cannot decide), reason, readAs: {gold, pred}, conventions?};
//   422 "cannot decide: too large" past the time budget
import { assertCan } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { ZEquivalenceRequest } from "@/lib/equivalence/schemas";
import { checkEquivalenceOffThread } from "@/lib/workers/check-equivalence";

export const POST = withRoute(async (request) => {
  // Checking an answer is grading: everyone signed in, and API tokens with the "grade" scope.
  assertCan(await requireUser(), "item.grade");
  const { gold, pred, ...options } = ZEquivalenceRequest.parse(await readJson(request));
  return checkEquivalenceOffThread(gold, pred, options);
});
