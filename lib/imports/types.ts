// Shapes shared by every import format. Parsers are pure: text in, seeds/sources/items and located errors
// out; lib/imports/run-import.ts does dedup, preview and the per-file transaction.
import type { AnswerSpec } from "../items/answer-spec";
import type { TestCase } from "../items/test-values";

export const IMPORT_FORMATS = ["yaml", "jsonl", "json", "latex", "pipeline"] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

export type SourceKindName = "ARXIV" | "TEXTBOOK" | "COURSE" | "OTHER";

/** Where seeds come from; `identifier` is unique (arXiv id, course code, folder name, --source-id). */
export type ParsedSource = {
  identifier: string;
  kind?: SourceKindName;
  title?: string | null;
  authors?: string[];
  url?: string | null;
  license?: string | null;
  version?: string | null;
  category?: string | null;
  /** LaTeX macros, KaTeX syntax: { "\\R": "\\mathbb{R}", "\\ket": "\\left|#1\\right\\rangle" } */
  macros?: Record<string, string>;
};

/** One human-written problem. `location` says where in the input it was ("document 3", "pset.tex:120"). */
export type ParsedSeed = {
  sourceIdentifier: string;
  problem: string;
  solution: string | null;
  title: string | null;
  location: string | null;
};

/** An already-adapted item (pipeline format): becomes a DRAFT item of its seed. */
export type ParsedItem = {
  /** index into ParsedFile.seeds of the seed this item adapts */
  seedIndex: number;
  statement: string;
  solution: string;
  finalAnswer: string;
  referenceCode: string;
  answerSpec: AnswerSpec;
  testCases: TestCase[];
  topic: string;
  level: "ADVANCED_UNDERGRADUATE" | "GRADUATE" | "RESEARCH" | null;
  difficulty: "EASY" | "MEDIUM" | "HARD" | null;
  description: string;
};

/** A located problem: `line` is 1-based; for JSON arrays and YAML streams, `document` is the 1-based index. */
export type RowError = { file: string; line: number | null; document?: number | null; message: string };

export type ParsedFile = {
  /** the input file (path inside an archive, or the uploaded name) */
  file: string;
  sources: ParsedSource[];
  seeds: ParsedSeed[];
  items: ParsedItem[];
  errors: RowError[];
  /** rows deliberately not imported (e.g. empty documents), not errors */
  skipped: number;
};

export function emptyParsedFile(file: string): ParsedFile {
  return { file, sources: [], seeds: [], items: [], errors: [], skipped: 0 };
}
