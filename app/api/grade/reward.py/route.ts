// GET /api/grade/reward.py — the Python reward module (fieldwork_reward.py): verl, TRL and OpenRLHF grade with
// the same verdicts as POST /api/grade, locally or against this server
import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/with-route";
import { getRewardModule } from "@/lib/grading/reward-module";

export const GET = withRoute(async () => {
  const source = await getRewardModule(await requireUser());
  return new Response(source, {
    headers: { "Content-Type": "text/x-python; charset=utf-8", "Content-Disposition": 'attachment; filename="fieldwork_reward.py"', "Cache-Control": "no-cache" },
  });
});
