// The LaTeX final answer, evaluated at the test inputs, matches the reference outputs. Needs the
// equivalence checker (its own issue); until then the check reports "not evaluated".
import { skip, type Check } from "../types";

export const finalAnswerVsCode: Check = {
  id: "final-answer-vs-code",
  title: "Final answer agrees with the code",
  blocking: false,
  run: () => [skip("Not evaluated yet: the LaTeX equivalence checker arrives with its own issue.")],
};
