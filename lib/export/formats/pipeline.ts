// pipeline/{split}.jsonl: the VerifiableTPData item shape (problem_details with the pipeline's headings and
// its `test` block, problem_metadata, original_seed), which Fieldwork's own pipeline importer reads back
// into the same fields. Pure.
import { renderSkeleton, returnAnnotation } from "../../items/answer-spec";
import type { ReleaseRow } from "../model/release-row";
import { SPLIT, STRING_OR_NULL, TOLERANCE, UUID, schemaDocument, type JsonSchema } from "./json-schema-parts";
import type { Format } from "./types";

/** The spellings the pipeline (and the importer) use for level and difficulty. */
const LEVEL_WORDS = { ADVANCED_UNDERGRADUATE: "Advanced Undergraduate", GRADUATE: "Graduate", RESEARCH: "Research" } as const;
const DIFFICULTY_WORDS = { EASY: "easy", MEDIUM: "medium", HARD: "hard" } as const;

// Keys in sorted order: JSON.stringify of the row is its canonical JSON.
function toRow(row: ReleaseRow): Record<string, unknown> {
  const { item, provenance: p } = row;
  const spec = item.answerSpec;
  const outputType = returnAnnotation(spec.returns);
  return {
    original_seed: {
      location: p.seed.location,
      problem: p.seed.problem,
      solution: p.seed.solution,
      source: p.source.identifier,
      title: p.seed.title,
    },
    problem_details: {
      Answer: item.finalAnswer,
      "Answer Requirements": renderSkeleton(spec),
      Code: item.referenceCode,
      "Problem Description": item.description,
      "Problem Statement": item.statement,
      Solution: item.solution,
      test: {
        arguments: spec.arguments.map((a) => ({ name: a.name, type: a.type })),
        function_name: spec.functionName,
        test_cases: item.testCases.map((tc, i) => ({
          case_id: i + 1,
          inputs: tc.inputs,
          output: tc.expected,
          output_type: outputType,
          tolerance: { abs: tc.tolerance.abs, rel: tc.tolerance.rel },
        })),
      },
    },
    problem_metadata: {
      // the importer reads the description from here ("Problem Description" is the pipeline's own heading)
      description: item.description,
      difficulty: item.difficulty ? DIFFICULTY_WORDS[item.difficulty] : null,
      item_id: row.itemId,
      level: item.level ? LEVEL_WORDS[item.level] : null,
      license: item.license || p.source.license || null,
      release: row.release,
      source: p.source.identifier,
      split: row.split,
      topic: item.topic || null,
      version: row.version,
    },
  };
}

const ROW: JsonSchema = {
  type: "object",
  required: ["problem_details", "problem_metadata", "original_seed"],
  additionalProperties: false,
  properties: {
    problem_details: {
      type: "object",
      required: ["Problem Statement", "Problem Description", "Answer Requirements", "Solution", "Answer", "Code", "test"],
      additionalProperties: false,
      properties: {
        "Problem Statement": { type: "string", description: "LaTeX text of the problem" },
        "Problem Description": { type: "string", description: "1–2 sentences for tracking" },
        "Answer Requirements": { type: "string", description: "the Python signature with its docstring (the answer spec rendered)" },
        Solution: { type: "string", description: "LaTeX worked solution" },
        Answer: { type: "string", description: "LaTeX final answer" },
        Code: { type: "string", description: "reference Python implementation" },
        test: {
          type: "object",
          required: ["function_name", "arguments", "test_cases"],
          additionalProperties: false,
          properties: {
            function_name: { type: "string" },
            arguments: {
              type: "array",
              items: { type: "object", required: ["name", "type"], additionalProperties: false, properties: { name: { type: "string" }, type: { enum: ["float", "int", "complex", "bool", "str"] } } },
            },
            test_cases: {
              type: "array",
              items: {
                type: "object",
                required: ["case_id", "inputs", "output", "output_type", "tolerance"],
                additionalProperties: false,
                properties: {
                  case_id: { type: "integer", minimum: 1 },
                  inputs: { type: "object", additionalProperties: { $ref: "#/$defs/testValue" }, description: "argument values by name" },
                  output: { $ref: "#/$defs/testValue", description: "the expected output (computed by the reference code)" },
                  output_type: { type: "string", description: "the return annotation: float, int, complex, bool, str or tuple[…]" },
                  tolerance: TOLERANCE,
                },
              },
            },
          },
        },
      },
    },
    problem_metadata: {
      type: "object",
      required: ["topic", "level", "difficulty", "source", "description", "license", "release", "split", "item_id", "version"],
      additionalProperties: false,
      properties: {
        topic: STRING_OR_NULL,
        level: { enum: ["Advanced Undergraduate", "Graduate", "Research", null] },
        difficulty: { enum: ["easy", "medium", "hard", null] },
        source: { type: "string", description: "source identifier" },
        description: { type: "string" },
        license: STRING_OR_NULL,
        release: { type: "string" },
        split: SPLIT,
        item_id: UUID,
        version: { type: "integer", minimum: 1 },
      },
    },
    original_seed: {
      type: "object",
      required: ["problem", "solution", "source", "location", "title"],
      additionalProperties: false,
      properties: { problem: { type: "string" }, solution: STRING_OR_NULL, source: { type: "string" }, location: STRING_OR_NULL, title: STRING_OR_NULL },
    },
  },
};

export const PIPELINE: Format = {
  name: "pipeline",
  summary: "the VerifiableTPData pipeline's item shape (problem_details + test, problem_metadata, original_seed)",
  toRow,
  jsonSchema: schemaDocument("pipeline", "VerifiableTPData pipeline item", "pipeline/{train,validation,test}.jsonl: the pipeline's adapted-item shape.", ROW),
};
