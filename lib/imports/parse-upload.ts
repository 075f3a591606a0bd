// From the files of an upload to parsed files: detect each file's format (or apply the one asked for),
// decide its source identifier, and run the right parser. Pure.
import type { ItemLimits } from "../items/limits";
import { applyItemLimits } from "./apply-limits";
import { decodeText, type UploadedFile } from "./archive";
import { parseLatexSources } from "./parsers/latex";
import { parsePipelineItems } from "./parsers/pipeline";
import { parseRows, rowColumns, type FieldMap } from "./parsers/rows";
import { parseYamlPairs } from "./parsers/yaml-pairs";
import type { ImportFormatName, ParsedFile, RowError } from "./types";

export type ParseOptions = {
  format: "auto" | ImportFormatName;
  /** the limits items are saved under: longer seeds and items are reported, not imported */
  limits: ItemLimits;
  sourceIdentifier?: string;
  map: FieldMap;
  /** The folder a file read from disk sits in: YAML pairs without a folder in the upload take its name. */
  folderName?: string;
};
export type ParsedUpload = { files: ParsedFile[]; errors: RowError[]; formats: ImportFormatName[]; columns: string[]; ignored: string[] };

const LATEX_EXTRA = /\.(sty|cls|def|cfg|bbl)$/i;

function extensionFormat(path: string): ImportFormatName | "latex-extra" | null {
  const p = path.toLowerCase();
  if (/\.ya?ml$/.test(p)) return "yaml";
  if (/\.(jsonl|ndjson)$/.test(p)) return "jsonl";
  if (p.endsWith(".json")) return "json";
  if (p.endsWith(".tex")) return "latex";
  if (LATEX_EXTRA.test(p)) return "latex-extra";
  return null;
}

const dirName = (path: string) => path.split("/").slice(0, -1).pop() ?? null;
const topFolder = (path: string) => (path.includes("/") ? path.split("/")[0] : "");
const stem = (name: string) => name.split("/").pop()!.replace(/\.(tar\.gz|tgz|tar|zip|gz|tex|ya?ml|jsonl?|ndjson)$/i, "");

/** Pipeline items are JSON with `problem_details`; seed rows are not. */
function looksLikePipeline(text: string): boolean {
  return /"problem_details"\s*:/.test(text.slice(0, 200_000));
}

export function parseUpload(uploadName: string, files: UploadedFile[], options: ParseOptions): ParsedUpload {
  const result: ParsedUpload = { files: [], errors: [], formats: [], columns: [], ignored: [] };
  const latexGroups = new Map<string, Map<string, string>>();
  const note = (f: ImportFormatName) => !result.formats.includes(f) && result.formats.push(f);

  for (const file of files) {
    const detected = extensionFormat(file.path);
    const wanted = options.format === "auto" ? detected : detected === "latex-extra" ? "latex-extra" : options.format;
    if (!wanted) {
      result.ignored.push(file.path);
      continue;
    }
    const decoded = decodeText(file.bytes);
    if ("error" in decoded) {
      result.errors.push({ file: file.path, line: decoded.line ?? null, message: decoded.error });
      continue;
    }
    const text = decoded.text;
    if (wanted === "latex" || wanted === "latex-extra") {
      const group = topFolder(file.path);
      if (!latexGroups.has(group)) latexGroups.set(group, new Map());
      latexGroups.get(group)!.set(group ? file.path.slice(group.length + 1) : file.path, text);
      continue;
    }
    const format: ImportFormatName = (wanted === "json" || wanted === "jsonl") && options.format === "auto" && looksLikePipeline(text) ? "pipeline" : wanted;
    note(format);
    if (format === "yaml") {
      const identifier = options.sourceIdentifier ?? dirName(file.path) ?? options.folderName;
      if (!identifier) {
        result.errors.push({ file: file.path, line: null, message: "no source id: the containing folder's name is used for folders, archives and files imported from disk; give a source id for a file uploaded on its own" });
        continue;
      }
      result.files.push(parseYamlPairs(text, file.path, identifier));
    } else if (format === "json" || format === "jsonl") {
      if (result.columns.length === 0) result.columns = rowColumns(text, format === "jsonl");
      result.files.push(parseRows(text, file.path, { jsonl: format === "jsonl", map: options.map, sourceIdentifier: options.sourceIdentifier }));
    } else if (format === "pipeline") {
      result.files.push(parsePipelineItems(text, file.path, { defaultSourceIdentifier: options.sourceIdentifier }));
    }
  }

  for (const [group, texFiles] of latexGroups) {
    if (![...texFiles.keys()].some((p) => p.toLowerCase().endsWith(".tex"))) continue; // only style files
    note("latex");
    const identifier = options.sourceIdentifier ?? (group || stem(uploadName));
    const parsed = parseLatexSources({ files: texFiles, sourceIdentifier: identifier });
    // Paths inside the group are relative to it; report them as they are in the upload.
    const prefix = group ? `${group}/` : "";
    result.files.push({
      ...parsed,
      file: parsed.file ? `${prefix}${parsed.file}` : prefix || uploadName,
      errors: parsed.errors.map((e) => ({ ...e, file: e.file ? `${prefix}${e.file}` : prefix || uploadName })),
      seeds: parsed.seeds.map((s) => ({ ...s, location: s.location && prefix ? `${prefix}${s.location}` : s.location })),
    });
  }
  result.files = result.files.map((f) => applyItemLimits(f, options.limits));
  if (result.files.length === 0 && result.errors.length === 0) {
    result.errors.push({ file: uploadName, line: null, message: `nothing to import: no .yaml, .jsonl, .json or .tex file${result.ignored.length ? ` (ignored: ${result.ignored.slice(0, 5).join(", ")})` : ""}` });
  }
  return result;
}
