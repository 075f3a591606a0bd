// The pipeline-items parser: Answer Requirements ⇄ AnswerSpec (round trip with renderSkeleton and the
// looser spellings pipelines write), and whole files (object, array, JSON Lines) with located errors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZAnswerSpec, renderSkeleton, sentence, type AnswerSpec, type Argument, type ReturnElement, type ValueType } from "../../items/answer-spec";
import { ZTestCase } from "../../items/schemas";
import { DEFAULT_TOLERANCE, testCaseProblems } from "../../items/test-values";
import type { ParsedFile } from "../types";
import { parseAnswerRequirements, parsePipelineItems } from "./pipeline";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pipeline/${name}`, import.meta.url), "utf8");

function specOf(text: string): AnswerSpec {
  const r = parseAnswerRequirements(text);
  if ("error" in r) throw new Error(r.error);
  return r.spec;
}

function errorOf(text: string): string {
  const r = parseAnswerRequirements(text);
  if ("spec" in r) throw new Error(`expected an error, got ${JSON.stringify(r.spec)}`);
  return r.error;
}

/** Whatever the parser imports must be storable as is. */
function expectStorable(out: ParsedFile) {
  for (const item of out.items) {
    expect(ZAnswerSpec.safeParse(item.answerSpec).success).toBe(true);
    for (const tc of item.testCases) expect(ZTestCase.safeParse(tc).success).toBe(true);
    expect(testCaseProblems(item.testCases, item.answerSpec)).toEqual([]);
    expect(out.seeds[item.seedIndex]).toBeDefined();
  }
  for (const e of out.errors) expect(e.file).toBe(out.file);
}

const HAND_WRITTEN: AnswerSpec[] = [
  {
    functionName: "beta_function",
    arguments: [
      { name: "g", type: "float", description: "The coupling $g$.", min: 0, max: 10 },
      { name: "N", type: "int", description: "Number of colours.", min: 2 },
      { name: "scheme", type: "str", description: "Renormalisation scheme.", options: ["MSbar", "MOM"] },
    ],
    returns: { type: "tuple", description: "Beta function and its sign.", items: [{ type: "float" }, { type: "str", options: ["+", "-"] }] },
  },
  { functionName: "pion_mass", arguments: [], returns: { type: "float", description: "$m_\\pi$ in MeV, from $\\sqrt{B(m_u+m_d)}$." } },
  {
    functionName: "scattering_phase",
    arguments: [
      { name: "z", type: "complex", description: "" },
      { name: "bound", type: "bool", description: "Whether the state is bound: true or false." },
      { name: "units", type: "str", description: "", options: ['say "hi"', "a\\b", "x y"] },
    ],
    returns: { type: "str", description: "", options: ["attractive", "repulsive"] },
  },
  {
    functionName: "_tiny",
    arguments: [
      { name: "eps", type: "float", description: "Energy: in eV, see Eq. (2.3).", min: 1e-7, max: 2.5e21 },
      { name: "k", type: "int", description: "A mode number", max: -1 },
      { name: "x", type: "float", description: 'Text with """triple quotes""" in it.', min: -3.5 },
      { name: "n", type: "int", description: "Fixed.", min: 4, max: 4 },
    ],
    returns: { type: "bool", description: "Whether it converges." },
  },
  {
    functionName: "triple",
    arguments: [{ name: "t", type: "float", description: "Time $t$ (s)." }],
    returns: {
      type: "tuple",
      description: "",
      items: [{ type: "str", options: ["L", "R"] }, { type: "complex" }, { type: "str", options: ["up", "down", "zero"] }],
    },
  },
];

// A small seeded generator, so the property runs over many specs and failures are reproducible.
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, pick };
}

const WORDS = ["The", "energy", "$E_n$", "in", "eV.", "(see", "Eq. 3)", "\\alpha", "x:", "\"quoted\"", "'single'", "<=", "50%", "é", "—", "[0,", "1]", "a_b", "tab"];
const BOUNDS = [-3, 0, 0.5, 1e-7, 2, 10, 1e21, 123.456, -0.25];
const OPTIONS = ["+", "-", "MSbar", "a b", 'q"uote', "back\\slash", "é", "x", "y", "z"];

function randomSpec(seed: number): AnswerSpec {
  const { next, pick } = random(seed);
  const text = () => Array.from({ length: Math.floor(next() * 6) }, () => pick(WORDS)).join(" ");
  const options = () => [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(OPTIONS)))];
  const args: Argument[] = Array.from({ length: Math.floor(next() * 5) }, (_, i) => {
    const type = pick(["float", "int", "complex", "bool", "str"] as const satisfies readonly ValueType[]);
    const arg: Argument = { name: `arg_${i}`, type, description: text() };
    if ((type === "float" || type === "int") && next() < 0.6) {
      const [lo, hi] = [pick(BOUNDS), pick(BOUNDS)].sort((p, q) => p - q);
      // `|| 0`: Math.round(-0.25) is -0, which renders as "0"
      if (next() < 0.7) arg.min = type === "int" ? Math.round(lo) || 0 : lo;
      if (next() < 0.7) arg.max = type === "int" ? Math.round(hi) || 0 : hi;
      if (arg.min !== undefined && arg.max !== undefined && arg.min > arg.max) delete arg.max;
    }
    if (type === "str" && next() < 0.6) arg.options = options();
    return arg;
  });
  const kind = pick(["float", "str", "tuple", "complex"] as const);
  const element = (): ReturnElement => (next() < 0.5 ? { type: "str", options: options() } : { type: pick(["float", "int", "str", "bool"] as const) });
  const returns: AnswerSpec["returns"] =
    kind === "tuple"
      ? { type: "tuple", description: text(), items: Array.from({ length: 1 + Math.floor(next() * 3) }, element) }
      : kind === "str" && next() < 0.5
        ? { type: "str", description: text(), options: options() }
        : { type: kind, description: text() };
  return { functionName: `f_${seed}`, arguments: args, returns };
}

/** The docstring ends a description with a full stop before a Domain or One of sentence: that full stop reads back. */
function asRendered(spec: AnswerSpec): AnswerSpec {
  const args = spec.arguments.map((a) => (a.min !== undefined || a.max !== undefined || a.options ? { ...a, description: sentence(a.description) } : a));
  const returns = spec.returns.options ? { ...spec.returns, description: sentence(spec.returns.description) } : spec.returns;
  return { ...spec, arguments: args, returns };
}

describe("parseAnswerRequirements: round trip with renderSkeleton", () => {
  it.each(HAND_WRITTEN.map((spec) => [spec.functionName, spec] as const))("reads back %s exactly", (_name, spec) => {
    expect(ZAnswerSpec.safeParse(spec).success).toBe(true);
    expect(parseAnswerRequirements(renderSkeleton(spec))).toEqual({ spec: asRendered(spec) });
  });

  it("reads back 300 generated specs exactly", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const spec = randomSpec(seed);
      expect(ZAnswerSpec.safeParse(spec).success, `seed ${seed}`).toBe(true);
      expect(parseAnswerRequirements(renderSkeleton(spec)), `seed ${seed}:\n${renderSkeleton(spec)}`).toEqual({ spec: asRendered(spec) });
    }
  });
});

describe("parseAnswerRequirements: pipeline spellings", () => {
  it("reads a multi-line header with comments, defaults, markers, forward references and numpy types", () => {
    const spec = specOf(
      [
        "```python",
        "import numpy as np",
        "",
        "def rate(",
        "    T: np.float64,  # temperature",
        '    n: "numpy.int64" = 3,',
        "    /,",
        "    *,",
        '    mode: Literal["fast", "slow"] = "fast",',
        "    flag: typing.Annotated[bool, 'meta'] = (1, [2, 3]),",
        ") -> typing.Tuple[np.complex128, str]:",
        '    """Reaction rate.',
        "",
        "    Args:",
        "        T (np.float64): Temperature in K,",
        "            possibly large. Domain: T >= 0.",
        "        n (int): Order. Domain: 1 <= n <= 9.",
        "        mode: How to integrate.",
        "",
        "    Returns:",
        "        The rate and its regime.",
        '        Element 1 (str) is one of: "low", "high".',
        "",
        "    Raises:",
        "        ValueError: never.",
        '    """',
        "    return 0",
        "```",
      ].join("\n"),
    );
    expect(spec).toEqual({
      functionName: "rate",
      arguments: [
        { name: "T", type: "float", description: "Temperature in K, possibly large.", min: 0 },
        { name: "n", type: "int", description: "Order.", min: 1, max: 9 },
        { name: "mode", type: "str", description: "How to integrate.", options: ["fast", "slow"] },
        { name: "flag", type: "bool", description: "" },
      ],
      returns: { type: "tuple", description: "The rate and its regime.", items: [{ type: "complex" }, { type: "str", options: ["low", "high"] }] },
    });
  });

  it("reads domains written in several ways, and leaves ones it cannot use in the description", () => {
    const spec = specOf(
      [
        "def f(a: float, b: float, c: int, d: float, s: str, e: float) -> float:",
        '    """',
        "    Args:",
        "        a (float): First. Domain: a in [0, 1].",
        "        b (float): Second. Domain: 0 < b < 2.5e3. Extra words.",
        "        c (int): Third. Domain: c ≥ -2.",
        "        d (float): Fourth. Domain: x >= 1.",
        "        s (str): Fifth. Domain: s >= 1.",
        "        e (float): Sixth. Domain: 5 <= e <= 1.",
        '    """',
      ].join("\n"),
    );
    expect(spec.arguments).toEqual([
      { name: "a", type: "float", description: "First.", min: 0, max: 1 },
      { name: "b", type: "float", description: "Second. Extra words.", min: 0, max: 2500 },
      { name: "c", type: "int", description: "Third.", min: -2 },
      { name: "d", type: "float", description: "Fourth. Domain: x >= 1." },
      { name: "s", type: "str", description: "Fifth. Domain: s >= 1." },
      { name: "e", type: "float", description: "Sixth. Domain: 5 <= e <= 1." },
    ]);
  });

  it("takes the return type from the docstring when the function has no annotation, and Tuple[...] element options counted from 1", () => {
    expect(specOf('def g(x: float):\n    """\n    Returns:\n        float: The value.\n    """').returns).toEqual({ type: "float", description: "The value." });
    expect(specOf('def g(x: float):\n    """\n    Returns:\n        np.float64\n    """').returns).toEqual({ type: "float", description: "" });
    const spec = specOf(
      'def h(x: float) -> Tuple[str, float]:\n    """\n    Returns:\n        Tuple[str, float]: Sign and size.\n            Element 1 (str) is one of: "+", "-".\n    """',
    );
    expect(spec.returns).toEqual({ type: "tuple", description: "Sign and size.", items: [{ type: "str", options: ["+", "-"] }, { type: "float" }] });
  });

  it("keeps LaTeX backslashes of a plain docstring as written, undoing only \\\\ and quote escapes", () => {
    const spec = specOf('def k(x: float) -> float:\n    """\n    Args:\n        x (float): Angle $\\theta$, \\\\alpha.\n    Returns:\n        float: $\\cos\\theta$.\n    """');
    expect(spec.arguments[0].description).toBe("Angle $\\theta$, \\alpha.");
    expect(spec.returns.description).toBe("$\\cos\\theta$.");
  });

  it("reads a Returns type on a line of its own and descriptions that start on the next line", () => {
    const spec = specOf(
      ["def e(m: float) -> float:", '    """', "    Args:", "        m (float):", "            Mass in kg.", "    Returns:", "        float", "            Rest energy", "            in J.", '    """'].join("\n"),
    );
    expect(spec.arguments[0].description).toBe("Mass in kg.");
    expect(spec.returns).toEqual({ type: "float", description: "Rest energy in J." });
  });

  it("reports element lines that match no numbering of the tuple", () => {
    const text = 'def f(x: float) -> tuple[float, float]:\n    """\n    Returns:\n        tuple[float, float]: Two.\n            Element 1 (str) is one of: "a".\n    """';
    expect(errorOf(text)).toContain('the "Element … is one of" lines do not match the str elements of the tuple');
  });

  it("accepts a function without a docstring, with empty descriptions", () => {
    expect(specOf("def area(r: float) -> float:\n    return 3.14159 * r * r\n")).toEqual({
      functionName: "area",
      arguments: [{ name: "r", type: "float", description: "" }],
      returns: { type: "float", description: "" },
    });
  });

  it.each([
    ["def f(x: np.ndarray) -> float: ...", 'argument "x": "np.ndarray" is not a supported type'],
    ["def f(x: Optional[float]) -> float: ...", 'argument "x": "Optional[float]" allows more than one type'],
    ["def f(x: float | None) -> float: ...", 'argument "x": "float | None" is a union of types'],
    ["def f(x: float) -> tuple[float, ...]: ...", "a tuple of variable length is not supported"],
    ["def f(x: float) -> list[float]: ...", '"list[float]" is not a supported type'],
    ["def f(x: tuple[float, float]) -> float: ...", "a tuple is only possible as the return type"],
    ["def f(*xs: float) -> float: ...", "*args and **kwargs cannot be described"],
    ["def f(x) -> float: ...", 'argument "x" has no type'],
    ["def f(x: float): ...", "no return type"],
    ["Return the energy as a float.", "no Python function definition"],
    ["def f(x: float -> float: ...", "line 1: expected ',' or ')' in the parameter list"],
    ['def f(x: float) -> float:\n    """\n    Args:\n        x (float): Unclosed.\n', "the docstring must be closed"],
    ["def f(x: float, x: int) -> float: ...", 'is already argument 1'],
    ["def class(x: float) -> float: ...", '"class" is a Python keyword'],
    ['def f(x: float) -> float:\n    """\n    Returns:\n        float: Value.\n            Element 0 (str) is one of: "a".\n    """', "need a tuple return type"],
  ])("reports %j", (text, message) => {
    expect(errorOf(text)).toContain(message);
  });
});

