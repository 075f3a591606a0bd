import { z } from "zod";
import { SeedStatus } from "../generated/prisma/enums";

export const SEED_PAGE_SIZE = 25;

export const ZListSeedsQuery = z.object({
  status: z.enum(Object.values(SeedStatus) as [SeedStatus, ...SeedStatus[]]).optional(),
  source: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  batch: z.string().uuid("Not an import id.").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(SEED_PAGE_SIZE),
});
export type TListSeedsQuery = z.infer<typeof ZListSeedsQuery>;

export const ZSeedId = z.string().uuid("Not a seed id.");
