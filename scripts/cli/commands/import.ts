// fieldwork import <path|arXiv:ID> — import seeds from a file, a folder tree, an archive or an arXiv paper
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { getDb } from "../../../lib/db";
import { parseArxivId } from "../../../lib/imports/arxiv";
import { runImport, type ImportInput } from "../../../lib/imports/run-import";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

type Options = OutputOptions & { format: string; sourceId?: string; license?: string; map?: string; dryRun?: boolean; author?: string };

/** A folder's files with paths that start at the folder itself, so its name (and its subfolders') survive. */
function readFolder(root: string): { path: string; bytes: Uint8Array }[] {
  const base = path.dirname(path.resolve(root));
  const out: { path: string; bytes: Uint8Array }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ path: path.relative(base, full).split(path.sep).join("/"), bytes: readFileSync(full) });
    }
  };
  walk(path.resolve(root));
  return out;
}

/** What to import for a CLI target; a single file keeps its folder's name, the source id of YAML pairs. */
export function inputFor(target: string): ImportInput {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    if (parseArxivId(target)) return { arxivId: target };
    throw new Error(`${target} is neither a file, a folder nor an arXiv id`);
  }
  if (stats.isDirectory()) return { fileName: path.basename(path.resolve(target)), files: readFolder(target) };
  const folder = path.basename(path.dirname(path.resolve(target))) || undefined; // "" for a file at the root
  return { fileName: path.basename(target), bytes: readFileSync(target), folder };
}

async function authorId(email: string | undefined): Promise<string | undefined> {
  const db = getDb();
  const user = email
    ? await db.user.findUnique({ where: { email: email.toLowerCase() } })
    : await db.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" } });
  if (email && !user) throw new Error(`--author: no user ${email}`);
  return user?.id;
}

export function registerImportCommand(program: Command): void {
  program.command("import")
    .description("import seeds (YAML pairs, JSONL/JSON rows, LaTeX, pipeline items) from a file, folder, archive or arXiv id")
    .argument("<target>", "a file, a folder, a .zip/.tar.gz, or an arXiv id (arXiv:2101.00001)")
    .option("--format <format>", "auto, yaml, jsonl, json, latex or pipeline", "auto")
    .option("--source-id <id>", "source identifier (default: the folder name, the row's source column, the arXiv id)")
    .option("--license <license>", "license for sources that have none")
    .option("--map <pairs>", "JSON/JSONL columns, e.g. problem=question,solution=answer")
    .option("--author <email>", "author of DRAFT items from pipeline items (default: the first admin)")
    .option("--dry-run", "report what would be imported; write nothing")
    .option("--json", "print one JSON object {batchId, created, duplicates, skipped, errors}")
    .action(async (target: string, options: Options) => {
      try {
        const input = inputFor(target);
        const report = await withDatabase(async () =>
          runImport(CLI_ACTOR, input, {
            format: options.format, sourceId: options.sourceId, license: options.license, map: options.map, dryRun: Boolean(options.dryRun),
            authorId: await authorId(options.author),
          }),
        );
        const errors = report.errors.map((e) => ({ file: e.file, line: e.line, ...(e.document ? { document: e.document } : {}), message: e.message }));
        emit(options, { batchId: report.batchId, created: report.created, duplicates: report.duplicates, skipped: report.skipped, errors, ...(report.itemsCreated ? { itemsCreated: report.itemsCreated } : {}) }, () =>
          [
            `${options.dryRun ? "Would create" : "Created"} ${report.created} seed${report.created === 1 ? "" : "s"}${report.itemsCreated ? ` and ${report.itemsCreated} draft items` : ""}; ${report.duplicates} duplicate${report.duplicates === 1 ? "" : "s"}, ${report.skipped} skipped, ${errors.length} error${errors.length === 1 ? "" : "s"} (${report.formats.join(", ") || report.format}).`,
            ...errors.slice(0, 50).map((e) => `  ${e.file}${e.line ? `:${e.line}` : ""}${e.document ? ` (document ${e.document})` : ""}: ${e.message}`),
            ...(errors.length > 50 ? [`  …and ${errors.length - 50} more (use --json for all)`] : []),
            ...(report.batchId ? [`Report: /imports/${report.batchId}`] : []),
          ].join("\n"),
        );
      } catch (error) {
        fail(options, error);
      }
    });
}
