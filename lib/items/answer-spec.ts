// The answer spec: one Python function the model must write (PRODUCT.md, "The verifiable item").
// Pure and shared by the server (validation on save, export) and the editor (live skeleton).
import { z } from "zod";
import { evaluateNumber, expressionGives } from "./number-expression";

export const VALUE_TYPES = ["float", "int", "complex", "bool", "str"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export type Argument = {
  name: string;
  type: ValueType;
  description: string;
  min?: number;
  max?: number;
  options?: string[];
  /** the bounds as typed when they were expressions (`pi`, `2*pi`): shown in the docstring; min/max are the numbers */
  display?: { min?: string; max?: string };
};
export type ReturnElement = { type: ValueType; options?: string[] };
export type Returns = { type: ValueType | "tuple"; description: string; options?: string[]; items?: ReturnElement[] };
export type AnswerSpec = { functionName: string; arguments: Argument[]; returns: Returns };

export const MAX_ARGUMENTS = 30;
export const MAX_TUPLE_ELEMENTS = 10;
const MAX_OPTIONS = 50;
const MAX_DESCRIPTION = 2000;

const PYTHON_KEYWORDS = new Set(
  ("False None True and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield").split(" "),
);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Null when `name` is a usable Python identifier, else why not. */
export function identifierProblem(name: string): string | null {
  if (!IDENTIFIER.test(name)) return "Use letters, digits and underscores, not starting with a digit.";
  if (PYTHON_KEYWORDS.has(name)) return `"${name}" is a Python keyword.`;
  if (name.length > 100) return "At most 100 characters.";
  return null;
}

export function emptyAnswerSpec(): AnswerSpec {
  return { functionName: "", arguments: [], returns: { type: "float", description: "" } };
}

// Names may be empty while a draft is being written (the completeness check reports that); anything
// non-empty must be valid now, so a bad spec is never saved.
const ZName = z.string().max(100).refine((n) => n === "" || identifierProblem(n) === null, {
  error: (issue) => identifierProblem(String(issue.input)) ?? "Not a valid name.",
});
const ZOptions = z
  .array(z.string().trim().min(1, "An option cannot be empty.").max(200))
  .min(1, "Give at least one option, or remove the options.")
  .max(MAX_OPTIONS)
  .refine((o) => new Set(o).size === o.length, "Options must be different from each other.");
const ZValueType = z.enum(VALUE_TYPES, { error: `Type must be one of ${VALUE_TYPES.join(", ")}.` });
const ZFinite = z.number().finite();

const ZArgument = z
  .object({
    name: ZName,
    type: ZValueType,
    description: z.string().max(MAX_DESCRIPTION).default(""),
    min: ZFinite.optional(),
    max: ZFinite.optional(),
    options: ZOptions.optional(),
    display: z.object({ min: z.string().max(200).optional(), max: z.string().max(200).optional() }).strict().optional(),
  })
  .superRefine((arg, ctx) => {
    for (const bound of ["min", "max"] as const) {
      const typed = arg.display?.[bound];
      if (typed === undefined) continue;
      // A typed bound is never dropped silently: it gives the stored number, or it is an error at its field.
      const parsed = evaluateNumber(typed);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: [bound], message: parsed.message });
      else if (arg[bound] === undefined || !expressionGives(typed, arg[bound]!)) {
        ctx.addIssue({ code: "custom", path: [bound], message: `The typed ${bound} “${typed}” does not give the stored ${bound}.` });
      }
    }
    const numeric = arg.type === "float" || arg.type === "int";
    if (!numeric && (arg.min !== undefined || arg.max !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "A domain (min/max) applies to float and int arguments only." });
    }
    if (arg.min !== undefined && arg.max !== undefined && arg.min > arg.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "max must not be below min." });
    }
    if (arg.options && arg.type !== "str") {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Options apply to str arguments only." });
    }
  });

const ZReturnElement = z
  .object({ type: ZValueType, options: ZOptions.optional() })
  .refine((e) => !e.options || e.type === "str", { path: ["options"], message: "Options apply to str values only." });

const ZReturns = z
  .object({
    type: z.enum([...VALUE_TYPES, "tuple"], { error: `Return type must be one of ${[...VALUE_TYPES, "tuple"].join(", ")}.` }),
    description: z.string().max(MAX_DESCRIPTION).default(""),
    options: ZOptions.optional(),
    items: z.array(ZReturnElement).min(1, "A tuple needs at least one element.").max(MAX_TUPLE_ELEMENTS).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.type === "tuple" && !r.items) ctx.addIssue({ code: "custom", path: ["items"], message: "A tuple needs at least one element." });
    if (r.type !== "tuple" && r.items) ctx.addIssue({ code: "custom", path: ["items"], message: "Only a tuple has elements." });
    if (r.options && r.type !== "str") ctx.addIssue({ code: "custom", path: ["options"], message: "Options apply to str returns only." });
  });

