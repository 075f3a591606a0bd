// An upload (a file, a .zip, a .tar/.tar.gz/.tgz, a .gz) as a list of files with their paths, read with
// yauzl, tar-stream and zlib under limits: entry count, total uncompressed size, and no path traversal,
// absolute paths or links. A bad archive is refused whole, with the entry named. The size limit is the
// smaller of maxUncompressedBytes and maxExpansionRatio × the upload's size (but at least 1 MB), and it is
// enforced as the bytes come out of the decompressor, which stops there: a 10 KB gzip that would inflate to
// 10 MB is refused after 1 MB. Runs in a worker thread (lib/imports/parse-off-thread.ts).
import { gunzipSync } from "node:zlib";
import { Readable } from "node:stream";
import * as yauzl from "yauzl";
import * as tar from "tar-stream";
import { RefusedInput } from "../workers/errors";

export type UploadedFile = { path: string; bytes: Uint8Array };
export type ArchiveLimits = { maxEntries: number; maxUncompressedBytes: number; maxExpansionRatio?: number };

/** A refused upload: an import answers 4xx with the message. */
export class ArchiveError extends RefusedInput {}

/** Below this, any expansion ratio is fine (a small file compresses as it likes). */
const RATIO_FREE_BYTES = 1024 * 1024;

type Expansion = { limit: number; why: string };

/** How far an upload of `size` bytes may expand, and what to say when it goes past that. */
export function expansionLimit(size: number, limits: ArchiveLimits): Expansion {
  const byRatio = limits.maxExpansionRatio ? Math.max(RATIO_FREE_BYTES, limits.maxExpansionRatio * size) : Number.POSITIVE_INFINITY;
  if (byRatio < limits.maxUncompressedBytes) {
    return { limit: byRatio, why: `${byRatio.toLocaleString("en")} bytes, ${limits.maxExpansionRatio} times its compressed size` };
  }
  return { limit: limits.maxUncompressedBytes, why: `${limits.maxUncompressedBytes.toLocaleString("en")} bytes` };
}

function bombError(name: string, expansion: Expansion): ArchiveError {
  return new ArchiveError(`${name} expands to more than ${expansion.why} (a compression bomb?); nothing was imported`);
}

/** Null when an entry name is a safe relative path, else why not. */
export function unsafePath(name: string): string | null {
  if (name.includes("\0")) return "contains a NUL byte";
  if (name.startsWith("/") || /^[A-Za-z]:[\\/]/.test(name)) return "is an absolute path";
  if (name.includes("\\")) return "contains a backslash";
  if (name.split("/").some((part) => part === "..")) return "leaves the archive (..)";
  return null;
}

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);
const isTar = (b: Uint8Array) => b.length > 262 && Buffer.from(b.subarray(257, 262)).toString("latin1") === "ustar";

function gunzip(bytes: Uint8Array, expansion: Expansion, name: string): Uint8Array {
  try {
    // zlib checks the output length chunk by chunk and stops as soon as it is past the limit.
    return gunzipSync(bytes, { maxOutputLength: expansion.limit });
  } catch (e) {
    if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw bombError(name, expansion);
    throw new ArchiveError(`${name} is not valid gzip: ${(e as Error).message}`);
  }
}

class Budget {
  entries = 0;
  bytes = 0;
  constructor(private readonly limits: ArchiveLimits, private readonly expansion: Expansion, private readonly archive: string) {}
  entry(name: string): void {
    const problem = unsafePath(name);
    if (problem) throw new ArchiveError(`${this.archive}: the entry "${name}" ${problem}; the archive was not imported`);
    if (++this.entries > this.limits.maxEntries) throw new ArchiveError(`${this.archive} has more than ${this.limits.maxEntries} entries`);
  }
  add(n: number): void {
    this.bytes += n;
    if (this.bytes > this.expansion.limit) throw bombError(this.archive, this.expansion);
  }
}

