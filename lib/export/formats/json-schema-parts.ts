// Pieces of the formats' JSON Schemas (draft 2020-12) shared by several formats: the answer spec, test values,
// chat messages. The schemas document every field (docs/formats/*.schema.json are written from them) and
// tests validate every exported row against them. Pure.

export type JsonSchema = Record<string, unknown>;

const VALUE_TYPE = { enum: ["float", "int", "complex", "bool", "str"] };
const OPTIONS = { type: "array", items: { type: "string" }, minItems: 1, description: "the only allowed values (str only)" };

export const STRING_OR_NULL: JsonSchema = { type: ["string", "null"] };
export const ISO_TIME: JsonSchema = { type: "string", format: "date-time" };
export const UUID: JsonSchema = { type: "string", format: "uuid" };
export const SHA256: JsonSchema = { type: "string", pattern: "^[0-9a-f]{64}$" };
export const SPLIT: JsonSchema = { enum: ["train", "validation", "test"], description: "the release split this row is in" };

export const ARGUMENT: JsonSchema = {
  type: "object",
  description: "one argument of the function, in order",
  required: ["name", "type", "description"],
  additionalProperties: false,
  properties: {
    name: { type: "string", description: "a Python identifier" },
    type: VALUE_TYPE,
    description: { type: "string" },
    min: { type: "number", description: "smallest allowed value (float, int)" },
    max: { type: "number", description: "largest allowed value (float, int)" },
    options: OPTIONS,
  },
};

export const RETURNS: JsonSchema = {
  type: "object",
  description: "what the function returns",
  required: ["type", "description"],
  additionalProperties: false,
  properties: {
    type: { enum: ["float", "int", "complex", "bool", "str", "tuple"] },
    description: { type: "string" },
    options: OPTIONS,
    items: {
      type: "array",
      description: "the tuple's elements, in order (tuple only)",
      items: { type: "object", required: ["type"], additionalProperties: false, properties: { type: VALUE_TYPE, options: OPTIONS } },
    },
  },
};

export const ANSWER_SPEC: JsonSchema = {
  type: "object",
  description: "the Python function the model must write",
  required: ["functionName", "arguments", "returns"],
  additionalProperties: false,
  properties: { functionName: { type: "string" }, arguments: { type: "array", items: ARGUMENT }, returns: RETURNS },
};

/** float/int → number, bool → boolean, str → string, complex → {re, im}, tuple → array of those. */
export const TEST_VALUE: JsonSchema = {
  description: "a value as stored: number, boolean, string, complex {re, im}, or a tuple as an array",
  anyOf: [
    { type: "number" },
    { type: "boolean" },
    { type: "string" },
    { type: "object", required: ["re", "im"], additionalProperties: false, properties: { re: { type: "number" }, im: { type: "number" } } },
    { type: "array", items: { $ref: "#/$defs/testValue" } },
  ],
};

export const TOLERANCE: JsonSchema = {
  type: "object",
  description: "numbers match when |got − expected| ≤ abs + rel·|expected| (complex: per component; tuples: per element)",
  required: ["abs", "rel"],
  additionalProperties: false,
  properties: { abs: { type: "number", minimum: 0 }, rel: { type: "number", minimum: 0 } },
};

export const INPUTS: JsonSchema = {
  type: "object",
  description: "the argument values, keyed by argument name",
  additionalProperties: { $ref: "#/$defs/testValue" },
};

export function chatMessages(roles: string[], description: string): JsonSchema {
  return {
    type: "array",
    description,
    minItems: roles.length,
    maxItems: roles.length,
    prefixItems: roles.map((role) => ({
      type: "object",
      required: ["role", "content"],
      additionalProperties: false,
      properties: { role: { const: role }, content: { type: "string" } },
    })),
  };
}

export const EXTRA_INFO: JsonSchema = {
  type: "object",
  description: "where the row comes from (verl passes it to the reward function)",
  required: ["split", "index", "item_id", "version", "source", "topic", "difficulty", "level"],
  additionalProperties: false,
  properties: {
    split: SPLIT,
    index: { type: "integer", minimum: 0, description: "0-based row number within the split" },
    item_id: { ...UUID, description: "the Fieldwork item" },
    version: { type: "integer", minimum: 1, description: "the frozen item version" },
    source: { type: "string", description: "the source identifier (e.g. an arXiv id)" },
    topic: { ...STRING_OR_NULL },
    difficulty: { enum: ["easy", "medium", "hard", null] },
    level: { enum: ["advanced undergraduate", "graduate", "research", null] },
  },
};

export function schemaDocument(id: string, title: string, description: string, body: JsonSchema, defs: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://fieldwork.local/schemas/${id}.schema.json`,
    title,
    description,
    ...body,
    $defs: { testValue: TEST_VALUE, ...defs },
  };
}
