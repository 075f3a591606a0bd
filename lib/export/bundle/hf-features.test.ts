import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FORMATS } from "../formats";
import { hfFeatureLines, hfFeaturesOf } from "./hf-features";

describe("Hugging Face features from a JSON Schema", () => {
  it("reads nullable values, string enums with null, tuples of one shape and nested objects", () => {
    const schema = {
      type: "object", additionalProperties: false,
      properties: {
        topic: { type: ["string", "null"] },
        level: { enum: ["graduate", "research", null] },
        index: { type: "integer", minimum: 0 },
        turns: { type: "array", prefixItems: [{ type: "object", additionalProperties: false, properties: { role: { const: "user" }, content: { type: "string" } } }, { type: "object", additionalProperties: false, properties: { role: { const: "assistant" }, content: { type: "string" } } }] },
        checks: { anyOf: [{ type: "null" }, { type: "object", additionalProperties: false, properties: { passed: { type: "boolean" }, failing: { type: "array", items: { type: "string" } } } }] },
        value: { $ref: "#/$defs/number" },
      },
      $defs: { number: { type: "number" } },
    };
    const fields = hfFeaturesOf(schema)!;
    expect(fields).toEqual([
      { name: "checks", feature: { struct: [{ name: "failing", feature: { list: { dtype: "string" } } }, { name: "passed", feature: { dtype: "bool" } }] } },
      { name: "index", feature: { dtype: "int64" } },
      { name: "level", feature: { dtype: "string" } },
      { name: "topic", feature: { dtype: "string" } },
      { name: "turns", feature: { list: { struct: [{ name: "content", feature: { dtype: "string" } }, { name: "role", feature: { dtype: "string" } }] } } },
      { name: "value", feature: { dtype: "float64" } },
    ]);
    // The YAML is what `datasets` reads: a list of {name, dtype | struct | list}.
    expect(parse(hfFeatureLines(fields, "").join("\n"))).toEqual([
      { name: "checks", struct: [{ name: "failing", list: "string" }, { name: "passed", dtype: "bool" }] },
      { name: "index", dtype: "int64" },
      { name: "level", dtype: "string" },
      { name: "topic", dtype: "string" },
      { name: "turns", list: [{ name: "content", dtype: "string" }, { name: "role", dtype: "string" }] },
      { name: "value", dtype: "float64" },
    ]);
  });

  it("gives up (null) where one Arrow type cannot hold a column: open keys, several types, tuples of mixed items", () => {
    const object = (properties: Record<string, unknown>) => ({ type: "object", additionalProperties: false, properties });
    expect(hfFeaturesOf(object({ inputs: { type: "object", additionalProperties: { type: "number" } } }))).toBeNull();
    expect(hfFeaturesOf(object({ value: { anyOf: [{ type: "number" }, { type: "string" }] } }))).toBeNull();
    expect(hfFeaturesOf(object({ pair: { type: "array", prefixItems: [{ type: "number" }, { type: "string" }] } }))).toBeNull();
  });

  it("declares the native, verl and sft rows; the pipeline rows (inputs keyed by argument name) are left to inference", () => {
    expect(hfFeaturesOf(FORMATS.native.jsonSchema)?.map((f) => f.name)).toContain("checks");
    expect(hfFeaturesOf(FORMATS.verl.jsonSchema)?.map((f) => f.name)).toEqual(["ability", "data_source", "extra_info", "prompt", "reward_model"]);
    expect(hfFeaturesOf(FORMATS.sft.jsonSchema)?.map((f) => f.name)).toEqual(["completion", "extra_info", "messages", "prompt"]);
    expect(hfFeaturesOf(FORMATS.pipeline.jsonSchema)).toBeNull();
  });
});
