// Python type annotations as answer-spec types. The spec knows five value types and flat tuples of them;
// pipelines write them in several spellings (numpy scalars, typing.Tuple, Literal[...]), all accepted
// here, and anything else is an error naming the annotation, never a silent guess.
import { VALUE_TYPES, type ReturnElement, type Returns, type ValueType } from "../../items/answer-spec";
import type { TypeExpr } from "./pipeline-signature";

export type Scalar = { type: ValueType; options?: string[] };
export type ReturnType = Omit<Returns, "description">;

const NUMPY_ALIASES: Record<string, ValueType> = {
  ...Object.fromEntries(
    ["float64", "float32", "float16", "float_", "double", "single", "longdouble", "floating"].map((n) => [n, "float"]),
  ),
  ...Object.fromEntries(
    ["int64", "int32", "int16", "int8", "int_", "intc", "intp", "integer", "uint64", "uint32", "uint16", "uint8", "uint"].map((n) => [n, "int"]),
  ),
  ...Object.fromEntries(["complex128", "complex64", "complex_", "cdouble", "csingle", "complexfloating"].map((n) => [n, "complex"])),
  bool_: "bool",
  bool8: "bool",
  str_: "str",
};

const SUPPORTED = `(use ${VALUE_TYPES.slice(0, -1).join(", ")} or ${VALUE_TYPES[VALUE_TYPES.length - 1]})`;

/** `typing.Tuple` → `Tuple`, `numpy.float64` → `np.float64`: one spelling per name. */
function normalName(name: string): string {
  return name.replace(/^(typing|typing_extensions|builtins)\./, "").replace(/^numpy\./, "np.");
}

function namedScalar(name: string): ValueType | null {
  if ((VALUE_TYPES as readonly string[]).includes(name)) return name as ValueType;
  const bare = name.replace(/^np\./, "");
  return NUMPY_ALIASES[bare] ?? null;
}

function literalScalar(e: Extract<TypeExpr, { kind: "name" }>): Scalar | { error: string } {
  const values = e.args ?? [];
  if (values.length && values.every((v) => v.kind === "const" && typeof v.value === "string")) {
    return { type: "str", options: values.map((v) => String((v as { value: string }).value).trim()) };
  }
  if (values.length && values.every((v) => v.kind === "name" && (v.name === "True" || v.name === "False"))) return { type: "bool" };
  if (values.length && values.every((v) => v.kind === "const" && Number.isSafeInteger(v.value))) return { type: "int" };
  return { error: `"${e.text}": a Literal must list strings, integers or booleans` };
}

/** One value type (an argument, a tuple element). */
export function scalarType(e: TypeExpr): Scalar | { error: string } {
  if (e.kind === "union") return { error: `"${e.text}" is a union of types ${SUPPORTED}` };
  if (e.kind !== "name") return { error: `"${e.text}" is not a type ${SUPPORTED}` };
  const name = normalName(e.name);
  if (name === "Literal") return literalScalar(e);
  if (name === "Annotated" && e.args?.length) return scalarType(e.args[0]);
  if (name === "Optional" || name === "Union") return { error: `"${e.text}" allows more than one type ${SUPPORTED}` };
  if (name === "tuple" || name === "Tuple") return { error: `"${e.text}": a tuple is only possible as the return type` };
  const type = e.args === null ? namedScalar(name) : null;
  return type ? { type } : { error: `"${e.text}" is not a supported type ${SUPPORTED}` };
}

/** The return type: a value type or a fixed-length tuple of them. */
export function returnType(e: TypeExpr): ReturnType | { error: string } {
  const name = e.kind === "name" ? normalName(e.name) : "";
  if (e.kind !== "name" || (name !== "tuple" && name !== "Tuple")) return scalarType(e);
  const parts = e.args ?? [];
  if (!parts.length) return { error: `"${e.text}": name the type of each tuple element, e.g. tuple[float, str]` };
  if (parts.some((p) => p.kind === "ellipsis")) return { error: `"${e.text}": a tuple of variable length is not supported` };
  const items: ReturnElement[] = [];
  for (const [i, part] of parts.entries()) {
    const scalar = scalarType(part);
    if ("error" in scalar) return { error: `tuple element ${i}: ${scalar.error}` };
    items.push(scalar);
  }
  return { type: "tuple", items };
}
