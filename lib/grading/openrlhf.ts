import "server-only";
// OpenRLHF's remote reward protocol (--remote_rm_url, --reward.remote_url since 0.10.2): POST
// {query: [prompt + response…], prompts: [...], labels: [ground truth…]} → {rewards, scores, extra_logs}.
// Each label is the verl export's ground truth (a JSON string); the response is the query after its prompt.
// A label that is not a ground truth refuses the request (422 naming it): a data error must be loud, never a
// silent zero reward.
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { AppError } from "../errors";
import { fieldErrors } from "../items/item-record";
import { gradeResponse } from "./grade-response";
import { responseOfQuery, ZOpenRLHFRequest } from "./schemas";
import { parseGroundTruth } from "./test-bundle";

export type OpenRLHFReward = {
  rewards: number[];
  scores: number[];
  extra_logs: { cases_passed: number[]; cases_total: number[]; cases_fraction: number[] };
};

export async function rewardOpenRLHF(actor: Actor, raw: unknown): Promise<OpenRLHFReward> {
  assertCan(actor, "item.grade");
  const request = ZOpenRLHFRequest.parse(raw);
  const bundles = request.labels.map((label, i) => {
    const parsed = parseGroundTruth(label);
    if (!parsed.ok) throw fieldErrors(parsed.issues.map((p) => ({ ...p, path: ["labels", i, ...p.path] })));
    if (!parsed.bundle.testCases.length) throw new AppError("INVALID", `labels.${i} has no test cases.`);
    return parsed.bundle;
  });
  const results = await Promise.all(request.query.map((query, i) => gradeResponse(bundles[i], responseOfQuery(query, request.prompts?.[i]))));
  const scores = results.map((r) => r.score);
  return {
    rewards: scores,
    scores,
    extra_logs: {
      cases_passed: results.map((r) => r.casesPassed),
      cases_total: results.map((r) => r.casesTotal),
      cases_fraction: results.map((r) => (r.casesTotal ? r.casesPassed / r.casesTotal : 0)),
    },
  };
}
