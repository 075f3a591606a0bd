import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { ZMacroMap } from "../../latex/macros";
import { parseLatexSources } from "./latex";

const FIXTURES = fileURLToPath(new URL("./fixtures/latex/", import.meta.url));

const fixture = (path: string) => readFileSync(join(FIXTURES, path), "utf8");

/** A fixture folder as an upload: archive-relative path → text. */
function folder(dir: string): Map<string, string> {
  const root = join(FIXTURES, dir);
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return files;
}

/** 1-based line of the first line containing `needle`: expected locations follow the fixture text. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line with ${needle}`);
  return index + 1;
}

const parseOne = (name: string, text: string, sourceIdentifier = "test") => parseLatexSources({ files: new Map([[name, text]]), sourceIdentifier });

describe("parseLatexSources: a single problem set", () => {
  const text = fixture("single/pset.tex");
  const parsed = parseOne("pset.tex", text, "mech-ps4");
  const byTitle = (title: string) => parsed.seeds.find((s) => s.title === title);

  it("reads it without errors and names the file", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.file).toBe("pset.tex");
    expect(parsed.items).toEqual([]);
  });

  it("pairs problems with the solution that follows, keeping titles and the original source", () => {
    expect(parsed.seeds[0]).toEqual({
      sourceIdentifier: "mech-ps4",
      problem: "A block of mass $m$ slides down a frictionless incline of angle $\\theta$. Find its acceleration along the incline.",
      solution: "Along the incline only $mg\\sin\\theta$ acts, so $a = g\\sin\\theta$.",
      title: "Sliding block",
      location: `pset.tex:${lineOf(text, "[Sliding block]")}`,
    });
  });

  it("drops comments (a whole-line one with its line) but keeps \\%, and skips comments and spacing before a solution", () => {
    const spring = parsed.seeds[1];
    expect(spring.problem).toBe(
      "A spring of constant $k$ is compressed by $x_0$ and released.\nWhat is the maximum speed of the attached mass $m$? The loss is 5\\% per cycle.",
    );
    expect(spring.title).toBeNull();
    expect(spring.solution).toBe("Energy conservation gives\n\\[\n  \\tfrac12 k x_0^2 = \\tfrac12 m v^2,\n\\]\nso $v = x_0\\sqrt{k/m}$.");
    expect(spring.location).toBe(`pset.tex:${lineOf(text, "A spring of constant") - 1}`);
    expect(parsed.seeds.map((s) => `${s.problem} ${s.solution}`).join("\n")).not.toMatch(/stray note|keep it simple|only a comment/);
  });

  it("reads starred environments and solution*, collapsing space in titles", () => {
    const damped = byTitle("Damped oscillator");
    expect(damped?.problem).toBe("Write $m\\ddot x + b\\dot x + kx = 0$ in terms of $\\gamma = b/2m$.");
    expect(damped?.solution).toBe("$\\ddot x + 2\\gamma \\dot x + \\omega_0^2 x = 0$ with $\\omega_0^2 = k/m$.");
    expect(damped?.location).toBe(`pset.tex:${lineOf(text, "\\begin{exercise*}")}`);
  });

  it("takes a solution written inside the problem environment out of the problem text", () => {
    const satellite = parsed.seeds.find((s) => s.problem.includes("satellite"));
    expect(satellite?.problem).toBe("A satellite orbits a planet of mass $M$ at radius $r$. Give its period.");
    expect(satellite?.solution).toBe("$T = 2\\pi\\sqrt{r^3/GM}$.");
    expect(satellite?.location).toBe(`pset.tex:${lineOf(text, "\\begin{question}")}`);
  });

  it("keeps only the outer problem of nested ones, and a solution separated by text is nobody's", () => {
    const outer = byTitle("Outer");
    expect(outer?.problem).toBe(
      "Estimate the tension in a rope holding a $20\\,\\mathrm{kg}$ crate.\n\\begin{problem}\nThis inner problem belongs to the outer one.\n\\end{problem}",
    );
    expect(outer?.solution).toBeNull();
    expect(parsed.seeds.some((s) => s.problem.startsWith("This inner problem"))).toBe(false);
    expect(parsed.seeds.some((s) => s.solution?.includes("no problem right before it"))).toBe(false);
  });

  it("turns each top-level item of a list under a Problems heading into a problem", () => {
    const items = parsed.seeds.filter((s) => s.title?.startsWith("Problems "));
    expect(items.map((s) => s.title)).toEqual(["Problems 1", "Problems 2", "Problems 4"]);
    expect(items[0]).toMatchObject({ problem: "A ball is thrown straight up at speed $v_0$. How high does it rise?", solution: null });
    expect(items[0].location).toBe(`pset.tex:${lineOf(text, "A ball is thrown")}`);
    // the (b) label is not text; the nested list stays inside its item
    expect(items[1].problem).toBe(
      "Two charges $q$ and $-q$ sit a distance $d$ apart.\n  \\begin{enumerate}\n    \\item Find the field at the midpoint.\n    \\item Find the potential there.\n  \\end{enumerate}",
    );
    expect(items[1].location).toBe(`pset.tex:${lineOf(text, "\\item[(b)]")}`);
    expect(items[2].location).toBe(`pset.tex:${lineOf(text, "A pendulum of length")}`);
  });

  it("ignores lists under other headings and whatever follows \\end{document}", () => {
    expect(parsed.seeds.some((s) => s.problem.includes("Office hours"))).toBe(false);
    expect(parsed.seeds.some((s) => s.problem.includes("not a problem"))).toBe(false);
    expect(parsed.seeds).toHaveLength(8);
  });

  it("counts empty problems (a comment-only example, a comment-only item) as skipped", () => {
    expect(parsed.skipped).toBe(2);
  });

  it("describes the source with the document's title and authors", () => {
    expect(parsed.sources).toEqual([
      { identifier: "mech-ps4", macros: {}, title: "Classical Mechanics, Problem Set 4", authors: ["Ada Q. Student", "Prof. B. Schrödinger"] },
    ]);
  });
});

describe("parseLatexSources: other problem layouts", () => {
  it("reads key=value options as no title and matches environment names in any case", () => {
    const parsed = parseOne("x.tex", "\\begin{Exercise}[points=3]\nA rocket burns fuel.\n\\end{Exercise}\n\\begin{prob}[Rocket II]\nNow in gravity.\n\\end{prob}\n");
    expect(parsed.seeds.map((s) => [s.title, s.problem, s.location])).toEqual([
      [null, "A rocket burns fuel.", "x.tex:1"],
      ["Rocket II", "Now in gravity.", "x.tex:4"],
    ]);
  });

  it("splits the exam class's questions environment at \\question, with solutions inside", () => {
    const text = [
      "\\documentclass{exam}",
      "\\begin{document}",
      "\\begin{questions}",
      "\\question[10] A photon of wavelength $\\lambda$ hits a metal of work function $\\phi$.",
      "\\begin{solution}",
      "$E_k = hc/\\lambda - \\phi$.",
      "\\end{solution}",
      "\\question Estimate the de Broglie wavelength of a walking person.",
      "\\end{questions}",
      "\\end{document}",
    ].join("\n");
    expect(parseOne("exam.tex", text).seeds).toEqual([
      {
        sourceIdentifier: "test",
        problem: "A photon of wavelength $\\lambda$ hits a metal of work function $\\phi$.",
        solution: "$E_k = hc/\\lambda - \\phi$.",
        title: "Question 1",
        location: "exam.tex:4",
      },
      { sourceIdentifier: "test", problem: "Estimate the de Broglie wavelength of a walking person.", solution: null, title: "Question 2", location: "exam.tex:8" },
    ]);
  });
});

describe("parseLatexSources: an archive", () => {
  const files = folder("archive");
  const parsed = parseLatexSources({ files, sourceIdentifier: "workbook" });
  const main = files.get("main.tex")!;

  it("starts from the file with \\documentclass and follows \\input and \\include through folders", () => {
    expect(parsed.file).toBe("main.tex");
    expect(parsed.seeds.map((s) => s.location)).toEqual([
      `chapters/ch1.tex:${lineOf(files.get("chapters/ch1.tex")!, "[Two charges]")}`,
      `chapters/ch1/part.tex:${lineOf(files.get("chapters/ch1/part.tex")!, "\\begin{exercise}")}`,
      `chapters/ch2.tex:${lineOf(files.get("chapters/ch2.tex")!, "A wire carries")}`,
      `chapters/ch2.tex:${lineOf(files.get("chapters/ch2.tex")!, "A loop of radius")}`,
    ]);
    expect(parsed.seeds[0]).toMatchObject({ title: "Two charges", solution: "On the line between them, at $x = d/(1+\\sqrt2)$ from $q$." });
    expect(parsed.seeds.every((s) => s.sourceIdentifier === "workbook")).toBe(true);
    expect(parsed.seeds.some((s) => s.problem.includes("Not imported"))).toBe(false); // notes.tex is never \input
  });

  it("titles list items after the nearest heading, even one in another file", () => {
    expect(parsed.seeds.slice(2).map((s) => s.title)).toEqual(["Problems in magnetostatics 1", "Problems in magnetostatics 2"]);
  });

  it("reports a missing \\input at its file and line, and a cycle where it closes, without crashing", () => {
    expect(parsed.errors).toEqual([
      { file: "main.tex", line: lineOf(main, "chapters/missing"), message: "\\input{chapters/missing}: no such file in the upload" },
      { file: "loop/b.tex", line: 2, message: "\\input{loop/a} is circular (loop/a.tex → loop/b.tex → loop/a.tex); not read again" },
    ]);
  });

  it("collects macros from \\usepackage'd .sty files and \\input'ed preambles, later redefinitions winning", () => {
    expect(parsed.sources).toEqual([
      {
        identifier: "workbook",
        title: "Electrodynamics Workbook",
        authors: ["C. Maxwell"],
        macros: {
          "\\ket": "\\left|#1\\right\\rangle",
          "\\bra": "\\langle #1|",
          "\\phys@unit": "\\,\\mathrm{#1}",
          "\\unit": "\\phys@unit{#1}",
          "\\E": "\\mathbf{E}",
          "\\divg": "\\operatorname{div}",
          "\\eps": "\\varepsilon_0",
        },
      },
    ]);
  });

  it("stops at the depth limit with an error at the \\input that goes too deep", () => {
    const shallow = parseLatexSources({ files, sourceIdentifier: "workbook", maxInputDepth: 1 });
    expect(shallow.errors).toContainEqual({
      file: "chapters/ch1.tex",
      line: lineOf(files.get("chapters/ch1.tex")!, "\\input{ch1/part}"),
      message: "\\input{ch1/part}: \\input nested more than 1 level deep; not read",
    });
    expect(shallow.seeds.map((s) => s.location)).toEqual([`chapters/ch1.tex:3`, "chapters/ch2.tex:3", "chapters/ch2.tex:4"]);
  });

  it("finds inputs relative to the main file's folder, the archive root, with or without .tex, braces or not", () => {
    const upload = new Map([
      ["paper/main.tex", "\\documentclass{article}\n\\begin{document}\n\\input{sec/a}\n\\input shared/b.tex\n\\end{document}\n"],
      ["paper/sec/a.tex", "\\begin{problem}\nFrom the main folder.\n\\end{problem}\n"],
      ["shared/b.tex", "\n\\begin{problem}\nFrom the root.\n\\end{problem}\n"],
    ]);
    const result = parseLatexSources({ files: upload, sourceIdentifier: "paper" });
    expect(result.errors).toEqual([]);
    expect(result.file).toBe("paper/main.tex");
    expect(result.seeds.map((s) => [s.problem, s.location])).toEqual([
      ["From the main folder.", "paper/sec/a.tex:1"],
      ["From the root.", "shared/b.tex:2"],
    ]);
  });
});

describe("parseLatexSources: macros", () => {
  const text = fixture("macros.tex");
  const parsed = parseOne("macros.tex", text);
  const macros = parsed.sources[0].macros!;

  it("turns \\newcommand, \\renewcommand, \\providecommand, \\def, \\let, \\DeclareMathOperator and xparse m-commands into KaTeX macros", () => {
    expect(macros).toEqual({
      "\\ket": "\\left|#1\\right\\rangle",
      "\\R": "\\mathbb{R}",
      "\\braket": "\\left\\langle #1 \\middle| #2 \\right\\rangle",
      "\\vecx": "\\mathbf{#1}_{#2}",
      "\\vec": "\\boldsymbol{#1}",
      "\\eps": "\\varepsilon",
      "\\bra": "\\left\\langle #1\\right|",
      "\\E": "\\mathrm{e}",
      "\\Tr": "\\operatorname{Tr}",
      "\\argmin": "\\operatorname*{arg\\,min}",
      "\\lap": "\\nabla^2",
      "\\phi": "\\varphi",
      "\\oldhat": "\\hat",
      "\\abs": "\\left|#1\\right|",
    });
  });

  it("leaves out what a KaTeX string macro cannot say", () => {
    expect(macros).not.toHaveProperty("\\upto"); // delimited parameter
    expect(macros).not.toHaveProperty("\\nested"); // ## inside
    expect(macros).not.toHaveProperty("\\norm"); // optional xparse argument
    expect(macros).not.toHaveProperty("\\hat"); // would loop through \oldhat
    expect(macros).not.toHaveProperty("\\arrowvec"); // a copy of \vec before its redefinition
  });

  it("stores only macros that pass the macro-map schema and that KaTeX renders", () => {
    expect(ZMacroMap.safeParse(macros).success).toBe(true);
    const formula = "\\ket{\\psi}\\braket{a}{b}\\vecx{y}{1}\\vec{v}\\eps\\bra{0}\\E\\Tr\\rho\\argmin_x\\lap\\phi\\oldhat{x}\\abs{x}\\R";
    expect(() => katex.renderToString(formula, { macros: { ...macros }, throwOnError: true })).not.toThrow();
  });

  it("does not mistake definition bodies (\\newenvironment's lone \\begin) for broken structure", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.seeds).toHaveLength(1);
    expect(parsed.seeds[0].solution).toBe("Normalisation is the statement itself; $\\rho = \\ket{\\psi}\\bra{\\psi}$.");
    expect(parsed.seeds[0].location).toBe(`macros.tex:${lineOf(text, "\\begin{problem}")}`);
  });
});

describe("parseLatexSources: normalisation", () => {
  it("reads CRLF line ends and a BOM like plain LF text", () => {
    const text = fixture("single/pset.tex");
    const lf = parseOne("pset.tex", text);
    const crlf = parseOne("pset.tex", `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    expect(crlf).toEqual(lf);
    expect(JSON.stringify(crlf)).not.toContain("\\r");
  });

  it("accepts archive paths with ./ and backslashes", () => {
    const result = parseLatexSources({
      files: new Map([
        ["./main.tex", "\\documentclass{article}\\begin{document}\\input{sub/x}\\end{document}"],
        ["sub\\x.tex", "\\begin{ex}Falling bodies.\\end{ex}"],
      ]),
      sourceIdentifier: "s",
    });
    expect(result.errors).toEqual([]);
    expect(result.seeds.map((s) => s.location)).toEqual(["sub/x.tex:1"]);
  });
});

describe("parseLatexSources: errors", () => {
  it("reports an unbalanced brace and an unclosed environment at their lines and keeps the good problems", () => {
    const text = fixture("broken.tex");
    const parsed = parseOne("broken.tex", text);
    expect(parsed.errors).toEqual([
      { file: "broken.tex", line: lineOf(text, "unbalanced brace"), message: 'unbalanced braces: this "{" is never closed' },
      { file: "broken.tex", line: lineOf(text, "\\begin{exercise}"), message: "\\begin{exercise} is never closed (no matching \\end{exercise})" },
    ]);
    expect(parsed.seeds.map((s) => s.problem)).toEqual([
      "A capacitor of capacitance $C$ holds charge $Q$. Find the stored energy.",
      "After the unclosed one: a straight wire carries current $I$.",
    ]);
    expect(parsed.skipped).toBe(0);
  });

  it("reports a stray \\end, a brace that closes nothing and unclosed display math", () => {
    const parsed = parseOne("stray.tex", "Intro.\n\\end{problem}\nA } here.\n\\[ x^2\n");
    expect(parsed.errors).toEqual([
      { file: "stray.tex", line: 2, message: "\\end{problem} has no matching \\begin{problem}" },
      { file: "stray.tex", line: 3, message: 'unbalanced braces: this "}" closes nothing' },
      { file: "stray.tex", line: 4, message: "\\[ opens display math that is never closed" },
    ]);
  });

  it("does not take words that happen to be object keys for anything", () => {
    const parsed = parseOne("w.tex", "\\begin{problem}\nThe constructor toString valueOf __proto__ of a \\constructor.\n\\end{problem}\n");
    expect(parsed.errors).toEqual([]);
    expect(parsed.seeds[0].problem).toBe("The constructor toString valueOf __proto__ of a \\constructor.");
  });

  it("never throws on garbage", () => {
    for (const junk of ["}}}{{{", "\\begin{", "\\begin{problem}[", "\\def\\", "\\newcommand{", "$$$", "\\input{", "\\item\\item", "%"]) {
      expect(() => parseOne("junk.tex", junk)).not.toThrow();
    }
  });

  it("reports an upload without a .tex file", () => {
    const parsed = parseLatexSources({ files: new Map([["macros.sty", "\\newcommand{\\R}{\\mathbb{R}}"]]), sourceIdentifier: "s" });
    expect(parsed).toMatchObject({ file: "", seeds: [], sources: [], errors: [{ file: "", line: null, message: "no .tex file in the upload" }] });
  });
});

describe("parseLatexSources: choosing the main file", () => {
  const doc = (body: string) => `\\documentclass{article}\n\\begin{document}\n\\begin{problem}\n${body}\n\\end{problem}\n\\end{document}\n`;
  const mainOf = (entries: [string, string][]) => parseLatexSources({ files: new Map(entries), sourceIdentifier: "s" }).file;

  it("prefers a file with a document body, then a conventional name, then the first path", () => {
    expect(mainOf([["a.tex", "\\documentclass{article}\n\\usepackage{x}\n"], ["z.tex", doc("Z")]])).toBe("z.tex");
    expect(mainOf([["appendix.tex", doc("A")], ["main.tex", doc("M")]])).toBe("main.tex");
    expect(mainOf([["b.tex", doc("B")], ["a.tex", doc("A")]])).toBe("a.tex");
    expect(mainOf([["fragment.tex", "Preamble-free."], ["notes.txt", "x"]])).toBe("fragment.tex");
  });

  it("ignores a commented-out \\documentclass", () => {
    expect(mainOf([["a.tex", "% \\documentclass{article}\n"], ["b.tex", doc("B")]])).toBe("b.tex");
  });

  it("reads a lone fragment without a preamble, and refuses to guess among several", () => {
    const fragment = parseOne("ex1.tex", "\n\n\\begin{prob}\nA cart rolls down a hill.\n\\end{prob}\n");
    expect(fragment.seeds).toMatchObject([{ problem: "A cart rolls down a hill.", location: "ex1.tex:3" }]);
    const several = parseLatexSources({ files: new Map([["a.tex", "x"], ["b.tex", "y"]]), sourceIdentifier: "s" });
    expect(several.errors).toEqual([{ file: "", line: null, message: "cannot tell the main file: none of the 2 .tex files has \\documentclass" }]);
  });
});
