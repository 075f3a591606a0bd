// POST /api/equivalence {gold, pred, declarations?, tolerance?, units?, conventions?} — are two LaTeX answers the same?
//   → {equivalent: true | false | null (cannot decide), reason, readAs: {gold, pred}, conventions?}
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { checkEquivalence } from "@/lib/equivalence";
import { ZEquivalenceRequest } from "@/lib/equivalence/schemas";

export const POST = withRoute(async (request) => {
  await requireUser();
  const { gold, pred, declarations, tolerance, units, conventions } = ZEquivalenceRequest.parse(await readJson(request));
  return checkEquivalence(gold, pred, { declarations, tolerance, units, conventions });
});
