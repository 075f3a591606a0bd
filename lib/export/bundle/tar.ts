// A deterministic ustar writer: sorted entries, mode 0644, uid/gid 0, empty user and group names, one fixed
// mtime, no extended headers; gzip without a file name or timestamp. An async generator of chunks, so the
// reader's pace drives it (backpressure) and an error in any entry ends it with that error: the archive
// never ends cleanly (no end-of-archive blocks, no gzip trailer) after a failure. No database.
import { createGzip } from "node:zlib";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type TarEntry = { path: string; bytes: number; body: () => AsyncIterable<Buffer> };

const BLOCK = 512;

function octal(value: number, width: number): string {
  const text = Math.floor(value).toString(8);
  if (text.length > width - 1) throw new Error(`tar: ${value} does not fit in ${width} bytes`);
  return `${text.padStart(width - 1, "0")}\0`;
}

/** One 512-byte ustar header. */
export function tarHeader(path: string, size: number, mtime: Date): Buffer {
  const name = Buffer.from(path, "utf8");
  if (name.byteLength > 100) throw new Error(`tar: path longer than 100 bytes: ${path}`);
  const header = Buffer.alloc(BLOCK, 0);
  name.copy(header, 0);
  header.write(octal(0o644, 8), 100, "ascii");
  header.write(octal(0, 8), 108, "ascii");
  header.write(octal(0, 8), 116, "ascii");
  header.write(octal(size, 12), 124, "ascii");
  header.write(octal(mtime.getTime() / 1000, 12), 136, "ascii");
  header.write("        ", 148, "ascii"); // the checksum counts its own field as spaces
  header.write("0", 156, "ascii");
  header.write("ustar\0", 257, "ascii");
  header.write("00", 263, "ascii");
  header.write(octal(0, 8), 329, "ascii");
  header.write(octal(0, 8), 337, "ascii");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return header;
}

/** The tar stream of `entries` (in the order given); each body must yield exactly `bytes` bytes. */
export async function* tarChunks(entries: TarEntry[], mtime: Date): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    yield tarHeader(entry.path, entry.bytes, mtime);
    let written = 0;
    for await (const chunk of entry.body()) {
      written += chunk.byteLength;
      if (written > entry.bytes) throw new Error(`${entry.path}: more than the ${entry.bytes} bytes declared`);
      if (chunk.byteLength) yield chunk;
    }
    if (written !== entry.bytes) throw new Error(`${entry.path}: ${written} bytes instead of the ${entry.bytes} declared`);
    const pad = (BLOCK - (entry.bytes % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad, 0);
  }
  yield Buffer.alloc(2 * BLOCK, 0);
}

/** The .tar.gz as a Node stream; it errors (never ends) when an entry fails. */
export function tarGzStream(entries: TarEntry[], mtime: Date): Readable {
  const gzip = createGzip({ level: 6 });
  pipeline(Readable.from(tarChunks(entries, mtime)), gzip).catch((error: unknown) => gzip.destroy(error as Error));
  return gzip;
}
