import { describe, expect, it } from "vitest";
import { normaliseAnnotation, sameAnnotation } from "./annotation";

describe("annotations", () => {
  it("read every spelling of a tuple the same way", () => {
    for (const spelling of ["tuple[float, str]", "tuple[float,str]", "Tuple[float, str]", "typing.Tuple[float, str]", " tuple[ float , str ] ", "'tuple[float, str]'"]) {
      expect(normaliseAnnotation(spelling)).toBe("tuple[float, str]");
    }
  });

  it("tell different types apart", () => {
    expect(sameAnnotation("tuple[float, str]", "tuple[str, float]")).toBe(false);
    expect(sameAnnotation("tuple[float, str]", "tuple[float]")).toBe(false);
    expect(sameAnnotation("float", "int")).toBe(false);
    expect(sameAnnotation("np.float64", "float")).toBe(false);
  });

  it("keep what is not a plain type expression, without spaces", () => {
    expect(normaliseAnnotation("float | None")).toBe("float|None");
  });
});
