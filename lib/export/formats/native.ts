// native/{split}.jsonl: the frozen item with full provenance — every item field, ids and version, the seed,
// the source, author, reviews, approval and the approval's check summary — and a content hash of the row.
// `item.testCases` is the JSON text of the test cases: their values change type between items (a float
// here, a complex or a tuple there), which one Arrow column cannot hold, so `datasets` could not load the
// file otherwise. Pure.
import { hash } from "node:crypto";
import { arxivOf, type ReleaseRow } from "../model/release-row";
import { sortedJson } from "../model/canonical-json";
import {
  ANSWER_SPEC, ISO_TIME, SHA256, SPLIT, STRING_OR_NULL, UUID, schemaDocument, type JsonSchema,
} from "./json-schema-parts";
import type { Format } from "./types";

export const NATIVE_ROW_VERSION = 1;

// Keys are written in sorted order (canonical JSON by JSON.stringify); values read from the database were
// re-keyed in sorted order when read (read-release-rows.ts).
function halves(row: ReleaseRow): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const { item, provenance: p } = row;
  const arxiv = arxivOf(p.source);
  const s = p.source;
  return {
    before: { approval: p.approval, author: p.author, checks: p.checks },
    after: {
      id: row.itemId,
      index: row.index,
      item: {
        answerSpec: item.answerSpec, declarations: item.declarations, description: item.description, difficulty: item.difficulty,
        finalAnswer: item.finalAnswer, level: item.level, license: item.license || null, referenceCode: item.referenceCode,
        solution: item.solution, sourceLocation: item.sourceLocation || null, split: item.split, statement: item.statement,
        testCases: sortedJson(item.testCases), topic: item.topic || null,
      },
      release: row.release,
      reviews: p.reviews,
      revisionId: row.revisionId,
      schemaVersion: NATIVE_ROW_VERSION,
      seed: p.seed,
      source: {
        arxivId: arxiv?.id ?? null, arxivVersion: arxiv?.version ?? null, authors: s.authors, category: s.category, identifier: s.identifier,
        kind: s.kind, license: s.license, title: s.title, url: s.url, version: s.version,
      },
      split: row.split,
      version: row.version,
    },
  };
}

/** The canonical line: the row's canonical JSON with `contentHash` = sha256 of the same JSON without it. */
function nativeLine(row: ReleaseRow): string {
  const parts = halves(row);
  // sorted keys: approval, author, checks < "contentHash" < every other key, so the hash goes between the halves
  const before = sortedJson(parts.before).slice(0, -1);
  const after = sortedJson(parts.after).slice(1);
  // one-shot: a Hash object per row cost CPU and native memory freed only by a full GC
  return `${before},"contentHash":"${hash("sha256", `${before},${after}`, "hex")}",${after}`;
}

const PERSON = { type: "object", required: ["id", "name"], additionalProperties: false, properties: { id: UUID, name: { type: "string" } } };

