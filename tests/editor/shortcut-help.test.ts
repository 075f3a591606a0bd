// The shortcut help says what each key does today, not what it will do once a feature lands.
import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../../components/editor/shortcut-help-client";

describe("shortcut help", () => {
  it("says Ctrl/⌘ + Enter saves and runs the automatic checks, with no placeholder wording", () => {
    const run = SHORTCUTS.find((s) => s.keys === "Ctrl/⌘ + Enter");
    expect(run?.action).toMatch(/^Save any changes, then run the automatic checks/);
    expect(SHORTCUTS.map((s) => s.action).join("\n")).not.toMatch(/arrives with|coming soon|not yet/i);
  });
});