describe("parsePipelineItems", () => {
  it("imports a single object with its seed, spec, test cases and metadata", () => {
    const out = parsePipelineItems(fixture("single.json"), "runs/single.json");
    expect(out.errors).toEqual([]);
    expect(out.sources).toEqual([{ identifier: "arXiv:2101.00001", kind: "ARXIV" }]);
    expect(out.seeds).toEqual([
      {
        sourceIdentifier: "arXiv:2101.00001",
        problem: "Compute the one-loop beta function of an SU(N) gauge theory without matter.",
        solution: "Sum the vacuum-polarisation diagrams; the result is proportional to -11N/3.",
        title: "Running couplings",
        location: "Problem 3",
      },
    ]);
    const [item] = out.items;
    expect(item).toMatchObject({ seedIndex: 0, topic: "Quantum field theory", level: "GRADUATE", difficulty: "MEDIUM", finalAnswer: "\\beta(g) = -\\frac{11 N g^3}{48 \\pi^2}" });
    expect(item.statement).toMatch(/^Consider pure \$SU\(N\)\$/);
    expect(item.referenceCode).toBe("import math\n\ndef beta_function(g, N):\n    return -11 * N * g**3 / (48 * math.pi**2)");
    expect(item.answerSpec.arguments).toEqual([
      { name: "g", type: "float", description: "The gauge coupling $g$ at the scale $\\mu$.", min: 0, max: 4 },
      { name: "N", type: "int", description: "Number of colours.", min: 2 },
    ]);
    expect(item.testCases).toEqual([
      { inputs: { g: 0.1, N: 3 }, expected: -0.00006965831375410724, tolerance: DEFAULT_TOLERANCE },
      { inputs: { g: 1, N: 2 }, expected: -0.04643887583607148, tolerance: DEFAULT_TOLERANCE },
      { inputs: { g: 2.5, N: 5 }, expected: -1.8140185873465422, tolerance: { abs: 1e-9, rel: 1e-7 } },
    ]);
    expectStorable(out);
  });

  it("imports an array: complex spellings, tuple and str options; drops a case that does not fit; skips an object without problem_details", () => {
    const out = parsePipelineItems(`\uFEFF${fixture("array.json")}`, "array.json");
    expect(out.items).toHaveLength(2);
    expect(out.seeds.map((s) => s.location)).toEqual(["Sheet 4, exercise 2", "array.json:24"]);
    expect(out.items.map((i) => i.seedIndex)).toEqual([0, 1]);
    const [tunnel, spin] = out.items;
    expect(tunnel.answerSpec.returns).toEqual({ type: "complex", description: "The transmission amplitude $t$." });
    expect(tunnel.testCases.map((c) => c.expected)).toEqual([
      { re: 0.5, im: -0.5 },
      { re: 0.8, im: -0.4 },
      { re: 0.8, im: -0.4 },
      { re: 0.058823529411764705, im: -0.23529411764705882 },
      { re: 1, im: 0 },
    ]);
    expect(tunnel).toMatchObject({ level: "ADVANCED_UNDERGRADUATE", difficulty: "EASY" });
    expect(spin.answerSpec.arguments[2]).toEqual({ name: "axis", type: "str", description: "The measurement axis.", options: ["z", "x"] });
    expect(spin.answerSpec.returns.items).toEqual([{ type: "float" }, { type: "str", options: ["+", "-"] }]);
    expect(spin.testCases.map((c) => c.inputs.axis)).toEqual(["z", "x", "x"]);
    expect(spin.testCases[2]).toEqual({ inputs: { theta: 2, phi: 3.141592653589793, axis: "x" }, expected: [0.045351286587159145, "-"], tolerance: DEFAULT_TOLERANCE });
    expect(out.errors).toEqual([
      { file: "array.json", line: 24, document: 2, message: 'test case 4 not imported: input "axis": Must be one of "z", "x"' },
      { file: "array.json", line: 45, document: 3, message: "problem_details is missing; the object is not imported" },
    ]);
    expectStorable(out);
  });

  it("imports JSON Lines around a malformed line, which is reported with its line number", () => {
    const out = parsePipelineItems(fixture("items.jsonl"), "items.jsonl", { defaultSourceIdentifier: "batch-7" });
    expect(out.items.map((i) => i.answerSpec.functionName)).toEqual(["hydrogen_energy", "doppler_frequency", "radiated_power"]);
    expect(out.seeds.map((s) => [s.sourceIdentifier, s.location])).toEqual([
      ["textbook:atoms-ch2", "items.jsonl:1"],
      ["batch-7", "items.jsonl:3"],
      ["textbook:em-ch11", "items.jsonl:5"],
    ]);
    expect(out.errors.map((e) => [e.line, e.document])).toEqual([[1, 1], [2, 2], [5, 4]]);
    expect(out.errors[0].message).toBe('test case 2 not imported: input "n": Expected an integer');
    expect(out.errors[1].message).toMatch(/^not valid JSON \(column \d+\): Unexpected end of JSON input$/);
    expect(out.errors[2].message).toContain('could not read "Answer Requirements" (argument "q": "Quantity" is not a supported type');
    expect(out.errors[2].message).toContain("inferred from the test block");
    const [hydrogen, doppler, larmor] = out.items;
    expect(hydrogen.testCases.map((c) => c.inputs.n)).toEqual([1, 3]);
    expect(doppler.answerSpec.arguments.map((a) => [a.name, a.type, a.min, a.max])).toEqual([
      ["f_source", "float", 0, undefined],
      ["beta", "float", -0.99, 0.99],
    ]);
    expect(doppler).toMatchObject({ level: null, difficulty: null, solution: "" });
    expect(larmor.answerSpec).toEqual({
      functionName: "radiated_power",
      arguments: [{ name: "q", type: "float", description: "" }, { name: "a", type: "float", description: "" }],
      returns: { type: "float", description: "" },
    });
    expect(larmor.testCases).toHaveLength(2);
    expectStorable(out);
  });

  it("skips an object without a source when no default source is given", () => {
    const out = parsePipelineItems(fixture("items.jsonl"), "items.jsonl");
    expect(out.items).toHaveLength(2);
    expect(out.errors.find((e) => e.line === 3)?.message).toBe(
      "no source: original_seed.source is missing and no default source id was given; the object is not imported",
    );
  });

  it("falls back to the test block when Answer Requirements is missing", () => {
    const out = parsePipelineItems(fixture("fallback.json"), "fallback.json", { defaultSourceIdentifier: "vdw" });
    expect(out.errors).toEqual([
      {
        file: "fallback.json",
        line: 1,
        document: 1,
        message:
          '"Answer Requirements" is missing, so the answer spec was inferred from the test block, with types from the test values and no descriptions: check it',
      },
    ]);
    const [item] = out.items;
    expect(item.answerSpec).toEqual({
      functionName: "critical_temperature",
      arguments: [{ name: "a", type: "float", description: "" }, { name: "b", type: "float", description: "" }],
      returns: { type: "float", description: "" },
    });
    expect(item.testCases[0].inputs).toEqual({ a: 0.1378, b: 3.183e-5 });
    expect(item).toMatchObject({ level: "GRADUATE", difficulty: "MEDIUM" });
    expect(out.seeds[0]).toMatchObject({ sourceIdentifier: "vdw", problem: "Derive the critical constants of a van der Waals gas." });
    expectStorable(out);
  });
});

