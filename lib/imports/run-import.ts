import "server-only";
// An import, preview or commit: read the upload (or fetch an arXiv paper), parse it in a worker thread
// (parse-off-thread.ts), dedup by content hash, and — when committing — write each file in its own
// transaction and store the report as an ImportBatch (commit-import.ts).
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { getItemLimits } from "../items/item-record";
import { seedContentHash } from "../seeds/content-hash";
import type { UploadedFile } from "./archive";
import { fetchArxivUpload } from "./arxiv-upload";
import { commitImport } from "./commit-import";
import { parseUploadOffThread } from "./parse-off-thread";
import { ZImportOptions, type ImportReport, type SeedPreview } from "./schemas";
import type { ImportFormatName, RowError } from "./types";

/**
 * An upload (one file or an archive), files already read (a local folder, from the CLI), or an arXiv id.
 * `folder`: the name of the folder a file read from disk sits in (the CLI), which the spec makes the
 * source id of a matched_pairs.yaml; a browser upload has none and names its source id instead.
 */
export type ImportInput = { fileName: string; bytes: Uint8Array; folder?: string } | { fileName: string; files: UploadedFile[] } | { arxivId: string };

const PREVIEW_SEEDS = 5;
const MB = 2 ** 20;

/** "2,048 bytes", or "52,428,800 bytes (50 MB)" — exact, so a small limit never reads as "0 MB". */
export function describeBytes(n: number): string {
  return `${n.toLocaleString("en")} bytes${n % MB === 0 ? ` (${n / MB} MB)` : ""}`;
}

async function existingHashes(hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 5000) {
    const rows = await getDb().seed.findMany({ where: { contentHash: { in: hashes.slice(i, i + 5000) } }, select: { contentHash: true } });
    for (const r of rows) found.add(r.contentHash);
  }
  return found;
}

export async function runImport(actor: Actor, input: ImportInput, rawOptions: unknown): Promise<ImportReport> {
  assertCan(actor, "source.import");
  const options = ZImportOptions.parse(rawOptions ?? {});
  const env = getEnv();
  const arxiv = "arxivId" in input ? await fetchArxivUpload(input.arxivId, env.ARXIV_BASE_URL, env.IMPORT_MAX_BYTES) : null;
  const upload = arxiv ?? (input as Exclude<ImportInput, { arxivId: string }>);
  const fileName = upload.fileName;
  const size = "bytes" in upload ? upload.bytes.byteLength : upload.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (size > env.IMPORT_MAX_BYTES) {
    throw new AppError("INVALID", `${fileName} is ${describeBytes(size)}, over the import limit of ${describeBytes(env.IMPORT_MAX_BYTES)} (IMPORT_MAX_BYTES); nothing was imported.`);
  }
  const parsed = await parseUploadOffThread({
    upload,
    options: { format: arxiv ? "latex" : options.format, sourceIdentifier: options.sourceId ?? arxiv?.source.identifier, map: options.map, limits: getItemLimits() },
    archive: { maxEntries: env.IMPORT_MAX_ENTRIES, maxUncompressedBytes: env.IMPORT_MAX_UNCOMPRESSED_BYTES, maxExpansionRatio: env.IMPORT_MAX_EXPANSION_RATIO },
  });
  for (const file of parsed.files) {
    for (const source of file.sources) {
      if (arxiv && source.identifier === arxiv.source.identifier) Object.assign(source, { ...arxiv.source, macros: source.macros });
      if (options.license && !source.license) source.license = options.license;
    }
  }

  // Dedup: within the upload, then against the database.
  const seen = new Set<string>();
  const hashesByFile = parsed.files.map((f) => f.seeds.map((s) => seedContentHash(s.sourceIdentifier, s.problem)));
  const existing = await existingHashes([...new Set(hashesByFile.flat())]);
  let duplicates = 0;
  const fresh = parsed.files.map((f, i) =>
    f.seeds.map((_, j) => {
      const h = hashesByFile[i][j];
      const isNew = !existing.has(h) && !seen.has(h);
      seen.add(h);
      if (!isNew) duplicates++;
      return isNew;
    }),
  );
  const toCreate = fresh.flat().filter(Boolean).length;
  const errors: RowError[] = [...parsed.errors, ...parsed.files.flatMap((f) => f.errors)];
  const skipped = parsed.files.reduce((n, f) => n + f.skipped, 0);
  const format: ImportFormatName | "arxiv" = arxiv ? "arxiv" : parsed.formats[0] ?? (options.format === "auto" ? "yaml" : options.format);
  const preview: SeedPreview[] = parsed.files.flatMap((f) => f.seeds.map((s) => ({ ...s, macros: f.sources.find((x) => x.identifier === s.sourceIdentifier)?.macros ?? {} }))).slice(0, PREVIEW_SEEDS);
  const base = { fileName, format, formats: parsed.formats, duplicates, skipped, columns: parsed.columns, ignored: parsed.ignored.length, preview };

  if (options.dryRun) return { batchId: null, status: "PREVIEW", created: toCreate, itemsCreated: parsed.files.reduce((n, f) => n + f.items.length, 0), errors, ...base };

  const committed = await commitImport(actor, { files: parsed.files, hashesByFile, fresh, errors, options, fileName, format, duplicates, skipped });
  return { ...committed, errors, ...base };
}
