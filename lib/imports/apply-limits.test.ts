import { describe, expect, it } from "vitest";
import { emptyAnswerSpec } from "../items/answer-spec";
import { applyItemLimits } from "./apply-limits";
import type { ParsedFile, ParsedItem } from "./types";

const LIMITS = { maxTextChars: 100, maxTestCases: 2 };
const seed = (problem: string, location: string) => ({ sourceIdentifier: "S", problem, solution: null, title: null, location });
const item = (seedIndex: number, patch: Partial<ParsedItem> = {}): ParsedItem => ({
  seedIndex, statement: "Find $x$.", solution: "", finalAnswer: "", referenceCode: "", answerSpec: emptyAnswerSpec(), testCases: [],
  topic: "", level: null, difficulty: null, description: "", ...patch,
});

describe("applyItemLimits", () => {
  it("reports seeds too long to become an item where they were found, and keeps the rest", () => {
    const file: ParsedFile = {
      file: "QFT/matched_pairs.yaml", sources: [], items: [], errors: [], skipped: 0,
      seeds: [seed("short", "matched_pairs.yaml document 1"), seed("x".repeat(101), "matched_pairs.yaml document 2"), seed("fine", "pset.tex:120")],
    };
    const out = applyItemLimits(file, LIMITS);
    expect(out.seeds.map((s) => s.problem)).toEqual(["short", "fine"]);
    expect(out.errors).toEqual([{
      file: "QFT/matched_pairs.yaml", line: null, document: 2,
      message: "matched_pairs.yaml document 2: the problem has 101 characters, over the limit of 100 (ITEM_MAX_TEXT_CHARS); not imported",
    }]);
    expect(applyItemLimits({ ...file, seeds: [seed("x".repeat(101), "pset.tex:120")] }, LIMITS).errors[0]).toMatchObject({ line: 120 });
  });

  it("drops pipeline items a save would refuse (the seed stays) and those of dropped seeds, keeping the others' seeds", () => {
    const file: ParsedFile = {
      file: "items.jsonl", sources: [], errors: [], skipped: 0,
      seeds: [seed("x".repeat(101), "items.jsonl:1"), seed("ok", "items.jsonl:2"), seed("ok too", "items.jsonl:3")],
      items: [item(0), item(1, { statement: "y".repeat(101) }), item(2, { topic: "QFT" })],
    };
    const out = applyItemLimits(file, LIMITS);
    expect(out.seeds.map((s) => s.problem)).toEqual(["ok", "ok too"]);
    expect(out.items).toEqual([expect.objectContaining({ seedIndex: 1, topic: "QFT" })]);
    expect(out.errors.map((e) => [e.line, e.message])).toEqual([
      [1, expect.stringContaining("the problem has 101 characters")],
      [2, expect.stringMatching(/^items\.jsonl:2: Statement: Too long: at most 100 characters\. The item is not imported \(its seed is\)\.$/)],
    ]);
  });
});
