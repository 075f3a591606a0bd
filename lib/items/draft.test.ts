import { describe, expect, it } from "vitest";
import type { AnswerSpec } from "./answer-spec";
import { addArgument, casesFromRows, checkDraft, draftFromFields, fieldsFromDraft, mergeExpected, moveArgument, patchBetween, removeArgument, setReturns } from "./draft";
import type { ItemFields } from "./schemas";

const SPEC: AnswerSpec = {
  functionName: "f",
  arguments: [{ name: "x", type: "float", description: "" }, { name: "z", type: "complex", description: "" }],
  returns: { type: "tuple", description: "", items: [{ type: "int" }, { type: "bool" }] },
};
const FIELDS: ItemFields = {
  statement: "s", description: "", solution: "", finalAnswer: "", referenceCode: "", answerSpec: SPEC,
  testCases: [{ inputs: { x: 0.5, z: { re: 1, im: -2 } }, expected: [3, true], tolerance: { abs: 1e-6, rel: 0 } }],
  topic: "", level: null, difficulty: null, split: null, sourceLocation: "", license: "", declarations: {},
};

describe("draft", () => {
  it("round-trips stored fields through the typed table", () => {
    const draft = draftFromFields(FIELDS);
    expect(draft.testRows).toEqual([{ inputs: ["0.5", "1-2j"], expected: ["3", "true"], abs: "0.000001", rel: "0" }]);
    expect(fieldsFromDraft(draft)).toEqual({ fields: FIELDS, issues: [] });
  });

  it("keeps an expression typed in a cell for display beside the stored number", () => {
    const spec: AnswerSpec = { functionName: "f", arguments: [{ name: "x", type: "float", description: "" }], returns: { type: "float", description: "" } };
    const { cases, issues } = casesFromRows([{ inputs: ["pi/2"], expected: ["1"], abs: "1e-6", rel: "1e-6" }], spec);
    expect(issues).toEqual([]);
    expect(cases[0]).toMatchObject({ inputs: { x: Math.PI / 2 }, expected: 1, display: { inputs: { x: "pi/2" } } });
    const fields: ItemFields = { ...FIELDS, answerSpec: spec, testCases: cases };
    expect(draftFromFields(fields).testRows[0].inputs).toEqual(["pi/2"]);
    // Plain numbers keep no display text.
    expect(casesFromRows([{ inputs: ["1.5"], expected: ["1"], abs: "", rel: "" }], spec).cases[0]).not.toHaveProperty("display");
  });

  it("locates every bad cell and treats empty cells as not yet filled", () => {
    const rows = [{ inputs: ["abc", ""], expected: ["1", ""], abs: "-1", rel: "" }];
    const { cases, issues } = casesFromRows(rows, SPEC);
    expect(issues.map((i) => i.path.join("."))).toEqual(["testCases.0.inputs.x", "testCases.0.expected.1", "testCases.0.tolerance.abs"]);
    expect(cases[0].inputs).toEqual({});
    expect(cases[0].tolerance.rel).toBe(1e-6);
  });

  it("keeps test-table columns aligned with the arguments as they are added, moved and removed", () => {
    let draft = addArgument(draftFromFields(FIELDS));
    expect(draft.testRows[0].inputs).toEqual(["0.5", "1-2j", ""]);
    draft = moveArgument(draft, 0, 1);
    expect(draft.answerSpec.arguments.map((a) => a.name)).toEqual(["z", "x", ""]);
    expect(draft.testRows[0].inputs).toEqual(["1-2j", "0.5", ""]);
    draft = removeArgument(draft, 0);
    expect(draft.testRows[0].inputs).toEqual(["0.5", ""]);
    draft = setReturns(draft, { type: "float", description: "" });
    expect(draft.testRows[0].expected).toEqual(["3"]);
  });

  it("sends only what changed, whatever the key order of stored JSON", () => {
    const reordered = { ...FIELDS, answerSpec: { returns: SPEC.returns, arguments: SPEC.arguments, functionName: "f" } };
    expect(patchBetween(FIELDS, reordered)).toEqual({});
    expect(patchBetween(FIELDS, { ...FIELDS, statement: "t" })).toEqual({ statement: "t" });
  });

  it("checks the limits in the browser with the server's schema, at the field", () => {
    const limits = { maxTextChars: 100, maxTestCases: 200 };
    const { issues } = checkDraft({ ...draftFromFields(FIELDS), statement: "x".repeat(101) }, limits);
    expect(issues).toEqual([{ path: ["statement"], message: expect.stringContaining("at most 100") }]);
    expect(checkDraft(draftFromFields(FIELDS), limits).issues).toEqual([]);
  });

  it("merges computed expected outputs into the draft as it is now: only expected cells of unchanged rows", () => {
    const spec: AnswerSpec = { functionName: "f", arguments: [{ name: "x", type: "float", description: "" }], returns: { type: "float", description: "" } };
    const sent = { ...draftFromFields({ ...FIELDS, answerSpec: spec, testCases: [] }), testRows: ["1", "2", "3"].map((x) => ({ inputs: [x], expected: [""], abs: "1e-6", rel: "1e-6" })) };
    // Typed while the code ran: the description, and row 2's input.
    const current = { ...sent, description: "typed meanwhile", testRows: sent.testRows.map((r, i) => (i === 1 ? { ...r, inputs: ["2.5"] } : r)) };
    const merged = mergeExpected(current, sent, [{ value: 10 }, { value: 20 }, { error: "ZeroDivisionError" }]);
    expect(merged.draft.description).toBe("typed meanwhile");
    expect(merged.draft.testRows.map((r) => [r.inputs[0], r.expected[0]])).toEqual([["1", "10"], ["2.5", ""], ["3", ""]]);
    expect([merged.filled, merged.changed, merged.failures]).toEqual([1, [2], ["case 3: ZeroDivisionError"]]);
  });
});
