// Inputs of the equivalence checker at its boundaries: POST /api/equivalence, `fieldwork equiv --file`.
import { z } from "zod";

const ZNames = z.array(z.string().trim().min(1).max(100, "A name has at most 100 characters.")).max(100, "At most 100 names.");

export const ZDeclarations = z.object({ symbols: ZNames, functions: ZNames, positive: ZNames, real: ZNames }).partial().strict();

const ZLatex = z.string().max(20_000, "At most 20,000 characters.");

export const ZEquivalenceRequest = z.object({
  gold: ZLatex,
  pred: ZLatex,
  declarations: ZDeclarations.optional(),
  tolerance: z.object({ rel: z.number().finite().min(0).max(1).optional(), abs: z.number().finite().min(0).optional() }).strict().optional(),
});
export type TEquivalenceRequest = z.infer<typeof ZEquivalenceRequest>;

/** `fieldwork equiv --file PAIRS.json`: [{id, gold, pred, expected}] */
export const ZEquivalencePairs = z
  .array(z.object({ id: z.union([z.string(), z.number()]).transform(String), gold: ZLatex, pred: ZLatex, expected: z.boolean(), declarations: ZDeclarations.optional() }))
  .max(100_000);
