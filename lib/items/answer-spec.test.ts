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

  it("reads whatever is stored, falling back to an empty spec", () => {
    expect(toAnswerSpec({})).toEqual(emptyAnswerSpec());
    expect(toAnswerSpec(SPEC)).toEqual(SPEC);
  });
});
