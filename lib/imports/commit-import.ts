import "server-only";
// Committing an import: an ImportBatch, each file written in its own transaction (a file that fails rolls
// back alone and is reported), every source the batch touched recorded, then the batch COMMITTED. If anything
// else fails on the way, the batch is marked FAILED with the error (what was written so far is kept and
// counted) instead of staying a PREVIEW forever.
import { getDb } from "../db";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import type { TImportOptions } from "./schemas";
import { writeParsedFile } from "./write-file";
import type { ImportFormatName, ParsedFile, RowError } from "./types";

const FORMAT_ENUM: Record<ImportFormatName | "arxiv", "YAML" | "JSONL" | "JSON" | "LATEX" | "PIPELINE" | "ARXIV"> = {
  yaml: "YAML", jsonl: "JSONL", json: "JSON", latex: "LATEX", pipeline: "PIPELINE", arxiv: "ARXIV",
};
const MAX_STORED_ERRORS = 1000;

export type CommitInput = {
  files: ParsedFile[];
  hashesByFile: string[][];
  fresh: boolean[][];
  /** errors found while reading; files that fail to save are added */
  errors: RowError[];
  options: TImportOptions;
  fileName: string;
  format: ImportFormatName | "arxiv";
  duplicates: number;
  skipped: number;
};

export async function commitImport(actor: Actor, input: CommitInput): Promise<{ batchId: string; status: "COMMITTED"; created: number; itemsCreated: number }> {
  const { files, errors, options, fileName, duplicates, skipped } = input;
  const batch = await getDb().importBatch.create({
    data: { format: FORMAT_ENUM[input.format], status: "PREVIEW", fileName, createdById: actor.id, options: { ...options, map: options.map } as object },
  });
  let created = 0;
  let itemsCreated = 0;
  const sourceIds: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      try {
        const written = await writeParsedFile(file, { batchId: batch.id, hashes: input.hashesByFile[i], fresh: input.fresh[i], actor, authorId: options.authorId ?? actor.id });
        created += written.seeds;
        itemsCreated += written.items;
        for (const id of written.sourceIds) if (!sourceIds.includes(id)) sourceIds.push(id);
      } catch (e) {
        // The file's transaction rolled back: nothing of it was written.
        errors.push({ file: file.file, line: null, message: `not saved, nothing from this file was imported: ${firstLine(e)}` });
      }
    }
    await getDb().$transaction(async (tx) => {
      await tx.importBatch.update({
        where: { id: batch.id },
        data: {
          status: "COMMITTED", committedAt: new Date(), createdCount: created, duplicates, skipped, errorCount: errors.length,
          errors: errors.slice(0, MAX_STORED_ERRORS) as object[], sourceId: sourceIds[0] ?? null,
        },
      });
      await recordEvent(tx, actor, { action: "import.commit", entityType: "ImportBatch", entityId: batch.id, data: { fileName, created, duplicates, errors: errors.length } });
    });
  } catch (e) {
    const failed = [...errors, { file: fileName, line: null, message: `the import failed while saving (${created} seeds from the files before were kept): ${oneLine(e)}` }];
    await getDb()
      .importBatch.update({
        where: { id: batch.id },
        data: { status: "FAILED", createdCount: created, duplicates, skipped, errorCount: failed.length, errors: failed.slice(-MAX_STORED_ERRORS) as object[], sourceId: sourceIds[0] ?? null },
      })
      .catch((markError: unknown) => console.error(`import ${batch.id} failed and could not be marked FAILED:`, markError));
    throw e;
  }
  return { batchId: batch.id, status: "COMMITTED", created, itemsCreated };
}

function firstLine(e: unknown): string {
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/** The whole message on one line (a database error's cause is rarely on its first line). */
function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim().slice(0, 1000);
}