/** A minimal valid object, with `details` merged into problem_details. */
function item(details: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) {
  return {
    problem_details: {
      "Problem Statement": "Give twice $x$.",
      "Answer Requirements": 'def twice(x: float) -> float:\n    """\n    Args:\n        x (float): The value.\n\n    Returns:\n        float: Twice x.\n    """\n',
      test: { function_name: "twice", arguments: ["x"], test_cases: [{ input: { x: 1 }, expected_output: 2 }] },
      ...details,
    },
    original_seed: { source: "src" },
    ...rest,
  };
}

describe("parsePipelineItems: malformed input", () => {
  it("reports a broken JSON document with its line and column, from V8's position or from the scanner", () => {
    const trailingComma = '{\n  "problem_details": {\n    "Problem Statement": "x",\n  }\n}\n';
    expect(parsePipelineItems(trailingComma, "a.json").errors).toEqual([
      { file: "a.json", line: 4, document: null, message: "not valid JSON (line 4, column 3): Expected double-quoted property name" },
    ]);
    // Node 20 gives no position for this one ("Unexpected token ']', ... is not valid JSON")
    const badArray = '[\n  {"a": 1},\n  {"b": tru}\n]';
    expect(parsePipelineItems(badArray, "b.json").errors).toEqual([
      { file: "b.json", line: 3, document: null, message: "not valid JSON (line 3, column 9): Unexpected token '}'" },
    ]);
    expect(parsePipelineItems("[\n", "c.json").errors[0]).toMatchObject({ line: 2, message: expect.stringContaining("not valid JSON") });
  });

  it("reports an empty file, a non-object document and an object without a Problem Statement", () => {
    expect(parsePipelineItems(" \n", "e.json").errors).toEqual([{ file: "e.json", line: null, document: null, message: "the file is empty" }]);
    expect(parsePipelineItems('"just text"', "s.json").errors).toEqual([
      { file: "s.json", line: 1, document: 1, message: "an item must be a JSON object; the object is not imported" },
    ]);
    const out = parsePipelineItems(JSON.stringify([item(), 7, item({ "Problem Statement": "  " })], null, 2), "m.json");
    expect(out.items).toHaveLength(1);
    expect(out.errors.map((e) => [e.document, e.line, e.message])).toEqual([
      [2, 25, "an item must be a JSON object; the object is not imported"],
      [3, 26, 'problem_details has no "Problem Statement"; the object is not imported'],
    ]);
  });

  it("strips a BOM and reads CRLF JSON Lines, with blank lines between", () => {
    const text = `\uFEFF${JSON.stringify(item())}\r\n\r\n${JSON.stringify(item({ "Problem Statement": "Give $2x$ again." }))}\r\n`;
    const out = parsePipelineItems(text, "crlf.jsonl");
    expect(out.errors).toEqual([]);
    expect(out.seeds.map((s) => s.location)).toEqual(["crlf.jsonl:1", "crlf.jsonl:3"]);
  });

  it("reports each dropped test case by number and keeps the others", () => {
    const cases = [
      { input: { x: 1 }, expected_output: 2 },
      { inputs: [3], output: 6 },
      { input: [1, 2], expected_output: 2 },
      { input: {}, expected_output: 2 },
      { input: { x: 1, y: 2 }, expected_output: 2 },
      { input: { x: "one" }, expected_output: "two" },
      { input: { x: 1 }, expected_output: 2, tolerance: { abs: -1 } },
      { input: { x: 5 } },
      "not a case",
      { expected_output: 2 },
      { input: { x: 1 }, expected_output: 2, tolerance: { atol: 0.5 } },
    ];
    const out = parsePipelineItems(JSON.stringify(item({ test: { function_name: "double", arguments: ["x"], test_cases: cases } })), "t.json");
    expect(out.items[0].testCases).toEqual([
      { inputs: { x: 1 }, expected: 2, tolerance: DEFAULT_TOLERANCE },
      { inputs: { x: 3 }, expected: 6, tolerance: DEFAULT_TOLERANCE },
      { inputs: { x: 5 }, expected: null, tolerance: DEFAULT_TOLERANCE },
      { inputs: { x: 1 }, expected: 2, tolerance: { abs: 0.5, rel: DEFAULT_TOLERANCE.rel } },
    ]);
    expect(out.errors.map((e) => e.message)).toEqual([
      'the test block\'s function_name "double" differs from "Answer Requirements"; "twice" is used',
      "test case 3 not imported: 2 input values for 1 arguments (x)",
      'test case 4 not imported: input "x" is missing',
      'test case 5 not imported: input "y": "y" is not an argument of the answer spec',
      'test case 6 not imported: input "x": Expected a finite number; expected output: Expected a finite number',
      "test case 7 not imported: the tolerance's abs and rel must be numbers ≥ 0",
      "test case 9 not imported: it is not an object",
      "test case 10 not imported: no input (looked for input, inputs, args, arguments)",
    ]);
    expectStorable(out);
  });

  it("checks a tuple's expected output element by element", () => {
    const spec = 'def f(x: float) -> tuple[complex, str]:\n    """\n    Returns:\n        tuple[complex, str]: Value and sign.\n            Element 1 (str) is one of: "+", "-".\n    """';
    const cases = [
      { input: { x: 1 }, expected_output: ["1-2j", "+"] },
      { input: { x: 1 }, expected_output: [[1, -2], "-"] },
      { input: { x: 1 }, expected_output: [{ re: 1, im: 0 }, "0"] },
      { input: { x: 1 }, expected_output: [1] },
    ];
    const out = parsePipelineItems(JSON.stringify(item({ "Answer Requirements": spec, test: { test_cases: cases } })), "tuple.json");
    expect(out.items[0].testCases.map((c) => c.expected)).toEqual([
      [{ re: 1, im: -2 }, "+"],
      [{ re: 1, im: -2 }, "-"],
    ]);
    expect(out.errors.map((e) => e.message)).toEqual([
      'test case 3 not imported: expected output[1]: Must be one of "+", "-"',
      "test case 4 not imported: expected output: Expected a tuple of 2 values",
    ]);
  });

  it("infers complex, bool, str and tuple types when falling back to the test block", () => {
    const cases = [
      { input: { z: "1+2j", on: true, label: "a", n: 2 }, expected_output: [1.5, "up"] },
      { input: { z: { real: 0, imag: 1 }, on: false, label: "b", n: 3 }, expected_output: [2, "down"] },
    ];
    const out = parsePipelineItems(JSON.stringify(item({ "Answer Requirements": "Return a float and a str.", test: { function_name: "mix", test_cases: cases } })), "mix.json");
    expect(out.items[0].answerSpec).toEqual({
      functionName: "mix",
      arguments: [
        { name: "z", type: "complex", description: "" },
        { name: "on", type: "bool", description: "" },
        { name: "label", type: "str", description: "" },
        { name: "n", type: "int", description: "" },
      ],
      returns: { type: "tuple", description: "", items: [{ type: "float" }, { type: "str" }] },
    });
    expect(out.items[0].testCases[1].inputs.z).toEqual({ re: 0, im: 1 });
    expect(out.errors[0].message).toMatch(/^could not read "Answer Requirements" \(no Python function definition .*\), so the answer spec was inferred/);
  });

  it("imports an item with an empty spec and no cases when no spec can be read or inferred", () => {
    const out = parsePipelineItems(
      JSON.stringify(item({ "Answer Requirements": "def f(v: np.ndarray) -> float: ...", test: { function_name: "f", test_cases: [{ input: { v: [1, 2] }, expected_output: 3 }] } })),
      "empty.json",
    );
    expect(out.items[0]).toMatchObject({ answerSpec: { functionName: "", arguments: [] }, testCases: [] });
    expect(out.errors.map((e) => e.message)).toEqual([
      'could not read "Answer Requirements" (argument "v": "np.ndarray" is not a supported type (use float, int, complex, bool or str)), and no answer spec could be inferred from the test block either (cannot tell the type of argument "v" from the test values): the item has an empty one',
      "its 1 test case(s) were not imported: there is no answer spec to check them against",
    ]);
  });

  it("reads loosely spelled keys and metadata, and uses the statement when the seed has no problem text", () => {
    const out = parsePipelineItems(
      JSON.stringify({
        problemDetails: { problem_statement: "Give twice $x$.", answer_requirements: item().problem_details["Answer Requirements"].split("\n") },
        problem_metadata: { topic: ["Mechanics", "Units"], level: "Advanced_Undergraduate", difficulty: "HARD " },
        original_seed: { source_id: "2403.01234v2" },
      }),
      "loose.json",
    );
    expect(out.errors).toEqual([]);
    expect(out.items[0]).toMatchObject({ topic: "Mechanics, Units", level: "ADVANCED_UNDERGRADUATE", difficulty: "HARD", testCases: [] });
    expect(out.seeds[0]).toMatchObject({ problem: "Give twice $x$.", sourceIdentifier: "2403.01234v2", location: "loose.json:1" });
    expect(out.sources).toEqual([{ identifier: "2403.01234v2", kind: "ARXIV" }]);
  });

  it("never throws, whatever prefix of a file it is given", () => {
    for (const name of ["array.json", "items.jsonl", "single.json"]) {
      const text = fixture(name);
      for (let end = 0; end <= text.length; end += 7) {
        const out = parsePipelineItems(text.slice(0, end), name, { defaultSourceIdentifier: "d" });
        expect(out.items.length + out.errors.length, `${name}[0:${end}]`).toBeGreaterThan(0);
        expectStorable(out);
      }
    }
  });
});
