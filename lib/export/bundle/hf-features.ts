// A format's JSON Schema as Hugging Face `datasets` features, in the dataset card's YAML (`dataset_info`).
// `datasets` otherwise infers a JSON Lines file's types from its first rows and then fails on a later file whose
// column it saw only as null ("Couldn't cast array of type string to null": a declared split, a topic, the
// check summary). Declared features make every split load the same way. Pure.
import type { JsonSchema } from "../formats/json-schema-parts";

/** A feature in the card's YAML grammar (`dtype`, `struct`, `list`), before it is written as lines. */
export type HfFeature = { dtype: string } | { struct: HfField[] } | { list: HfFeature };
export type HfField = { name: string; feature: HfFeature };

const PRIMITIVE: Record<string, string> = { string: "string", integer: "int64", number: "float64", boolean: "bool" };

/** Thrown for what one Arrow type cannot hold (an object with open keys, a value of several types). */
class NotTabular extends Error {}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const name = ref.replace(/^#\/\$defs\//, "");
  const target = (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
  if (!target) throw new NotTabular(`unknown reference ${ref}`);
  return resolve(target, root);
}

/** The one non-null type of a node, or why there is none. */
function typeOf(node: JsonSchema): string {
  if ("const" in node) return typeof node.const === "number" ? (Number.isInteger(node.const) ? "integer" : "number") : typeof node.const;
  if (Array.isArray(node.enum)) {
    const kinds = new Set(node.enum.filter((v) => v !== null).map((v) => typeof v));
    if (kinds.size === 1 && kinds.has("string")) return "string";
    throw new NotTabular("an enum of several types");
  }
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((t) => t !== "null" && t !== undefined);
  if (types.length !== 1) throw new NotTabular(`a value of ${types.length ? types.join(" or ") : "any"} type`);
  return types[0] as string;
}

function featureOf(raw: JsonSchema, root: JsonSchema): HfFeature {
  const node = resolve(raw, root);
  const alternatives = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const present = alternatives.map((a) => resolve(a, root)).filter((a) => a.type !== "null");
    if (present.length !== 1) throw new NotTabular("a value of several shapes");
    return featureOf(present[0], root);
  }
  const type = typeOf(node);
  if (PRIMITIVE[type]) return { dtype: PRIMITIVE[type] };
  if (type === "array") {
    // A tuple (`prefixItems`: the chat turns) is a list when every position has the same feature.
    const positions = Array.isArray(node.prefixItems) ? (node.prefixItems as JsonSchema[]).map((p) => featureOf(p, root)) : [];
    if (node.items && typeof node.items === "object") positions.push(featureOf(node.items as JsonSchema, root));
    const distinct = new Set(positions.map((p) => JSON.stringify(p)));
    if (distinct.size !== 1) throw new NotTabular("an array whose items differ in type");
    return { list: positions[0] };
  }
  if (type === "object") {
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    if (!properties || node.additionalProperties !== false) throw new NotTabular("an object with open keys");
    return { struct: fieldsOf(properties, root) };
  }
  throw new NotTabular(`a ${type}`);
}

function fieldsOf(properties: Record<string, JsonSchema>, root: JsonSchema): HfField[] {
  return Object.keys(properties).sort().map((name) => ({ name, feature: featureOf(properties[name], root) }));
}

/** The row's columns as features, or null when a column has no single Arrow type (then `datasets` infers). */
export function hfFeaturesOf(schema: JsonSchema): HfField[] | null {
  try {
    const feature = featureOf(schema, schema);
    return "struct" in feature ? feature.struct : null;
  } catch (error) {
    if (error instanceof NotTabular) return null;
    throw error;
  }
}

/** Features as the card's YAML lines (`- name: x` then `dtype`, `struct` or `list`), indented. */
export function hfFeatureLines(fields: HfField[], indent: string): string[] {
  return fields.flatMap((f) => [`${indent}- name: ${f.name}`, ...featureBody(f.feature, `${indent}  `)]);
}

function featureBody(feature: HfFeature, indent: string): string[] {
  if ("dtype" in feature) return [`${indent}dtype: ${feature.dtype}`];
  if ("struct" in feature) return [`${indent}struct:`, ...hfFeatureLines(feature.struct, indent)];
  if ("dtype" in feature.list) return [`${indent}list: ${feature.list.dtype}`];
  if ("struct" in feature.list) return [`${indent}list:`, ...hfFeatureLines(feature.list.struct, indent)];
  return [`${indent}list:`, ...featureBody(feature.list, `${indent}  `)];
}
