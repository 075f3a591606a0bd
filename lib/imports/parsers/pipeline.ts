// The "pipeline items" format: JSON objects from the automated adaptation pipeline, each an adapted item
// (statement, solution, answer requirements, reference code, tests, metadata) with the seed it came
// from. One object per file, a JSON array, or JSON Lines. Liberal in what it reads, precise in what it
// reports: every problem is a located RowError, and the rest of the file is still imported.
import { emptyAnswerSpec, type AnswerSpec } from "../../items/answer-spec";
import type { TestCase } from "../../items/test-values";
import { emptyParsedFile, type ParsedFile, type ParsedItem, type ParsedSeed, type ParsedSource } from "../types";
import { convertCases, readTestBlock, specFromTestBlock, type TestBlock } from "./pipeline-cases";
import { splitDocuments, type Doc } from "./pipeline-json";
import { parseAnswerRequirements } from "./pipeline-spec";

export { parseAnswerRequirements } from "./pipeline-spec";
export type PipelineOptions = { defaultSourceIdentifier?: string };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

// Pipelines disagree on key spelling ("Problem Statement", "problem_statement", "problemStatement").
const normalKey = (k: string) => k.toLowerCase().replace(/[\s_-]+/g, "");

function field(obj: Obj, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const key = Object.keys(obj).find((k) => normalKey(k) === normalKey(name));
  return key === undefined ? undefined : obj[key];
}

function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  return typeof v === "number" ? String(v) : "";
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

const LEVELS = new Map<string, NonNullable<ParsedItem["level"]>>([
  ["advanced undergraduate", "ADVANCED_UNDERGRADUATE"],
  ["graduate", "GRADUATE"],
  ["research", "RESEARCH"],
]);
const DIFFICULTIES = new Map<string, NonNullable<ParsedItem["difficulty"]>>([
  ["easy", "EASY"],
  ["medium", "MEDIUM"],
  ["hard", "HARD"],
]);
const lookup = <T>(map: Map<string, T>, v: unknown): T | null =>
  typeof v === "string" ? (map.get(v.trim().toLowerCase().replace(/[\s_-]+/g, " ")) ?? null) : null;

