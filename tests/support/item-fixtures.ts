// Items written for this project's tests: one complete, correct item (every blocking check passes), and
// the facts the sandbox gives for it, so pure check tests need no Python.
import type { ItemFields } from "../../lib/items/schemas";
import type { InspectResult, RunResult } from "../../lib/sandbox/types";

const TOL = { abs: 1e-6, rel: 1e-6 };

export const GOOD_ITEM: ItemFields = {
  statement:
    "A particle of mass $m$ moves in the potential $V(x) = \\frac12 m\\omega^2 x^2$. Determine the energy of the level $n$.\n\n" +
    "Conventions: $\\hbar = 1$; levels are counted from $n = 0$.",
  description: "Harmonic oscillator spectrum, as a function of level and frequency.",
  solution: "With ladder operators the Hamiltonian is $\\omega(a^\\dagger a + \\tfrac12)$, so $E_n = \\omega(n + \\tfrac12)$.",
  finalAnswer: "E_n = \\omega\\left(n + \\frac{1}{2}\\right)",
  referenceCode: "def energy(n: int, omega: float) -> float:\n    return omega * (n + 0.5)\n",
  answerSpec: {
    functionName: "energy",
    arguments: [
      { name: "n", type: "int", description: "Level index.", min: 0 },
      { name: "omega", type: "float", description: "Angular frequency." },
    ],
    returns: { type: "float", description: "The energy E_n." },
  },
  testCases: [
    { inputs: { n: 0, omega: 1 }, expected: 0.5, tolerance: TOL },
    { inputs: { n: 1, omega: 2 }, expected: 3, tolerance: TOL },
    { inputs: { n: 3, omega: 0.5 }, expected: 1.75, tolerance: TOL },
  ],
  topic: "Quantum mechanics",
  level: "GRADUATE",
  difficulty: "EASY",
  split: null,
  sourceLocation: "",
  license: "",
  declarations: {},
};

export const GOOD_RUN: RunResult = {
  ok: true,
  isolation: "bwrap",
  error: null,
  results: [{ output: 0.5, ms: 0.1 }, { output: 3, ms: 0.1 }, { output: 1.75, ms: 0.1 }],
};

export const GOOD_INSPECT: InspectResult = {
  ok: true,
  isolation: "bwrap",
  error: null,
  signature: {
    found: true, line: 1, async: false, params: [{ name: "n", annotation: "int" }, { name: "omega", annotation: "float" }],
    kwonly: [], vararg: null, kwarg: null, defaults: 0, returns: "float",
  },
};
