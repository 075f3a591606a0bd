// POST /api/equivalence {gold, pred, declarations?, tolerance?} — are two LaTeX answers the same?
//   → {equivalent, reason, readAs: {gold, pred}}
import { assertCan } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { checkEquivalence } from "@/lib/equivalence";
import { ZEquivalenceRequest } from "@/lib/equivalence/schemas";

export const POST = withRoute(async (request) => {
  // Checking an answer is grading: everyone signed in, and API tokens with the "grade" scope.
  assertCan(await requireUser(), "item.grade");
  const { gold, pred, declarations, tolerance } = ZEquivalenceRequest.parse(await readJson(request));
  return checkEquivalence(gold, pred, { declarations, tolerance });
});
