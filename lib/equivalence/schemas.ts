// Inputs of the equivalence checker at its boundaries: POST /api/equivalence, `fieldwork equiv --file`.
import { z } from "zod";
import { checkSize } from "./budget";
import { CONVENTION_NAMES } from "./types";

const ZNames = z.array(z.string().trim().min(1).max(100, "A name has at most 100 characters.")).max(100, "At most 100 names.");

export const ZDeclarations = z.object({ symbols: ZNames, functions: ZNames, positive: ZNames, real: ZNames }).partial().strict();

/** An answer within the checker's size caps (budget.ts): past them a request is refused (422), not decided. */
const ZLatex = z.string().max(20_000, "At most 20,000 characters.").superRefine((latex, ctx) => {
  try {
    checkSize(latex);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `${(error as Error).message}.` });
  }
});

/** "strict" (default): a bare number is not a quantity with a unit; "optional": a unit may be left out. */
export const ZUnits = z.enum(["strict", "optional"]);
/** Named unit conventions (lib/equivalence/conventions.ts): "natural", "natural-HL", "natural-gaussian", "fermi". */
export const ZConventions = z.array(z.enum(CONVENTION_NAMES)).max(CONVENTION_NAMES.length);

export const ZEquivalenceRequest = z.object({
  gold: ZLatex,
  pred: ZLatex,
  declarations: ZDeclarations.optional(),
  tolerance: z.object({ rel: z.number().finite().min(0).max(1).optional(), abs: z.number().finite().min(0).optional() }).strict().optional(),
  units: ZUnits.optional(),
  conventions: ZConventions.optional(),
});
export type TEquivalenceRequest = z.infer<typeof ZEquivalenceRequest>;

/** One pair of `fieldwork equiv --file PAIRS.json`: {id, gold, pred, expected, declarations?, units?, conventions?, statement?}. */
export const ZEquivalencePair = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  gold: ZLatex,
  pred: ZLatex,
  expected: z.boolean(),
  declarations: ZDeclarations.optional(),
  units: ZUnits.optional(),
  conventions: ZConventions.optional(),
  /** the item's statement: natural units there turn on the natural-HL convention */
  statement: z.string().max(50_000).optional(),
  /** the shared pair files' options (`../shared/data/equivalence/dev.json`), and units/conventions there too */
  options: z.object({
    float_rounding: z.number().int().min(0).max(15).optional(),
    allow_set_relation_comp: z.boolean().optional(),
    units: ZUnits.optional(),
    conventions: ZConventions.optional(),
  }).optional(),
});
export type TEquivalencePair = z.infer<typeof ZEquivalencePair>;

/** The file: an array of pairs (each pair is validated on its own, so one bad pair does not stop the others). */
export const ZEquivalencePairs = z.array(z.unknown()).max(100_000);
