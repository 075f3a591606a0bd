// POST /api/reward/openrlhf {query, prompts, labels} — OpenRLHF's remote reward protocol → {rewards, scores, extra_logs}
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { readJson, withRoute } from "@/lib/http/with-route";
import { rewardOpenRLHF } from "@/lib/grading/openrlhf";

export const POST = withRoute(async (request) => {
  const actor = await requireUser();
  return rewardOpenRLHF(actor, await readJson(request, getEnv().GRADE_MAX_BODY_BYTES));
});
