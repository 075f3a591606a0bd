import { describe, expect, it } from "vitest";
import { normaliseProblemText, seedContentHash } from "./content-hash";

describe("seedContentHash", () => {
  it("ignores whitespace, line endings, LaTeX comments and source-id case", () => {
    const a = seedContentHash("arXiv:2101.00001", "Compute $Z$.\r\n  % a comment\nNow.");
    const b = seedContentHash("ARXIV:2101.00001 ", "Compute $Z$.\n\nNow.   ");
    expect(a).toBe(b);
  });

  it("keeps escaped percent signs and distinguishes sources and texts", () => {
    expect(normaliseProblemText("50\\% of $x$ % note")).toBe("50\\% of $x$");
    expect(seedContentHash("a", "x")).not.toBe(seedContentHash("b", "x"));
    expect(seedContentHash("a", "x")).not.toBe(seedContentHash("a", "y"));
  });
});