const ROW: JsonSchema = {
  type: "object",
  required: ["schemaVersion", "release", "split", "index", "id", "version", "revisionId", "item", "seed", "source", "author", "reviews", "approval", "checks", "contentHash"],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: NATIVE_ROW_VERSION, description: "version of this row format" },
    release: { type: "string", description: "the release's name" },
    split: SPLIT,
    index: { type: "integer", minimum: 0, description: "0-based row number within the split" },
    id: { ...UUID, description: "the item's id" },
    version: { type: "integer", minimum: 1, description: "the frozen (approved) version of the item" },
    revisionId: { ...UUID, description: "the ItemRevision holding that version" },
    item: {
      type: "object",
      description: "every field of the frozen version (README: Item format)",
      required: ["statement", "description", "answerSpec", "solution", "finalAnswer", "referenceCode", "testCases", "topic", "level", "difficulty", "split", "sourceLocation", "license", "declarations"],
      additionalProperties: false,
      properties: {
        statement: { type: "string", description: "LaTeX text of the problem, ending with a Conventions: sentence" },
        description: { type: "string", description: "1–2 sentences for tracking" },
        answerSpec: ANSWER_SPEC,
        solution: { type: "string", description: "LaTeX worked solution" },
        finalAnswer: { type: "string", description: "LaTeX final answer" },
        referenceCode: { type: "string", description: "Python 3 implementing the function" },
        testCases: { type: "string", contentMediaType: "application/json", description: "JSON text of [{inputs, expected, tolerance: {abs, rel}}] (values as in the ground truth)" },
        topic: STRING_OR_NULL,
        level: { enum: ["ADVANCED_UNDERGRADUATE", "GRADUATE", "RESEARCH", null] },
        difficulty: { enum: ["EASY", "MEDIUM", "HARD", null] },
        split: { enum: ["TRAIN", "VAL", "TEST", null], description: "the split the item declared (null: assigned by the release's ratios)" },
        sourceLocation: { ...STRING_OR_NULL, description: "where in the source" },
        license: { ...STRING_OR_NULL, description: "the item's own license, if any (else the source's)" },
        declarations: {
          type: "object",
          description: "LaTeX symbols for the answer checker",
          additionalProperties: false,
          properties: Object.fromEntries(["symbols", "functions", "positive", "real"].map((k) => [k, { type: "array", items: { type: "string" } }])),
        },
      },
    },
    seed: {
      type: "object",
      description: "the human-written problem the item was adapted from",
      required: ["id", "title", "problem", "solution", "location"],
      additionalProperties: false,
      properties: { id: UUID, title: STRING_OR_NULL, problem: { type: "string" }, solution: STRING_OR_NULL, location: STRING_OR_NULL },
    },
    source: {
      type: "object",
      description: "where the seed comes from, as it was when the release was created",
      required: ["kind", "identifier", "title", "authors", "url", "license", "version", "category", "arxivId", "arxivVersion"],
      additionalProperties: false,
      properties: {
        kind: { enum: ["ARXIV", "TEXTBOOK", "COURSE", "OTHER"] },
        identifier: { type: "string" },
        title: STRING_OR_NULL,
        authors: { type: "array", items: { type: "string" } },
        url: STRING_OR_NULL,
        license: STRING_OR_NULL,
        version: STRING_OR_NULL,
        category: STRING_OR_NULL,
        arxivId: { ...STRING_OR_NULL, description: "arXiv id without version (arXiv sources)" },
        arxivVersion: { ...STRING_OR_NULL, description: "e.g. v2" },
      },
    },
    author: { ...PERSON, description: "who adapted the item" },
    reviews: {
      type: "array",
      description: "review decisions up to the frozen version, oldest first",
      items: {
        type: "object",
        required: ["reviewer", "decision", "version", "at"],
        additionalProperties: false,
        properties: { reviewer: { type: "string" }, decision: { enum: ["APPROVE", "REQUEST_CHANGES", "REJECT"] }, version: { type: "integer" }, at: ISO_TIME },
      },
    },
    approval: {
      type: "object",
      required: ["by", "at"],
      additionalProperties: false,
      properties: { by: { ...STRING_OR_NULL, description: "the approving reviewer" }, at: { anyOf: [ISO_TIME, { type: "null" }] } },
    },
    checks: {
      description: "the newest automatic check run on the frozen version up to its approval (null: none stored)",
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["runId", "ranAt", "passed", "isolation", "total", "failedBlocking", "failedWarnings", "failing"],
          additionalProperties: false,
          properties: {
            runId: UUID, ranAt: ISO_TIME, passed: { type: "boolean" }, isolation: { ...STRING_OR_NULL, description: "sandbox isolation of the code checks" },
            total: { type: "integer" }, failedBlocking: { type: "integer" }, failedWarnings: { type: "integer" },
            failing: { type: "array", items: { type: "string" }, description: "ids of checks that did not pass" },
          },
        },
      ],
    },
    contentHash: { ...SHA256, description: "sha256 of this row's canonical JSON without contentHash" },
  },
};

export const NATIVE: Format = {
  name: "native",
  summary: "every field of the frozen item with full provenance (seed, source, people, approval, checks) and a content hash",
  toRow: (row) => JSON.parse(nativeLine(row)) as Record<string, unknown>,
  toLine: nativeLine,
  jsonSchema: schemaDocument("native", "Fieldwork native row", "native/{train,validation,test}.jsonl: one frozen item version with full provenance.", ROW),
};
