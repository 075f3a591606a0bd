// Inputs and outputs of an import (API, CLI and UI share them).
import { z } from "zod";
import { parseFieldMap, ROW_FIELDS, type FieldMap } from "./parsers/rows";
import { IMPORT_FORMATS, type ImportFormatName, type ParsedSeed, type RowError } from "./types";

const ZMap = z
  .union([z.string().max(1000), z.record(z.string(), z.string().max(200))])
  .optional()
  .transform((v, ctx): FieldMap => {
    if (!v) return {};
    try {
      if (typeof v === "string") return parseFieldMap(v);
      for (const k of Object.keys(v)) if (!ROW_FIELDS.includes(k as never)) throw new Error(`unknown field "${k}" (fields: ${ROW_FIELDS.join(", ")})`);
      return Object.fromEntries(Object.entries(v).filter(([, c]) => c.trim())) as FieldMap;
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  });

const ZFlag = z.union([z.boolean(), z.enum(["true", "false", "1", "0", "on"]).transform((v) => v === "true" || v === "1" || v === "on")]);

export const ZImportOptions = z.object({
  format: z.enum(["auto", ...IMPORT_FORMATS]).default("auto"),
  sourceId: z.string().trim().min(1).max(200).optional(),
  license: z.string().trim().min(1).max(200).optional(),
  map: ZMap,
  dryRun: ZFlag.default(false),
  /** author of DRAFT items created from pipeline items (defaults to the importing user) */
  authorId: z.string().uuid().optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;

export const ZArxivImport = z.object({ arxivId: z.string().trim().min(4).max(100) });

export type SeedPreview = ParsedSeed & { macros: Record<string, string> };

export type ImportReport = {
  batchId: string | null;
  status: "PREVIEW" | "COMMITTED";
  fileName: string;
  format: ImportFormatName | "arxiv";
  formats: ImportFormatName[];
  created: number;
  itemsCreated: number;
  duplicates: number;
  skipped: number;
  errors: RowError[];
  /** column names of JSON/JSONL rows, for mapping */
  columns: string[];
  /** files in the upload that are not importable (images, PDFs…) */
  ignored: number;
  preview: SeedPreview[];
};
