import { describe, expect, it } from "vitest";
import { decodeText, readUpload, unsafePath } from "./archive";
import { makeTarGz, makeZip, renameInZip } from "../../tests/support/archives";

const LIMITS = { maxEntries: 10, maxUncompressedBytes: 1024 * 1024 };

describe("readUpload", () => {
  it("opens zip and tar.gz archives with their folder paths, and passes a plain file through", async () => {
    const zip = await makeZip([{ name: "QFT1/matched_pairs.yaml", data: "problem: x" }, { name: "QFT2/matched_pairs.yaml", data: "problem: y" }]);
    expect((await readUpload("pairs.zip", zip, LIMITS)).map((f) => f.path)).toEqual(["QFT1/matched_pairs.yaml", "QFT2/matched_pairs.yaml"]);
    const tgz = await makeTarGz([{ name: "paper/", type: "directory" }, { name: "paper/main.tex", data: "\\documentclass{article}" }]);
    const files = await readUpload("2101.00001.tar.gz", tgz, LIMITS);
    expect(files.map((f) => [f.path, Buffer.from(f.bytes).toString()])).toEqual([["paper/main.tex", "\\documentclass{article}"]]);
    expect(await readUpload("a.yaml", Buffer.from("x: 1"), LIMITS)).toEqual([{ path: "a.yaml", bytes: Buffer.from("x: 1") }]);
  });

  it("refuses path traversal, absolute paths and links, naming the entry", async () => {
    await expect(readUpload("t.zip", renameInZip(await makeZip([{ name: "aa/evil.yaml", data: "x" }]), "aa/", "../"), LIMITS)).rejects.toThrow(/"\.\.\/evil\.yaml" leaves the archive/);
    await expect(readUpload("l.tar.gz", await makeTarGz([{ name: "link.tex", type: "symlink" }]), LIMITS)).rejects.toThrow(/"link\.tex" is a symbolic link/);
    await expect(readUpload("a.tar.gz", await makeTarGz([{ name: "/etc/cron.d/x", data: "x" }]), LIMITS)).rejects.toThrow(/absolute path/);
    const zipLink = await makeZip([{ name: "link.tex", data: "/etc/passwd", mode: 0o120777 }]);
    await expect(readUpload("l.zip", zipLink, LIMITS)).rejects.toThrow(/symbolic link/);
  });

  it("refuses compression bombs and too many entries before inflating them", async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    await expect(readUpload("bomb.zip", await makeZip([{ name: "a.tex", data: zeros }]), LIMITS)).rejects.toThrow(/expands to more than/);
    await expect(readUpload("bomb.tar.gz", await makeTarGz([{ name: "a.tex", data: zeros.toString() }]), LIMITS)).rejects.toThrow(/expands to more than/);
    const many = await makeZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.yaml`, data: "x" })));
    await expect(readUpload("many.zip", many, LIMITS)).rejects.toThrow(/more than 10 entries/);
    await expect(readUpload("broken.zip", Buffer.from("PK\u0003\u0004garbage"), LIMITS)).rejects.toThrow(/not a valid zip/);
  });

  it("knows unsafe names", () => {
    expect(unsafePath("a/b.tex")).toBeNull();
    expect(unsafePath("a/../../b")).toMatch(/leaves/);
    expect(unsafePath("C:/x")).toMatch(/absolute/);
    expect(unsafePath("a\\b")).toMatch(/backslash/);
  });
});

describe("decodeText", () => {
  it("strips a BOM, normalises CRLF, and locates invalid UTF-8 by line", () => {
    expect(decodeText(Buffer.from("\uFEFFa\r\nb\rc"))).toEqual({ text: "a\nb\nc" });
    expect(decodeText(Buffer.concat([Buffer.from("ok\nok\n"), Buffer.from([0xff])]))).toMatchObject({ error: expect.stringContaining("line 3") });
  });
});
