// JSONL and JSON-array seed rows with a field mapping (problem, solution, source, location, license,
// title, url): the UI maps columns from the first rows, the CLI takes --map problem=question,…
import { emptyParsedFile, type ParsedFile, type ParsedSource } from "../types";

export const ROW_FIELDS = ["problem", "solution", "source", "location", "license", "title", "url"] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type FieldMap = Partial<Record<RowField, string>>;

/** Column names tried when a field is not mapped explicitly. */
const ALIASES: Record<RowField, string[]> = {
  problem: ["problem", "question", "prompt", "statement", "problem_statement"],
  solution: ["solution", "answer", "worked_solution"],
  source: ["source", "source_id", "sourceId", "arxiv_id", "paper"],
  location: ["location", "ref", "reference", "problem_number", "id"],
  license: ["license", "licence"],
  title: ["title", "name"],
  url: ["url", "link"],
};

/** Parse "problem=question,solution=answer" (the CLI's --map). */
export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [field, column] = pair.split("=").map((x) => x.trim());
    if (!ROW_FIELDS.includes(field as RowField) || !column) throw new Error(`--map: "${pair}" is not field=column with a field among ${ROW_FIELDS.join(", ")}`);
    map[field as RowField] = column;
  }
  return map;
}

type Row = { value: unknown; line: number | null; document: number };

function splitRows(text: string, file: string, jsonl: boolean, out: ParsedFile): Row[] {
  if (!jsonl) {
    try {
      const data: unknown = JSON.parse(text);
      const list = Array.isArray(data) ? data : [data];
      return list.map((value, i) => ({ value, line: null, document: i + 1 }));
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      const line = at ? text.slice(0, Number(at[1])).split("\n").length : null;
      out.errors.push({ file, line, message: `not valid JSON: ${(e as Error).message}` });
      return [];
    }
  }
  const rows: Row[] = [];
  text.split("\n").forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      rows.push({ value: JSON.parse(raw), line: i + 1, document: rows.length + 1 });
    } catch (e) {
      out.errors.push({ file, line: i + 1, message: `not valid JSON: ${(e as Error).message}` });
    }
  });
  return rows;
}

function pick(row: Record<string, unknown>, field: RowField, map: FieldMap): string | null {
  const columns = map[field] ? [map[field]!] : ALIASES[field];
  for (const c of columns) {
    const v = row[c];
    if (typeof v === "string" && v.trim()) return v.trim();
    if (typeof v === "number") return String(v);
  }
  return null;
}

/** The column names of the first rows (for the mapping form). */
export function rowColumns(text: string, jsonl: boolean, sample = 20): string[] {
  const out = emptyParsedFile("");
  const rows = splitRows(jsonl ? text.split("\n").slice(0, sample * 2).join("\n") : text, "", jsonl, out).slice(0, sample);
  return [...new Set(rows.flatMap((r) => (r.value && typeof r.value === "object" && !Array.isArray(r.value) ? Object.keys(r.value) : [])))];
}

export function parseRows(text: string, file: string, options: { jsonl: boolean; map: FieldMap; sourceIdentifier?: string }): ParsedFile {
  const out = emptyParsedFile(file);
  const sources = new Map<string, ParsedSource>();
  for (const row of splitRows(text, file, options.jsonl, out)) {
    const at = { file, line: row.line, document: row.document };
    if (!row.value || typeof row.value !== "object" || Array.isArray(row.value)) {
      out.errors.push({ ...at, message: "a row must be a JSON object" });
      continue;
    }
    const r = row.value as Record<string, unknown>;
    const problem = pick(r, "problem", options.map);
    if (!problem) {
      out.errors.push({ ...at, message: `no problem text (looked in ${options.map.problem ? `"${options.map.problem}"` : ALIASES.problem.join(", ")}); map the problem column` });
      continue;
    }
    const identifier = pick(r, "source", options.map) ?? options.sourceIdentifier;
    if (!identifier) {
      out.errors.push({ ...at, message: "no source id: map a source column or give a source id for the whole file" });
      continue;
    }
    if (!sources.has(identifier)) sources.set(identifier, { identifier, license: pick(r, "license", options.map), url: pick(r, "url", options.map) });
    out.seeds.push({
      sourceIdentifier: identifier,
      problem,
      solution: pick(r, "solution", options.map),
      title: pick(r, "title", options.map),
      location: pick(r, "location", options.map) ?? (row.line ? `${file.split("/").pop()}:${row.line}` : `${file.split("/").pop()} row ${row.document}`),
    });
  }
  out.sources = [...sources.values()];
  return out;
}
