// LaTeX rendered in worker threads is remembered in the app's thread: a list page asks again for the excerpts
// it showed before without a round trip to a worker; other options or sources are rendered afresh.
import { afterAll, describe, expect, it } from "vitest";
import { renderLatexOffThread } from "../../lib/latex/render-off-thread";
import { closeWorkerPools } from "../../lib/workers/run-task";

describe("renderLatexOffThread", () => {
  afterAll(() => closeWorkerPools());

  it("answers a repeated render from its cache, and only that render", async () => {
    const source = `Energy $E = \\frac{p^2}{2m}$ number ${Math.random()}`;
    const first = await renderLatexOffThread(source);
    expect(first.errors).toEqual([]);
    expect(first.html).toContain("katex-html");
    // The same object: a worker's answer would be a fresh copy.
    expect(await renderLatexOffThread(source)).toBe(first);
    const mathml = await renderLatexOffThread(source, { mathOutput: "mathml" });
    expect(mathml).not.toBe(first);
    expect(mathml.html).not.toContain("katex-html");
    expect(await renderLatexOffThread(source, { mathOutput: "mathml" })).toBe(mathml);
    const withMacro = await renderLatexOffThread(source, { macros: { "\\E": "E" } });
    expect(withMacro).not.toBe(first);
    expect(withMacro.html).toBe(first.html);
  });
});
