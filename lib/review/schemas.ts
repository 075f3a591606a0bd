// Inputs of the review routes: the queue's filters, decisions, comments. Pure; shared with the browser.
import { z } from "zod";
import { DIFFICULTIES, ITEM_FIELD_NAMES, LEVELS } from "../items/schemas";

export const CHECK_STATES = ["PASSING", "WARNINGS", "FAILING"] as const;
export type CheckStateName = (typeof CHECK_STATES)[number];
export const REVIEW_PAGE_SIZE = 25;

const ZDateBound = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, "Use a date like 2026-12-01.").optional()
  .transform((v) => (v ? new Date(v) : undefined))
  .refine((d) => d === undefined || !Number.isNaN(d.getTime()), "Not a valid date.");

/** The review queue's filters (query string of /review and GET /api/review/queue). */
export const ZQueueFilter = z.object({
  source: z.string().trim().min(1).max(200).optional(),
  author: z.string().uuid("Not a user id.").optional(),
  topic: z.string().trim().min(1).max(200).optional(),
  level: z.enum(LEVELS).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  submittedAfter: ZDateBound,
  submittedBefore: ZDateBound,
  checks: z.enum(CHECK_STATES).optional(),
});
export type TQueueFilter = z.infer<typeof ZQueueFilter>;

export const ZQueueQuery = ZQueueFilter.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(REVIEW_PAGE_SIZE),
});

export const DECISIONS = ["APPROVE", "REQUEST_CHANGES", "REJECT"] as const;
export type DecisionName = (typeof DECISIONS)[number];

export const ZDecisionInput = z
  .object({
    version: z.number().int().min(1),
    decision: z.enum(DECISIONS),
    comment: z.string().trim().max(10_000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REQUEST_CHANGES" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Say what should change: a comment is required." });
    if (v.decision === "REJECT" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Give the reason for rejecting." });
  });
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const COMMENT_FIELDS = ITEM_FIELD_NAMES;

export const ZCommentInput = z
  .object({
    body: z.string().trim().min(1, "Write the comment.").max(10_000),
    field: z.enum(COMMENT_FIELDS).optional(),
    quote: z.string().min(1).max(5_000).optional(),
    suggestion: z.string().max(5_000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.quote !== undefined && !v.field) ctx.addIssue({ code: "custom", path: ["field"], message: "A quoted passage needs the field it is from." });
    if (v.suggestion !== undefined && v.quote === undefined) ctx.addIssue({ code: "custom", path: ["quote"], message: "A suggested replacement needs the passage it replaces." });
  });
export type TCommentInput = z.infer<typeof ZCommentInput>;

export const ZCommentPatch = z.object({ resolved: z.boolean() });
export const ZVersionBody = z.object({ version: z.number().int().min(1) });
export const ZCommentId = z.string().uuid("Not a comment id.");
