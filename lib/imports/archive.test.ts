import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ArchiveError, decodeText, expansionLimit, readUpload, unsafePath } from "./archive";
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

  it("refuses what expands over 100 times its compressed size once past 1 MB, stopping the inflation there", async () => {
    const limits = { maxEntries: 10, maxUncompressedBytes: 500 * 1024 * 1024, maxExpansionRatio: 100 };
    // A 10 KB .tex.gz that inflates to 10 MB (it once held the server 29 s): refused after 1 MB.
    const tex = gzipSync(Buffer.from(`\\documentclass{article}\\begin{document}${"a ".repeat(5_000_000)}\\end{document}`), { level: 9 });
    expect(tex.length).toBeLessThan(20_000);
    const refused = await readUpload("bomb.tex.gz", tex, limits).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ArchiveError);
    expect((refused as Error).message).toBe("bomb.tex.gz expands to more than 1,048,576 bytes, 100 times its compressed size (a compression bomb?); nothing was imported");
    // 500 MB of zeros in 50 gzip members of 10 MB (~500 KB): stopped at 100 × its size, not at 500 MB.
    const member = gzipSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 50 }, () => member));
    const limit = expansionLimit(bomb.length, limits).limit;
    expect(limit).toBe(100 * bomb.length);
    await expect(readUpload("zeros.gz", bomb, limits)).rejects.toThrow(`expands to more than ${limit.toLocaleString("en")} bytes, 100 times`);
    // Ordinary text compresses far less, and a small file may compress as it likes.
    const prose = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `Problem ${i}: find $E_{${i}}$ for $V(x) = ${i % 97}x^2$.`).join("\n"));
    expect((await readUpload("rows.jsonl.gz", gzipSync(prose), limits))[0].bytes.length).toBe(prose.length);
    expect((await readUpload("z.yaml.gz", gzipSync(Buffer.alloc(512 * 1024, 32)), limits))[0].path).toBe("z.yaml");
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
