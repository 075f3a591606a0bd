import { describe, expect, it } from "vitest";
import { ZAnswerSpec, emptyAnswerSpec, renderSkeleton, toAnswerSpec, type AnswerSpec } from "./answer-spec";

const SPEC: AnswerSpec = {
  functionName: "beta_function",
  arguments: [
    { name: "g", type: "float", description: "The coupling $g$.", min: 0, max: 10 },
    { name: "N", type: "int", description: "Number of colours.", min: 2 },
    { name: "scheme", type: "str", description: "Renormalisation scheme.", options: ["MSbar", "MOM"] },
  ],
  returns: { type: "tuple", description: "Beta function and its sign.", items: [{ type: "float" }, { type: "str", options: ["+", "-"] }] },
};

describe("renderSkeleton", () => {
  it("renders the signature and the Args/Returns docstring as exported", () => {
    expect(renderSkeleton(SPEC)).toBe(
      [
        "def beta_function(g: float, N: int, scheme: str) -> tuple[float, str]:",
        '    """',
        "    Args:",
        "        g (float): The coupling $g$. Domain: 0 <= g <= 10.",
        "        N (int): Number of colours. Domain: N >= 2.",
        '        scheme (str): Renormalisation scheme. One of: "MSbar", "MOM".',
        "",
        "    Returns:",
        "        tuple[float, str]: Beta function and its sign.",
        '            Element 1 (str) is one of: "+", "-".',
        '    """',
        "    ...",
        "",
      ].join("\n"),
    );
  });

  it("ends a description with a full stop before the domain, and shows bounds as typed", () => {
    const spec: AnswerSpec = {
      functionName: "f",
      arguments: [
        { name: "theta", type: "float", description: "Scattering angle in radians", min: 0, max: Math.PI, display: { max: "pi" } },
        { name: "k", type: "float", description: "Wave number" },
      ],
      returns: { type: "str", description: "The regime", options: ["low", "high"] },
    };
    const skeleton = renderSkeleton(spec);
    expect(skeleton).toContain("theta (float): Scattering angle in radians. Domain: 0 <= theta <= pi.");
    expect(skeleton).toContain("k (float): Wave number\n");
    expect(skeleton).toContain('str: The regime. One of: "low", "high".');
  });

  it("indents the body with four spaces", () => {
    expect(renderSkeleton(SPEC).split("\n").filter((l) => l.startsWith(" ")).every((l) => /^( {4})+\S/.test(l))).toBe(true);
  });

  it("uses a raw docstring when a description has a backslash, and omits Args for no arguments", () => {
    const s = renderSkeleton({ functionName: "mass", arguments: [], returns: { type: "float", description: "$m_\\pi$ in MeV" } });
    expect(s).toContain('def mass() -> float:\n    r"""');
    expect(s).not.toContain("Args:");
  });
});

describe("ZAnswerSpec", () => {
  it("accepts a full spec and an empty draft", () => {
    expect(ZAnswerSpec.safeParse(SPEC).success).toBe(true);
    expect(ZAnswerSpec.safeParse(emptyAnswerSpec()).success).toBe(true);
  });

  it("locates bad identifiers, duplicate names, unknown types, empty options and misplaced domains", () => {
    const bad = {
      functionName: "class",
      arguments: [
        { name: "x", type: "float", description: "" },
        { name: "x", type: "float", description: "" },
        { name: "y", type: "matrix", description: "" },
        { name: "s", type: "str", description: "", options: [] },
        { name: "b", type: "bool", description: "", min: 1 },
      ],
      returns: { type: "tuple", description: "" },
    };
    const result = ZAnswerSpec.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["arguments.1.name", "arguments.2.type", "arguments.3.options", "arguments.4.min", "functionName", "returns.items"]);
    expect(result.error!.issues.find((i) => i.path.join(".") === "functionName")!.message).toContain("Python keyword");
  });

  it("never drops a typed bound: an expression must give the stored number, or it is an error at its field", () => {
    const arg = { name: "theta", type: "float" as const, description: "" };
    const spec = (a: object) => ({ functionName: "f", arguments: [{ ...arg, ...a }], returns: { type: "float", description: "" } });
    expect(ZAnswerSpec.safeParse(spec({ max: Math.PI, display: { max: "pi" } })).success).toBe(true);
    const unreadable = ZAnswerSpec.safeParse(spec({ display: { max: "pi/" } }));
    expect(unreadable.error?.issues).toEqual([expect.objectContaining({ path: ["arguments", 0, "max"], message: "“pi/” is not a number: the expression ends too early." })]);
    const stale = ZAnswerSpec.safeParse(spec({ max: 3, display: { max: "pi" } }));
    expect(stale.error?.issues[0]).toMatchObject({ path: ["arguments", 0, "max"], message: expect.stringContaining("does not give the stored max") });
  });

  it("reads whatever is stored, falling back to an empty spec", () => {
    expect(toAnswerSpec({})).toEqual(emptyAnswerSpec());
    expect(toAnswerSpec(SPEC)).toEqual(SPEC);
  });
});
