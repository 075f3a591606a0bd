// Inputs of the release routes, the CLI and /releases/new: name, description, filters, split ratios,
// deprecation. Pure; shared with the browser.
import { z } from "zod";
import { DIFFICULTIES, LEVELS } from "../../items/schemas";
import { SPLIT_NAMES, type SplitName } from "./release-row";

export type SplitRatios = Record<SplitName, number>;
export const DEFAULT_SPLIT_RATIOS: SplitRatios = { train: 0.8, validation: 0.1, test: 0.1 };

export const RELEASE_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const ZReleaseName = z
  .string()
  .trim()
  .min(1, "Name the release.")
  .max(100, "At most 100 characters.")
  .regex(RELEASE_NAME, "Use lower-case letters, digits and single . _ - between them (e.g. qft-2026-12).");

const SPLIT_ALIASES: Record<string, string> = { TRAIN: "train", VAL: "validation", VALID: "validation", VALIDATION: "validation", DEV: "validation", TEST: "test" };

const ZDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.")
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()), "Not a valid date.");

const optionalText = z.string().trim().max(200).optional().transform((v) => v || undefined);

/** Which approved items a release takes. Topic matches case-insensitively; `approvedBefore` is a UTC day (exclusive). */
export const ZReleaseFilter = z
  .object({
    source: optionalText,
    topic: optionalText,
    level: z.enum(LEVELS).optional(),
    difficulty: z.enum(DIFFICULTIES).optional(),
    split: z.preprocess((v) => (typeof v === "string" ? (SPLIT_ALIASES[v.trim().toUpperCase()] ?? v) : v), z.enum(SPLIT_NAMES).optional()),
    approvedBefore: ZDay.optional(),
  })
  .strict();
export type TReleaseFilter = z.infer<typeof ZReleaseFilter>;

/** Shares of train, validation and test for items without a split; each 0…1, summing to 1. */
export const ZSplitRatios = z
  .object({ train: z.number().min(0).max(1), validation: z.number().min(0).max(1), test: z.number().min(0).max(1) })
  .strict()
  .refine((r) => Math.abs(r.train + r.validation + r.test - 1) < 1e-9, "The split ratios must add up to 1 (e.g. 0.8, 0.1, 0.1).");

export const ZCreateReleaseInput = z
  .object({
    // /releases/new is the page that creates releases: a release of that name could never be opened there
    name: ZReleaseName.refine((n) => n !== "new", "“new” names the page that creates releases (/releases/new); choose another name."),
    description: z.string().trim().max(5000).optional().transform((v) => v || undefined),
    filter: ZReleaseFilter.prefault({}),
    splitRatios: ZSplitRatios.default(DEFAULT_SPLIT_RATIOS),
  })
  .strict();
export type TCreateReleaseInput = z.infer<typeof ZCreateReleaseInput>;

/** The preview takes the same input; the name only matters for the split of items without one. */
export const ZPreviewReleaseInput = ZCreateReleaseInput.extend({ name: ZReleaseName.optional() });

export const ZDeprecateInput = z.object({ reason: z.string().trim().min(1, "Give the reason.").max(2000) }).strict();
