// Archives built in tests (zip with yazl, tar with tar-stream): honest ones, and hostile ones made by
// rewriting entry names or headers after the fact.
import { gzipSync } from "node:zlib";
import * as tar from "tar-stream";
import * as yazl from "yazl";

export async function makeZip(entries: { name: string; data: string | Buffer; mode?: number }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data), e.name, e.mode ? { mode: e.mode } : {});
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Rename an entry in place (same length), e.g. "aa/x" → "../x", which zip writers refuse to produce. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error("same length only");
  return Buffer.from(zip.toString("latin1").split(from).join(to), "latin1");
}

export async function makeTarGz(entries: { name: string; data?: string; type?: "file" | "symlink" | "directory"; linkname?: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    if (e.type === "symlink") pack.entry({ name: e.name, type: "symlink", linkname: e.linkname ?? "/etc/passwd" });
    else if (e.type === "directory") pack.entry({ name: e.name, type: "directory" });
    else pack.entry({ name: e.name }, e.data ?? "");
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return gzipSync(Buffer.concat(chunks));
}
