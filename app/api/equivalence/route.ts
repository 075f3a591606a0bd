// POST /api/equivalence {gold, pred, declarations?, tolerance?, units?, conventions?} — are two LaTeX answers the same?
//   → {equivalent: true | false | null (cannot decide), reason, readAs: {gold, pred}, conventions?};
//   422 "cannot decide: too large" past the time budget
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { ZEquivalenceRequest } from "@/lib/equivalence/schemas";
import { checkEquivalenceOffThread } from "@/lib/workers/check-equivalence";

export const POST = withRoute(async (request) => {
  await requireUser();
  const { gold, pred, ...options } = ZEquivalenceRequest.parse(await readJson(request));
  return checkEquivalenceOffThread(gold, pred, options);
});
