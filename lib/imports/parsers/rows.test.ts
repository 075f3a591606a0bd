import { describe, expect, it } from "vitest";
import { parseFieldMap, parseRows, rowColumns } from "./rows";

const JSONL = [
  JSON.stringify({ question: "Find the ground-state energy of a box of width $a$.", answer: "$\\pi^2\\hbar^2/2ma^2$", paper: "course-101", ref: "HW1.2" }),
  "{not json",
  "",
  JSON.stringify({ question: "", paper: "course-101" }),
  JSON.stringify({ question: "A row without a source." }),
  JSON.stringify(["an", "array"]),
].join("\n");

describe("parseRows", () => {
  it("maps columns, locates bad lines, and keeps the good rows", () => {
    const out = parseRows(JSONL, "rows.jsonl", { jsonl: true, map: parseFieldMap("problem=question,solution=answer,source=paper,location=ref") });
    expect(out.seeds).toEqual([{ sourceIdentifier: "course-101", problem: "Find the ground-state energy of a box of width $a$.", solution: "$\\pi^2\\hbar^2/2ma^2$", title: null, location: "HW1.2" }]);
    expect(out.errors.map((e) => [e.line, e.message])).toEqual([
      [2, expect.stringMatching(/^not valid JSON: /)],
      [4, 'no problem text (looked in "question"); map the problem column'],
      [5, "no source id: map a source column or give a source id for the whole file"],
      [6, "a row must be a JSON object"],
    ]);
    expect(out.sources).toEqual([{ identifier: "course-101", license: null, url: null }]);
  });

  it("uses common column names without a mapping, a file-wide source id, and JSON arrays by index", () => {
    const json = JSON.stringify([{ problem: "P1", solution: "S1", license: "CC-BY-4.0" }, { prompt: "P2" }, 3]);
    const out = parseRows(json, "rows.json", { jsonl: false, map: {}, sourceIdentifier: "book-7" });
    expect(out.seeds.map((s) => [s.problem, s.solution, s.location])).toEqual([["P1", "S1", "rows.json row 1"], ["P2", null, "rows.json row 2"]]);
    expect(out.errors).toEqual([{ file: "rows.json", line: null, document: 3, message: "a row must be a JSON object" }]);
    expect(out.sources[0]).toMatchObject({ identifier: "book-7", license: "CC-BY-4.0" });
    expect(parseRows("[1,", "bad.json", { jsonl: false, map: {} }).errors[0].message).toMatch(/not valid JSON/);
  });

  it("lists columns of the first rows and refuses an unknown field in --map", () => {
    expect(rowColumns(JSONL, true)).toEqual(["question", "answer", "paper", "ref"]);
    expect(() => parseFieldMap("problem=q,colour=c")).toThrow(/colour=c/);
  });
});
