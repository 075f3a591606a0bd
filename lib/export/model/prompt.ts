// The chat turns every RL and SFT format shares: the user prompt (statement, the answer requirements, the
// instruction to answer with one ```python block defining the function) and the assistant's reference
// answer (solution, final answer, reference code). Pure.
import { renderSkeleton } from "../../items/answer-spec";
import type { ItemFields } from "../../items/schemas";

export type ChatMessage = { role: "user" | "assistant"; content: string };

export function userPrompt(item: ItemFields): string {
  const fn = item.answerSpec.functionName;
  return [
    item.statement.trim(),
    "",
    "Answer requirements: write a Python function with exactly this signature (the docstring describes the arguments and the return value):",
    "",
    "```python",
    renderSkeleton(item.answerSpec).trimEnd(),
    "```",
    "",
    `Reason step by step, then end your response with exactly one \`\`\`python code block that defines \`${fn}\` with this signature. ` +
      "It may use numpy, scipy, sympy and mpmath; it must not read input or print.",
  ].join("\n");
}

export function assistantAnswer(item: ItemFields): string {
  return [
    item.solution.trim(),
    "",
    `Final answer: \\[ ${item.finalAnswer.trim()} \\]`,
    "",
    "```python",
    item.referenceCode.trimEnd(),
    "```",
  ].join("\n");
}
