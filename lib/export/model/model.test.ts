import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonPretty, sortKeysDeep, sortedJson } from "./canonical-json";
import { assignSplit, splitBounds } from "./split";
import { hfLicense } from "../bundle/dataset-card";
import { tarHeader } from "../bundle/tar";

describe("canonical JSON", () => {
  it("sorts keys at every depth, drops undefined members, writes -0 as 0", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, "é": -0 })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"é":0}');
    expect(canonicalJsonPretty({ b: 1, a: 2 })).toBe('{\n  "a": 2,\n  "b": 1\n}\n');
  });

  it("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ x: Infinity })).toThrow(/Infinity/);
  });

  it("JSON.stringify of a re-keyed value is its canonical JSON", () => {
    const value = { tolerance: { rel: 1e-6, abs: 1e-9 }, inputs: { omega: 2.5, n: 3 }, expected: { re: 1, im: -0.5 } };
    expect(sortedJson(sortKeysDeep(value))).toBe(canonicalJson(value));
  });
});

describe("split from the hash of item id and release name", () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);

  it("is deterministic, follows the ratios, and changes with the release name", () => {
    const ratios = { train: 0.8, validation: 0.1, test: 0.1 };
    const a = ids.map((id) => assignSplit(id, "qft-1", ratios));
    expect(ids.map((id) => assignSplit(id, "qft-1", ratios))).toEqual(a);
    const share = (s: string) => a.filter((x) => x === s).length / ids.length;
    expect(share("train")).toBeCloseTo(0.8, 1);
    expect(share("validation")).toBeCloseTo(0.1, 1);
    expect(ids.map((id) => assignSplit(id, "qft-2", ratios))).not.toEqual(a);
    expect(new Set(ids.map((id) => assignSplit(id, "x", { train: 1, validation: 0, test: 0 })))).toEqual(new Set(["train"]));
    expect(splitBounds({ train: 0, validation: 0, test: 1 })).toEqual({ train: 0, validation: 0 });
  });
});

describe("dataset card licenses", () => {
  it("maps licenses to Hugging Face ids where it knows them", () => {
    expect(hfLicense("http://creativecommons.org/licenses/by/4.0/")).toBe("cc-by-4.0");
    expect(hfLicense("https://creativecommons.org/licenses/by-nc-sa/4.0/")).toBe("cc-by-nc-sa-4.0");
    expect(hfLicense("http://creativecommons.org/publicdomain/zero/1.0/")).toBe("cc0-1.0");
    expect(hfLicense("CC BY 4.0")).toBe("cc-by-4.0");
    expect(hfLicense("http://arxiv.org/licenses/nonexclusive-distrib/1.0/")).toBeNull();
  });
});

describe("tar headers", () => {
  it("are fixed: mode 0644, uid/gid 0, no names, the given mtime, a valid checksum", () => {
    const h = tarHeader("verl/train.parquet", 1234, new Date("2026-12-01T10:00:00.900Z"));
    expect(h.byteLength).toBe(512);
    expect(h.subarray(0, 18).toString()).toBe("verl/train.parquet");
    expect(h.subarray(100, 108).toString()).toBe("0000644\0");
    expect(h.subarray(108, 124).toString()).toBe("0000000\x000000000\0");
    expect(parseInt(h.subarray(124, 135).toString(), 8)).toBe(1234);
    expect(parseInt(h.subarray(136, 147).toString(), 8)).toBe(Math.floor(Date.parse("2026-12-01T10:00:00Z") / 1000));
    const sum = [...h].reduce((n, b, i) => n + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(parseInt(h.subarray(148, 154).toString(), 8)).toBe(sum);
    expect(() => tarHeader("x".repeat(101), 1, new Date(0))).toThrow(/longer than 100/);
  });
});