// Duplicate names are reported even when another argument has an error of its own (`when`), so the
// author sees every problem at once; the data may then be partly invalid, hence the defensive reads.
const ZArguments = z.array(ZArgument).max(MAX_ARGUMENTS, `At most ${MAX_ARGUMENTS} arguments.`).superRefine(
  (args, ctx) => {
    const seen = new Map<string, number>();
    if (!Array.isArray(args)) return;
    (args as unknown[]).forEach((arg, i) => {
      const name = (arg as { name?: unknown } | null)?.name;
      if (typeof name !== "string" || !name) return;
      if (seen.has(name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${name}" is already argument ${seen.get(name)! + 1}.` });
      else seen.set(name, i);
    });
  },
  { when: () => true },
);

export const ZAnswerSpec = z.object({ functionName: ZName, arguments: ZArguments, returns: ZReturns });

/** Whatever is stored (including the `{}` of a new item), an AnswerSpec: invalid parts fall back to empty. */
export function toAnswerSpec(value: unknown): AnswerSpec {
  const parsed = ZAnswerSpec.safeParse(value);
  return parsed.success ? (parsed.data as AnswerSpec) : emptyAnswerSpec();
}

/**
 * An argument with a domain bound as typed: the number is stored, and the text is kept whenever it says more
 * than the number (`pi`, `2*pi`, and text that is not yet a number, which the schema then reports at the
 * field — a typed value never vanishes).
 */
export function setBound(arg: Argument, bound: "min" | "max", text: string): Argument {
  const next: Argument = { ...arg, display: { ...arg.display } };
  const typed = text.trim();
  const parsed = typed ? evaluateNumber(typed) : null;
  if (parsed?.ok) next[bound] = parsed.value;
  else delete next[bound];
  if (typed && (!parsed?.ok || typed !== String(parsed.value))) next.display![bound] = typed;
  else delete next.display![bound];
  if (!Object.keys(next.display!).length) delete next.display;
  return next;
}

/** The text of a bound in the form: as typed, or the stored number. */
export function boundText(arg: Argument, bound: "min" | "max"): string {
  return arg.display?.[bound] ?? (arg[bound] === undefined ? "" : String(arg[bound]));
}

/** The Python annotation of a return spec: `float`, `tuple[float, str]`. */
export function returnAnnotation(returns: Returns): string {
  if (returns.type !== "tuple") return returns.type;
  return `tuple[${(returns.items ?? []).map((e) => e.type).join(", ")}]`;
}

function quoteOptions(options: string[]): string {
  return options.map((o) => JSON.stringify(o)).join(", ");
}

/** A bound as the author typed it (`pi`) when that was an expression, else the number. */
function formatBound(arg: Argument, bound: "min" | "max"): string {
  const typed = arg.display?.[bound];
  return typed && expressionGives(typed, arg[bound]!) ? typed : String(arg[bound]);
}

/** A description ends with a full stop before the next sentence ("Domain: …") follows it. */
export function sentence(text: string): string {
  const t = text.trim();
  return t && !/[.!?:;)]$/.test(t) ? `${t}.` : t;
}

function argumentLine(arg: Argument): string {
  const parts = [arg.min !== undefined || arg.max !== undefined || arg.options ? sentence(arg.description) : arg.description.trim()];
  if (arg.min !== undefined && arg.max !== undefined) parts.push(`Domain: ${formatBound(arg, "min")} <= ${arg.name} <= ${formatBound(arg, "max")}.`);
  else if (arg.min !== undefined) parts.push(`Domain: ${arg.name} >= ${formatBound(arg, "min")}.`);
  else if (arg.max !== undefined) parts.push(`Domain: ${arg.name} <= ${formatBound(arg, "max")}.`);
  if (arg.options) parts.push(`One of: ${quoteOptions(arg.options)}.`);
  return `${arg.name || "?"} (${arg.type}): ${parts.filter(Boolean).join(" ")}`.trimEnd();
}

function returnLines(returns: Returns): string[] {
  const head = `${returnAnnotation(returns)}: ${returns.options ? `${sentence(returns.description)} One of: ${quoteOptions(returns.options)}.` : returns.description.trim()}`;
  const lines = [head.trimEnd()];
  (returns.items ?? []).forEach((e, i) => {
    if (e.options) lines.push(`    Element ${i} (${e.type}) is one of: ${quoteOptions(e.options)}.`);
  });
  return lines;
}

/**
 * The "Answer Requirements": the function signature with its docstring, exactly as exported.
 * The docstring is raw (r""") when it contains a backslash, so LaTeX in descriptions stays valid Python.
 */
export function renderSkeleton(spec: AnswerSpec): string {
  const params = spec.arguments.map((a) => `${a.name || "?"}: ${a.type}`).join(", ");
  const doc: string[] = [];
  if (spec.arguments.length) {
    doc.push("Args:");
    for (const arg of spec.arguments) doc.push(`    ${argumentLine(arg)}`);
    doc.push("");
  }
  doc.push("Returns:");
  for (const line of returnLines(spec.returns)) doc.push(`    ${line}`);
  const body = doc.map((l) => (l ? `    ${l}` : "")).join("\n").replace(/"""/g, '\\"\\"\\"');
  const prefix = body.includes("\\") ? 'r"""' : '"""';
  return `def ${spec.functionName || "?"}(${params}) -> ${returnAnnotation(spec.returns)}:\n    ${prefix}\n${body}\n    """\n    ...\n`;
}
