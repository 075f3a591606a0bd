import { describe, expect, it } from "vitest";
import { itemTitle } from "./item-title";

describe("itemTitle", () => {
  it("prefers the seed's title", () => {
    expect(itemTitle("Compton scattering", "A photon scatters. Find the shift.")).toBe("Compton scattering");
  });

  it("otherwise takes the statement's first sentence, not stopping inside math", () => {
    expect(itemTitle(null, "A photon of energy $E = 1.5$ MeV scatters.  Find the shift.")).toBe("A photon of energy $E = 1.5$ MeV scatters.");
    expect(itemTitle("  ", "Determine $Z$?\nConventions: none.")).toBe("Determine $Z$?");
  });

  it("cuts a long first sentence and names an empty item", () => {
    expect(itemTitle(null, "word ".repeat(60))).toMatch(/…$/);
    expect(itemTitle(null, "   ")).toBe("Untitled item");
  });
});
