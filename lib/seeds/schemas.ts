import { z } from "zod";
import { SeedStatus } from "../generated/prisma/enums";

export const SEED_PAGE_SIZE = 25;
/** Most seeds one assign request may touch. */
export const ASSIGN_MAX = 10_000;

/** The filters of /seeds, GET /api/seeds and bulk assignment. */
export const ZSeedFilter = z.object({
  status: z.enum(Object.values(SeedStatus) as [SeedStatus, ...SeedStatus[]]).optional(),
  source: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  batch: z.string().uuid("Not an import id.").optional(),
  /** a user id, or "none" for unassigned seeds */
  assignee: z.union([z.literal("none"), z.string().uuid("Not a user id.")]).optional(),
});
export type TSeedFilter = z.infer<typeof ZSeedFilter>;

export const ZListSeedsQuery = ZSeedFilter.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(SEED_PAGE_SIZE),
});
export type TListSeedsQuery = z.infer<typeof ZListSeedsQuery>;

export const ZSeedId = z.string().uuid("Not a seed id.");

export const ZAssignSeeds = z
  .object({
    seedIds: z.array(ZSeedId).min(1).max(ASSIGN_MAX, `Assign at most ${ASSIGN_MAX.toLocaleString("en")} seeds at a time.`).optional(),
    // strict: a misspelt filter key must not widen the selection to every seed
    filter: ZSeedFilter.strict().optional(),
    /** with a filter: the first `count` matching seeds (oldest first) */
    count: z.number().int().min(1).max(ASSIGN_MAX).optional(),
    assigneeId: z.string().uuid("Not a user id.").nullable(),
  })
  .strict()
  .refine((v) => (v.seedIds === undefined) !== (v.filter === undefined), { message: "Give either seedIds or a filter.", path: ["seedIds"] });
export type TAssignSeeds = z.infer<typeof ZAssignSeeds>;

export const ZClaimNext = z
  .object({
    source: z.string().trim().min(1).max(200).optional(),
    /** the source's category, e.g. hep-th */
    topic: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
