import "server-only";
// The import history (/imports, GET /api/imports) and one stored report (/imports/[id]).
import { z } from "zod";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { afterCursor, decodeCursor, encodeCursor } from "../pagination/cursor";
import type { RowError } from "./types";

export type ImportBatchView = {
  id: string;
  fileName: string;
  format: string;
  status: string;
  created: number;
  duplicates: number;
  skipped: number;
  errorCount: number;
  errors: RowError[];
  /** the first source (ImportBatch.sourceId) */
  source: string | null;
  /** every source the batch created or added seeds to */
  sources: string[];
  createdBy: string | null;
  createdAt: string;
};

const SELECT = {
  id: true, fileName: true, format: true, status: true, createdCount: true, duplicates: true, skipped: true, errorCount: true, errors: true, createdAt: true,
  source: { select: { identifier: true } }, createdBy: { select: { name: true } },
  sources: { select: { source: { select: { identifier: true } } } },
} as const;

type Row = { id: string; fileName: string; format: string; status: string; createdCount: number; duplicates: number; skipped: number; errorCount: number; errors: unknown; createdAt: Date; source: { identifier: string } | null; createdBy: { name: string } | null; sources: { source: { identifier: string } }[] };

function view(r: Row, withErrors: boolean): ImportBatchView {
  return {
    id: r.id, fileName: r.fileName, format: r.format, status: r.status, created: r.createdCount, duplicates: r.duplicates, skipped: r.skipped,
    errorCount: r.errorCount, errors: withErrors && Array.isArray(r.errors) ? (r.errors as RowError[]) : [], source: r.source?.identifier ?? null,
    sources: r.sources.map((s) => s.source.identifier).sort(),
    createdBy: r.createdBy?.name ?? null, createdAt: r.createdAt.toISOString(),
  };
}

const ZQuery = z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) });

export async function listImports(actor: Actor, rawQuery: unknown): Promise<{ imports: ImportBatchView[]; nextCursor: string | null }> {
  assertCan(actor, "source.import");
  const query = ZQuery.parse(rawQuery);
  const rows = await getDb().importBatch.findMany({
    where: afterCursor(decodeCursor(query.cursor)),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: SELECT,
  });
  const page = rows.slice(0, query.limit);
  return { imports: page.map((r) => view(r, false)), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].createdAt, page[page.length - 1].id) : null };
}

export async function getImport(actor: Actor, rawId: unknown): Promise<ImportBatchView> {
  assertCan(actor, "source.import");
  const id = z.string().uuid().safeParse(rawId);
  const row = id.success ? await getDb().importBatch.findUnique({ where: { id: id.data }, select: SELECT }) : null;
  if (!row) throw new AppError("NOT_FOUND", "No such import.");
  return view(row, true);
}
