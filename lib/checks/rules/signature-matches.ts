// The reference code defines the function with exactly the spec's signature (read with Python's ast).
import { returnAnnotation } from "../../items/answer-spec";
import { sameAnnotation } from "../annotation";
import { fail, notRun, pass, type Check, type Finding } from "../types";

export const signatureMatches: Check = {
  id: "signature-matches",
  title: "Signature matches the spec",
  blocking: true,
  run: ({ fields, inspect }) => {
    const spec = fields.answerSpec;
    if (!spec.functionName) return [notRun("the answer spec has no function name", { field: "answerSpec.functionName" })];
    if (!fields.referenceCode.trim()) return [notRun("there is no reference code", { field: "referenceCode" })];
    if (inspect?.unavailable) return [notRun(`the Python runtime is missing (${inspect.error ?? "no details"})`, { field: "referenceCode" })];
    if (!inspect || !inspect.signature) return [fail(inspect?.error ?? "The code could not be inspected.", { field: "referenceCode" })];
    const sig = inspect.signature;
    if (sig.error) return [fail(sig.error, { field: "referenceCode", line: sig.line ?? null })];
    if (!sig.found) {
      const others = sig.functions?.length ? ` It defines ${sig.functions.join(", ")}.` : "";
      return [fail(`The code does not define ${spec.functionName}() at top level.${others}`, { field: "referenceCode" })];
    }
    const at = { field: "referenceCode", line: sig.line ?? null };
    const findings: Finding[] = [];
    const expected = spec.arguments.map((a) => a.name);
    const actual = (sig.params ?? []).map((p) => p.name);
    if (expected.join(",") !== actual.join(",")) findings.push(fail(`def ${spec.functionName}(${actual.join(", ")}) should take (${expected.join(", ")}) in that order.`, at));
    if (sig.vararg || sig.kwarg || sig.kwonly?.length) findings.push(fail("The function must not take *args, **kwargs or keyword-only arguments.", at));
    if (sig.async) findings.push(fail("The function must not be async.", at));
    (sig.params ?? []).forEach((p, i) => {
      const want = spec.arguments[i]?.type;
      if (want && p.annotation && !sameAnnotation(p.annotation, want)) findings.push(fail(`${p.name} is annotated ${p.annotation}; the spec says ${want}.`, at));
    });
    const ret = returnAnnotation(spec.returns);
    if (sig.returns && !sameAnnotation(sig.returns, ret)) findings.push(fail(`The return annotation is ${sig.returns}; the spec says ${ret}.`, at));
    return findings.length ? findings : [pass(`def ${spec.functionName}(${expected.join(", ")}) matches the spec.`)];
  },
};
