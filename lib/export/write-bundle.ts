import "server-only";
// `fieldwork export NAME --out DIR|FILE.tar.gz`: the bundle on disk, the same bytes as the download. Written
// under a temporary name next to the target and renamed when complete, so an interrupted or failed export
// leaves nothing behind (and never a file or folder that looks whole).
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { bundleFiles } from "./bundle-files";
import { tarGzStream } from "./bundle/tar";
import { loadRelease } from "./release-record";

export type ExportResult = { name: string; out: string; kind: "tar.gz" | "folder"; files: number; bytes: number; manifestSha256: string };

const isArchive = (out: string) => /\.(tar\.gz|tgz)$/i.test(out);

export async function writeBundle(actor: Actor, name: string, out: string, signal?: AbortSignal): Promise<ExportResult> {
  assertCan(actor, "release.read");
  const release = await loadRelease(getDb(), name);
  const target = path.resolve(out);
  const partial = `${target}.partial-${randomBytes(4).toString("hex")}`;
  const files = await bundleFiles(release);
  try {
    if (isArchive(target)) {
      if (existsSync(target)) throw new AppError("CONFLICT", `${out} exists already; choose another name or remove it.`);
      await pipeline(tarGzStream(files, release.createdAt), createWriteStream(partial, { flags: "wx" }), { signal });
      renameSync(partial, target);
    } else {
      if (existsSync(target) && readdirSync(target).length > 0) throw new AppError("CONFLICT", `${out} exists and is not empty; give a new or empty folder.`);
      for (const file of files) {
        const dest = path.join(partial, ...file.path.split("/"));
        mkdirSync(path.dirname(dest), { recursive: true });
        await pipeline(Readable.from(file.body()), createWriteStream(dest, { flags: "wx" }), { signal });
      }
      if (existsSync(target)) rmdirSync(target);
      renameSync(partial, target);
    }
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return {
    name: release.name, out: target, kind: isArchive(target) ? "tar.gz" : "folder", files: files.length,
    bytes: files.reduce((n, f) => n + f.bytes, 0), manifestSha256: release.manifestSha256,
  };
}
