// Grading requests (POST /api/grade, /api/grade/batch, /api/reward/openrlhf). Pure.
import { z } from "zod";
import { SPLIT_NAMES, type SplitName } from "../export/model/release-row";

export const GRADE_BATCH_MAX = 256;
export const OPENRLHF_BATCH_MAX = 1024;
export const MAX_RESPONSE_CHARS = 500_000;

const ZResponseText = z.string({ error: "response must be the model's response text." }).max(MAX_RESPONSE_CHARS, `A response may have at most ${MAX_RESPONSE_CHARS.toLocaleString("en")} characters.`);

/** What to grade against: an item (its last approved version), a release's frozen item, or a ground truth. */
export type GradeTarget =
  | { kind: "item"; itemId: string; current: boolean }
  /** index: the 0-based row in the release (train rows, then validation, then test), or within `split` (a row's `extra_info.index`) */
  | { kind: "release"; release: string; index: number; split?: SplitName }
  | { kind: "release"; release: string; itemId: string }
  | { kind: "groundTruth"; groundTruth: unknown };

export const ZGradeRequest = z
  .object({
    item: z.string().uuid("item must be an item id.").optional(),
    release: z.string().min(1).max(200).optional(),
    index: z.number().int().min(0).optional(),
    split: z.enum(SPLIT_NAMES, { error: `split is one of ${SPLIT_NAMES.join(", ")}.` }).optional(),
    itemId: z.string().uuid("itemId must be an item id.").optional(),
    groundTruth: z.union([z.string().max(2_000_000), z.record(z.string(), z.unknown())]).optional(),
    response: ZResponseText,
  })
  .superRefine((r, ctx) => {
    const targets = [r.item !== undefined, r.release !== undefined, r.groundTruth !== undefined].filter(Boolean).length;
    if (targets !== 1) ctx.addIssue({ code: "custom", path: [], message: "Say what to grade against: exactly one of item, release (with index or itemId), or groundTruth." });
    if (r.release !== undefined && (r.index === undefined) === (r.itemId === undefined)) {
      ctx.addIssue({ code: "custom", path: ["release"], message: "With release, give either index (0-based position in the release, or within split) or itemId." });
    }
    if (r.split !== undefined && r.index === undefined) ctx.addIssue({ code: "custom", path: ["split"], message: "split goes with index (a row's extra_info.split and extra_info.index)." });
    if (r.release === undefined && (r.index !== undefined || r.itemId !== undefined)) {
      ctx.addIssue({ code: "custom", path: [r.index !== undefined ? "index" : "itemId"], message: "index and itemId go with release." });
    }
  });
export type TGradeRequest = z.infer<typeof ZGradeRequest>;

export function targetOf(request: TGradeRequest, current: boolean): GradeTarget {
  if (request.item !== undefined) return { kind: "item", itemId: request.item, current };
  if (request.release !== undefined) {
    return request.index !== undefined ? { kind: "release", release: request.release, index: request.index, ...(request.split ? { split: request.split } : {}) } : { kind: "release", release: request.release, itemId: request.itemId! };
  }
  return { kind: "groundTruth", groundTruth: request.groundTruth };
}

export const ZGradeBatch = z.object({
  requests: z.array(z.unknown(), { error: "requests must be an array of grading requests." }).min(1, "Send at least one request.").max(GRADE_BATCH_MAX, `At most ${GRADE_BATCH_MAX} requests per batch.`),
});

/** `?version=current` (leads and admins): grade against the item's current version instead of its last approved one. */
export const ZGradeQuery = z.object({ version: z.enum(["approved", "current"], { error: "version is approved (the default) or current." }).default("approved") });

/** OpenRLHF's remote reward request: query = prompt + response, label = the ground truth (JSON string). */
export const ZOpenRLHFRequest = z
  .object({
    query: z.array(z.string().max(MAX_RESPONSE_CHARS * 2)).max(OPENRLHF_BATCH_MAX, `At most ${OPENRLHF_BATCH_MAX} queries per request.`),
    prompts: z.array(z.string().max(MAX_RESPONSE_CHARS * 2)).optional(),
    labels: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])),
  })
  .superRefine((r, ctx) => {
    if (r.labels.length !== r.query.length) ctx.addIssue({ code: "custom", path: ["labels"], message: `${r.labels.length} labels for ${r.query.length} queries.` });
    if (r.prompts && r.prompts.length !== r.query.length) ctx.addIssue({ code: "custom", path: ["prompts"], message: `${r.prompts.length} prompts for ${r.query.length} queries.` });
  });

/** The response part of an OpenRLHF query (the prompt followed by the response), when the prompt is its start. */
export function responseOfQuery(query: string, prompt: string | undefined): string {
  return prompt && query.startsWith(prompt) ? query.slice(prompt.length) : query;
}
