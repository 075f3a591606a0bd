// verl/{split}.parquet and verl/{split}.json: verl's RL rows. The ground truth is the test bundle as a JSON
// string (model/ground-truth.ts), which the grading API and the reward module read. The Parquet schema is
// explicit so `prompt` is a list of structs and `reward_model`/`extra_info` are structs (an inferred schema
// would store them as JSON text). Pure.
import { groundTruthString } from "../model/ground-truth";
import { userPrompt } from "../model/prompt";
import type { ReleaseRow } from "../model/release-row";
import { extraInfo, type ExtraInfo } from "./extra-info";
import { ARGUMENT, EXTRA_INFO, RETURNS, TOLERANCE, chatMessages, schemaDocument, type JsonSchema } from "./json-schema-parts";
import type { Format } from "./types";

export type VerlRow = {
  data_source: string;
  prompt: { role: "user"; content: string }[];
  ability: "physics";
  reward_model: { style: "rule"; ground_truth: string };
  extra_info: ExtraInfo;
};

/** Keys in sorted order: JSON.stringify of the row is its canonical JSON. */
export function toVerlRow(row: ReleaseRow): VerlRow {
  return {
    ability: "physics",
    data_source: row.release,
    extra_info: extraInfo(row),
    prompt: [{ content: userPrompt(row.item), role: "user" }],
    reward_model: { ground_truth: groundTruthString(row.item, true), style: "rule" },
  };
}

const UTF8 = { type: "BYTE_ARRAY", converted_type: "UTF8" } as const;
const req = <T extends object>(e: T) => ({ ...e, repetition_type: "REQUIRED" as const });
const opt = <T extends object>(e: T) => ({ ...e, repetition_type: "OPTIONAL" as const });

/** The Parquet schema (flattened, depth-first), as hyparquet-writer takes it. */
export const VERL_PARQUET_SCHEMA = [
  { name: "root", num_children: 5 },
  req({ name: "data_source", ...UTF8 }),
  req({ name: "prompt", converted_type: "LIST" as const, num_children: 1 }),
  { name: "list", repetition_type: "REPEATED" as const, num_children: 1 },
  req({ name: "element", num_children: 2 }),
  req({ name: "role", ...UTF8 }),
  req({ name: "content", ...UTF8 }),
  req({ name: "ability", ...UTF8 }),
  req({ name: "reward_model", num_children: 2 }),
  req({ name: "style", ...UTF8 }),
  req({ name: "ground_truth", ...UTF8 }),
  req({ name: "extra_info", num_children: 8 }),
  req({ name: "split", ...UTF8 }),
  req({ name: "index", type: "INT64" as const }),
  req({ name: "item_id", ...UTF8 }),
  req({ name: "version", type: "INT64" as const }),
  req({ name: "source", ...UTF8 }),
  opt({ name: "topic", ...UTF8 }),
  opt({ name: "difficulty", ...UTF8 }),
  opt({ name: "level", ...UTF8 }),
];

/** Column data for one row group: INT64 columns take BigInt. */
export function verlParquetColumns(rows: VerlRow[]): { name: string; data: unknown[] }[] {
  return [
    { name: "data_source", data: rows.map((r) => r.data_source) },
    { name: "prompt", data: rows.map((r) => r.prompt) },
    { name: "ability", data: rows.map((r) => r.ability) },
    { name: "reward_model", data: rows.map((r) => r.reward_model) },
    { name: "extra_info", data: rows.map((r) => ({ ...r.extra_info, index: BigInt(r.extra_info.index), version: BigInt(r.extra_info.version) })) },
  ];
}

const ROW: JsonSchema = {
  type: "object",
  required: ["data_source", "prompt", "ability", "reward_model", "extra_info"],
  additionalProperties: false,
  properties: {
    data_source: { type: "string", description: "the release's name (verl routes reward functions by it)" },
    prompt: chatMessages(["user"], "the chat prompt: statement, answer requirements, and the instruction to end with one ```python block"),
    ability: { const: "physics" },
    reward_model: {
      type: "object",
      required: ["style", "ground_truth"],
      additionalProperties: false,
      properties: {
        style: { const: "rule" },
        ground_truth: {
          type: "string",
          contentMediaType: "application/json",
          contentSchema: { $ref: "#/$defs/groundTruth" },
          description: "JSON text of the test bundle {function_name, arguments, returns, test_cases}",
        },
      },
    },
    extra_info: EXTRA_INFO,
  },
};

/** The ground truth, decoded (validated by tests on the parsed string). */
export const GROUND_TRUTH_SCHEMA: JsonSchema = {
  type: "object",
  required: ["function_name", "arguments", "returns", "test_cases"],
  additionalProperties: false,
  properties: {
    function_name: { type: "string" },
    arguments: { type: "array", items: { $ref: "#/$defs/argument" } },
    returns: { $ref: "#/$defs/returns" },
    test_cases: {
      type: "array",
      items: {
        type: "object",
        required: ["inputs", "expected", "tolerance"],
        additionalProperties: false,
        properties: {
          inputs: { type: "object", additionalProperties: { $ref: "#/$defs/testValue" }, description: "argument values by name" },
          expected: { $ref: "#/$defs/testValue" },
          tolerance: { $ref: "#/$defs/tolerance" },
        },
      },
    },
  },
};

export const VERL: Format<VerlRow> = {
  name: "verl",
  summary: "verl RL rows: data_source, chat prompt, ability, reward_model {style: rule, ground_truth}, extra_info (Parquet and JSON Lines)",
  toRow: toVerlRow,
  jsonSchema: schemaDocument("verl", "verl RL row", "verl/{train,validation,test}.parquet and .json: verl's RL dataset rows.", ROW, {
    groundTruth: GROUND_TRUTH_SCHEMA, argument: ARGUMENT, returns: RETURNS, tolerance: TOLERANCE,
  }),
};
