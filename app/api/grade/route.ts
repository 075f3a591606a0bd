// POST /api/grade[?version=current] {item | release + (index | itemId) | groundTruth, response} — grade one model
//   response as the checks would → {passed, score, casesPassed, casesTotal, cases, code, functionName, isolation, ms}
import { requireUser } from "@/lib/auth/session";
import { readJson, searchParams, withRoute } from "@/lib/http/with-route";
import { gradeOne } from "@/lib/grading/grade-requests";

export const POST = withRoute(async (request) => gradeOne(await requireUser(), await readJson(request), { version: searchParams(request).version }));
