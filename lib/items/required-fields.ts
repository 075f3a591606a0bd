// What an item must have before review: one list, used by the "complete fields" check and by the editor,
// which marks these fields from the start and counts what is missing beside Submit. Pure.
import type { ItemFields } from "./schemas";

/** A missing piece: the field path it concerns (as check results locate them) and what to say. */
export type MissingField = { field: string; message: string };

/** The editor sections that hold required fields. */
export const REQUIRED_SECTIONS = ["statement", "description", "answerSpec", "solution", "finalAnswer", "referenceCode", "testCases", "topic", "level", "difficulty"] as const;

const REQUIRED_TEXT = [
  ["statement", "Statement"], ["description", "Description"], ["solution", "Solution"],
  ["finalAnswer", "Final answer"], ["referenceCode", "Reference code"], ["topic", "Topic"],
] as const;

export function missingFields(fields: ItemFields): MissingField[] {
  const missing: MissingField[] = REQUIRED_TEXT.filter(([key]) => !fields[key].trim()).map(([key, label]) => ({ field: key, message: `${label} is empty.` }));
  if (!fields.level) missing.push({ field: "level", message: "Level is not set." });
  if (!fields.difficulty) missing.push({ field: "difficulty", message: "Difficulty is not set." });
  const spec = fields.answerSpec;
  if (!spec.functionName) missing.push({ field: "answerSpec.functionName", message: "The answer spec has no function name." });
  spec.arguments.forEach((a, i) => {
    if (!a.name) missing.push({ field: `answerSpec.arguments.${i}.name`, message: `Argument ${i + 1} has no name.` });
    if (!a.description.trim()) missing.push({ field: `answerSpec.arguments.${i}.description`, message: `Argument ${a.name || i + 1} has no description.` });
  });
  if (!spec.returns.description.trim()) missing.push({ field: "answerSpec.returns.description", message: "The return value has no description." });
  fields.testCases.forEach((tc, r) => {
    const absent = spec.arguments.filter((a) => a.name && !(a.name in tc.inputs)).map((a) => a.name);
    if (absent.length) missing.push({ field: `testCases.${r}.inputs`, message: `Test case ${r + 1} has no value for ${absent.join(", ")}.` });
    if (tc.expected === null) missing.push({ field: `testCases.${r}.expected`, message: `Test case ${r + 1} has no expected output (use “Compute expected”).` });
  });
  return missing;
}

/** The editor section a field path belongs to ("answerSpec.arguments.0.name" → "answerSpec"). */
export function sectionOfField(field: string): string {
  return field.split(".")[0];
}
