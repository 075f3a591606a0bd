// Every field an item needs before review is filled in.
import { fail, pass, type Check } from "../types";

const REQUIRED_TEXT = [
  ["statement", "Statement"], ["description", "Description"], ["solution", "Solution"],
  ["finalAnswer", "Final answer"], ["referenceCode", "Reference code"], ["topic", "Topic"],
] as const;

export const completeFields: Check = {
  id: "complete-fields",
  title: "Complete fields",
  blocking: true,
  run: ({ fields }) => {
    const findings = REQUIRED_TEXT.filter(([key]) => !fields[key].trim()).map(([key, label]) => fail(`${label} is empty.`, { field: key }));
    if (!fields.level) findings.push(fail("Level is not set.", { field: "level" }));
    if (!fields.difficulty) findings.push(fail("Difficulty is not set.", { field: "difficulty" }));
    if (!fields.answerSpec.functionName) findings.push(fail("The answer spec has no function name.", { field: "answerSpec.functionName" }));
    fields.answerSpec.arguments.forEach((a, i) => {
      if (!a.name) findings.push(fail(`Argument ${i + 1} has no name.`, { field: `answerSpec.arguments.${i}.name` }));
      if (!a.description.trim()) findings.push(fail(`Argument ${a.name || i + 1} has no description.`, { field: `answerSpec.arguments.${i}.description` }));
    });
    if (!fields.answerSpec.returns.description.trim()) findings.push(fail("The return value has no description.", { field: "answerSpec.returns.description" }));
    fields.testCases.forEach((tc, r) => {
      const missing = fields.answerSpec.arguments.filter((a) => a.name && !(a.name in tc.inputs)).map((a) => a.name);
      if (missing.length) findings.push(fail(`Test case ${r + 1} has no value for ${missing.join(", ")}.`, { field: `testCases.${r}.inputs` }));
      if (tc.expected === null) findings.push(fail(`Test case ${r + 1} has no expected output (use “Compute expected”).`, { field: `testCases.${r}.expected` }));
    });
    return findings.length ? findings : [pass("Every field is filled in.")];
  },
};