async function readZip(bytes: Uint8Array, limits: ArchiveLimits, expansion: Expansion, name: string): Promise<UploadedFile[]> {
  const budget = new Budget(limits, expansion, name);
  const files: UploadedFile[] = [];
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { strictFileNames: true, validateEntrySizes: true });
  } catch (e) {
    throw new ArchiveError(`${name} is not a valid zip file: ${(e as Error).message}`);
  }
  try {
    for await (const entry of zip.eachEntry()) {
      budget.entry(entry.fileName);
      if (entry.fileName.endsWith("/")) continue;
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000) throw new ArchiveError(`${name}: the entry "${entry.fileName}" is a symbolic link; the archive was not imported`);
      budget.add(entry.uncompressedSize); // declared size first, so a bomb is refused before inflating
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      files.push({ path: entry.fileName, bytes: Buffer.concat(chunks) });
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    // yauzl refuses unsafe names itself (strictFileNames); say it the way the other checks do.
    const unsafe = /^(?:invalid relative path|absolute path): (.*)$/.exec((e as Error).message);
    if (unsafe) throw new ArchiveError(`${name}: the entry "${unsafe[1]}" ${unsafePath(unsafe[1]) ?? "is not a safe path"}; the archive was not imported`);
    throw new ArchiveError(`${name} could not be read: ${(e as Error).message}`);
  } finally {
    zip.close();
  }
  return files;
}

async function readTar(bytes: Uint8Array, limits: ArchiveLimits, expansion: Expansion, name: string): Promise<UploadedFile[]> {
  const budget = new Budget(limits, expansion, name);
  const files: UploadedFile[] = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      stream.on("error", () => {}); // reported once, through `extract`
      try {
        const entryName = header.name.replace(/^\.\//, "");
        budget.entry(entryName);
        if (header.type === "symlink" || header.type === "link") {
          throw new ArchiveError(`${name}: the entry "${entryName}" is a ${header.type === "link" ? "hard" : "symbolic"} link; the archive was not imported`);
        }
        if (header.type !== "file" && header.type !== "contiguous-file") {
          stream.resume();
          stream.on("end", next);
          return;
        }
        budget.add(header.size ?? 0);
        const chunks: Buffer[] = [];
        stream.on("data", (c: unknown) => {
          chunks.push(c as Buffer);
        });
        stream.on("end", () => {
          files.push({ path: entryName, bytes: Buffer.concat(chunks) });
          next();
        });
      } catch (e) {
        extract.destroy(e as Error);
      }
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  Readable.from([Buffer.from(bytes)]).pipe(extract);
  try {
    await done;
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`${name} is not a valid tar archive: ${(e as Error).message}`);
  }
  return files;
}

/** The files of an upload: archives are opened (by content, not only by name); anything else is one file. */
export async function readUpload(name: string, bytes: Uint8Array, limits: ArchiveLimits): Promise<UploadedFile[]> {
  const base = name.split(/[\\/]/).pop() || "upload";
  const expansion = expansionLimit(bytes.byteLength, limits);
  if (isZip(bytes)) return readZip(bytes, limits, expansion, base);
  if (isGzip(bytes)) {
    const inner = gunzip(bytes, expansion, base);
    if (isTar(inner)) return readTar(inner, limits, expansion, base);
    return [{ path: base.replace(/\.(gz|tgz)$/i, (m) => (m.toLowerCase() === ".tgz" ? ".tar" : "")) || "upload", bytes: inner }];
  }
  if (isTar(bytes)) return readTar(bytes, limits, expansion, base);
  return [{ path: base, bytes }];
}

/** UTF-8 text without a BOM and with LF line ends, or why the bytes are not UTF-8 text. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string; line?: number } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n") };
  } catch {
    // Where: the lossy decoding marks invalid bytes with U+FFFD; its line is what an author can act on.
    const lossy = Buffer.from(bytes).toString("utf8");
    const line = lossy.slice(0, Math.max(0, lossy.indexOf("\uFFFD"))).split("\n").length;
    return { error: `not UTF-8 text (first invalid byte on line ${line}); save the file as UTF-8`, line };
  }
}
