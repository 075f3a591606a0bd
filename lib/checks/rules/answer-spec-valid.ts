// The answer spec is a valid Python function description (identifiers, unique names, known types, options).
import { ZAnswerSpec } from "../../items/answer-spec";
import { fail, pass, type Check } from "../types";

export const answerSpecValid: Check = {
  id: "answer-spec-valid",
  title: "Answer spec valid",
  blocking: true,
  run: ({ fields }) => {
    const parsed = ZAnswerSpec.safeParse(fields.answerSpec);
    const findings = parsed.success ? [] : parsed.error.issues.map((i) => fail(i.message, { field: ["answerSpec", ...i.path].join(".") }));
    if (!fields.answerSpec.functionName) findings.push(fail("The function has no name.", { field: "answerSpec.functionName" }));
    return findings.length ? findings : [pass("The answer spec is a valid function description.")];
  },
};