const ARXIV_ID = /^(arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i;

type Spec = { spec: AnswerSpec | null; notes: string[] };

/** The spec from "Answer Requirements", else inferred from the test block, with what went wrong. */
function itemSpec(details: Obj, block: TestBlock | null): Spec {
  const given = field(details, "Answer Requirements");
  const requirements = strings(given) ? given.join("\n") : given; // some pipelines store code as a list of lines
  let problem: string;
  if (typeof requirements === "string" && requirements.trim()) {
    const parsed = parseAnswerRequirements(requirements);
    if ("spec" in parsed) return { spec: parsed.spec, notes: [] };
    problem = `could not read "Answer Requirements" (${parsed.error})`;
  } else problem = `"Answer Requirements" is missing`;
  const inferred = block ? specFromTestBlock(block) : { error: "there is no test block" };
  if ("error" in inferred) return { spec: null, notes: [`${problem}, and no answer spec could be inferred from the test block either (${inferred.error}): the item has an empty one`] };
  return { spec: inferred.spec, notes: [`${problem}, so the answer spec was inferred from the test block, with types from the test values and no descriptions: check it`] };
}

function itemCases(block: TestBlock | null, spec: AnswerSpec | null): { cases: TestCase[]; notes: string[] } {
  if (!block || !block.cases.length) return { cases: [], notes: [] };
  if (!spec) return { cases: [], notes: [`its ${block.cases.length} test case(s) were not imported: there is no answer spec to check them against`] };
  const notes: string[] = [];
  if (block.functionName && block.functionName !== spec.functionName) {
    notes.push(`the test block's function_name "${block.functionName}" differs from "Answer Requirements"; "${spec.functionName}" is used`);
  }
  const { cases, dropped } = convertCases(block, spec);
  for (const d of dropped) notes.push(`test case ${d.index} not imported: ${d.message}`);
  return { cases, notes };
}

type Built = { seed: ParsedSeed; item: Omit<ParsedItem, "seedIndex">; notes: string[] } | { error: string };

function buildItem(value: unknown, doc: Doc, file: string, options: PipelineOptions): Built {
  const skip = (why: string) => ({ error: `${why}; the object is not imported` });
  if (!isObject(value)) return skip("an item must be a JSON object");
  const details = field(value, "problem_details");
  if (!isObject(details)) return skip(details === undefined ? "problem_details is missing" : "problem_details must be an object");
  const statement = text(field(details, "Problem Statement"));
  if (!statement) return skip(`problem_details has no "Problem Statement"`);
  const original = field(value, "original_seed");
  const seedData = isObject(original) ? original : {};
  const source = text(field(seedData, "source")) || text(field(seedData, "source_id")) || options.defaultSourceIdentifier?.trim();
  if (!source) return skip("no source: original_seed.source is missing and no default source id was given");
  const metadata = isObject(field(value, "problem_metadata")) ? (field(value, "problem_metadata") as Obj) : {};
  const block = readTestBlock(field(details, "test") ?? field(details, "tests"));
  const { spec, notes } = itemSpec(details, block);
  const cases = itemCases(block, spec);
  const name = file.split("/").pop();
  const code = field(details, "Code");
  return {
    seed: {
      sourceIdentifier: source,
      problem: text(field(seedData, "problem")) || statement,
      solution: text(field(seedData, "solution")) || null,
      title: text(field(seedData, "title")) || null,
      location: text(field(seedData, "location")) || (doc.line === null ? `${name} document ${doc.document}` : `${name}:${doc.line}`),
    },
    item: {
      statement,
      solution: text(field(details, "Solution")),
      finalAnswer: text(field(details, "Answer") ?? field(details, "Final Answer")),
      referenceCode: typeof code === "string" ? code.replace(/^\s*\n/, "").trimEnd() : "",
      answerSpec: spec ?? emptyAnswerSpec(),
      testCases: cases.cases,
      topic: strings(field(metadata, "topic")) ? (field(metadata, "topic") as string[]).join(", ") : text(field(metadata, "topic")),
      level: lookup(LEVELS, field(metadata, "level")),
      difficulty: lookup(DIFFICULTIES, field(metadata, "difficulty")),
      description: text(field(metadata, "description")),
    },
    notes: [...notes, ...cases.notes],
  };
}

/** Seeds, items and located errors of a pipeline file; never throws. */
export function parsePipelineItems(text: string, file: string, options: PipelineOptions = {}): ParsedFile {
  const out = emptyParsedFile(file);
  const sources = new Map<string, ParsedSource>();
  const { docs, errors } = splitDocuments(text.replace(/^\uFEFF/, ""));
  for (const e of errors) out.errors.push({ file, ...e });
  for (const doc of docs) {
    const at = { file, line: doc.line, document: doc.document };
    let built: Built;
    try {
      built = buildItem(doc.value, doc, file, options);
    } catch (e) {
      // a bug here must cost one object, not the file
      built = { error: `could not be read (${e instanceof Error ? e.message : String(e)}); the object is not imported` };
    }
    if ("error" in built) {
      out.errors.push({ ...at, message: built.error });
      continue;
    }
    const id = built.seed.sourceIdentifier;
    if (!sources.has(id)) sources.set(id, ARXIV_ID.test(id) ? { identifier: id, kind: "ARXIV" } : { identifier: id });
    out.seeds.push(built.seed);
    out.items.push({ ...built.item, seedIndex: out.seeds.length - 1 });
    for (const message of built.notes) out.errors.push({ ...at, message });
  }
  out.sources = [...sources.values()];
  // JSON Lines syntax errors are found before the objects are read; report everything in file order.
  out.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}
