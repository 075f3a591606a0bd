// "Answer Requirements" (a Python signature with a Google-style docstring) as an AnswerSpec. The inverse
// of renderSkeleton: parseAnswerRequirements(renderSkeleton(spec)) gives back `spec`, and the same reader
// accepts the looser spellings automated pipelines produce.
import { ZAnswerSpec, type AnswerSpec, type Argument, type ReturnElement, type Returns } from "../../items/answer-spec";
import { returnType, scalarType, type ReturnType } from "./pipeline-annotations";
import { readDocstring, splitTypePrefix, takeDomain, takeOptions, type DocSections, type ElementDoc } from "./pipeline-docstring";
import { parseSignature, parseTypeText, type Param, type TypeExpr } from "./pipeline-signature";

type Result<T> = T | { error: string };

const isError = <T extends object>(r: Result<T>): r is { error: string } => "error" in r;

// A docstring type may carry Google-style qualifiers: `(float, optional)`.
function docType(typeText: string | null): TypeExpr | null {
  return typeText ? parseTypeText(typeText.replace(/,\s*optional\s*$/i, "")) : null;
}

function readArgument(param: Param, doc: DocSections): Result<Argument> {
  const entry = doc.args.find((a) => a.name === param.name);
  const annotation = param.annotation ?? docType(entry?.typeText ?? null);
  if (!annotation) return { error: `argument "${param.name}" has no type: annotate it (${param.name}: float)` };
  const scalar = scalarType(annotation);
  if (isError(scalar)) return { error: `argument "${param.name}": ${scalar.error}` };
  const arg: Argument = { name: param.name, type: scalar.type, description: entry?.text ?? "" };
  if (scalar.type === "str") {
    const { text, options } = takeOptions(arg.description);
    if (options ?? scalar.options) Object.assign(arg, { description: text, options: options ?? scalar.options });
  }
  if (scalar.type === "float" || scalar.type === "int") {
    const { text, ...bounds } = takeDomain(arg.description, param.name);
    Object.assign(arg, { description: text }, bounds);
  }
  return arg;
}

/**
 * The Returns section's leading type, when it has one (a type we know, or the annotation itself):
 * `float: The energy.` on one line, or `float` alone with the description on the lines below.
 */
function returnsPrefix(lines: string[], annotation: TypeExpr | null): { type: ReturnType | null; rest: string } {
  // renderSkeleton always writes `type: description`, which never parses as a type by itself
  const alone = lines.length ? parseTypeText(lines[0]) : null;
  const aloneType = alone ? returnType(alone) : null;
  if (aloneType && !isError(aloneType)) return { type: aloneType, rest: lines.slice(1).join(" ") };
  const text = lines.join(" ");
  const split = splitTypePrefix(text);
  const expr = split ? parseTypeText(split.typeText) : null;
  if (!split || !expr) return { type: null, rest: text };
  const type = returnType(expr);
  const sameAsAnnotation = annotation && expr.text.replace(/\s+/g, "") === annotation.text.replace(/\s+/g, "");
  if (!isError(type)) return { type, rest: split.rest };
  return sameAsAnnotation ? { type: null, rest: split.rest } : { type: null, rest: text };
}

// renderSkeleton numbers tuple elements from 0; people often count from 1. Take the numbering under
// which every element line names an element of the right type.
function applyElements(items: ReturnElement[], elements: ElementDoc[]): Result<ReturnElement[]> {
  for (const base of [0, 1]) {
    const fits = elements.every((e) => {
      const item = items[e.index - base];
      const declared = docType(e.typeText);
      const declaredType = declared ? scalarType(declared) : null;
      return item && item.type === "str" && (!declaredType || (!isError(declaredType) && declaredType.type === "str"));
    });
    if (!fits) continue;
    const out = items.map((item) => ({ ...item }));
    for (const e of elements) out[e.index - base].options = e.options;
    return out;
  }
  return { error: `Returns: the "Element … is one of" lines do not match the str elements of the tuple` };
}

function readReturns(annotation: TypeExpr | null, doc: DocSections): Result<Returns> {
  const prefix = returnsPrefix(doc.returns?.lines ?? [], annotation);
  let type: ReturnType | null = prefix.type;
  if (annotation) {
    const annotated = returnType(annotation);
    if (isError(annotated)) return { error: `return type: ${annotated.error}` };
    type = annotated;
  }
  if (!type) return { error: "no return type: annotate the function (-> float)" };
  const returns: Returns = { type: type.type, description: prefix.rest };
  if (type.type === "str") {
    const { text, options } = takeOptions(prefix.rest);
    if (options ?? type.options) Object.assign(returns, { description: text, options: options ?? type.options });
  }
  if (type.type === "tuple") {
    const items = applyElements(type.items ?? [], doc.returns?.elements ?? []);
    if (isError(items)) return items;
    returns.items = items;
  } else if (doc.returns?.elements.length) {
    return { error: `Returns: "Element … is one of" lines need a tuple return type` };
  }
  return returns;
}

/** The candidate if the app would save it as an answer spec, else every reason why not. */
export function checkSpec(candidate: AnswerSpec): { spec: AnswerSpec } | { error: string } {
  const checked = ZAnswerSpec.safeParse(candidate);
  if (checked.success) return { spec: checked.data as AnswerSpec };
  const issues = checked.error.issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message));
  return { error: `the answer spec is not valid: ${issues.join("; ")}` };
}

/** The answer spec described by a function signature and its Google-style docstring. */
export function parseAnswerRequirements(text: string): { spec: AnswerSpec } | { error: string } {
  const parsed = parseSignature(text);
  if (isError(parsed)) return parsed;
  const { signature } = parsed;
  const doc: DocSections = signature.docstring === null ? { args: [], returns: null } : readDocstring(signature.docstring);
  const args: Argument[] = [];
  for (const param of signature.params) {
    const arg = readArgument(param, doc);
    if (isError(arg)) return arg;
    args.push(arg);
  }
  const returns = readReturns(signature.returns, doc);
  if (isError(returns)) return returns;
  return checkSpec({ functionName: signature.name, arguments: args, returns });
}
