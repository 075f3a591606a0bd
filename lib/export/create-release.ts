import "server-only";
// POST /api/releases, /releases/new, `fieldwork release create`: freeze the approved version of every
// matching item in one transaction — the Release, its ReleaseItems (item, version, revision, split,
// position, provenance), and the manifest built from exactly those rows. Nothing is written when no item
// matches or the name is taken.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { Prisma } from "../generated/prisma/client";
import { buildManifest } from "./build-manifest";
import { BUNDLE_SCHEMA_VERSION } from "./bundle/layout";
import type { Counts } from "./bundle/manifest";
import { ZCreateReleaseInput } from "./model/schemas";
import { candidatesSql, insertReleaseItemsSql } from "./release-sql";
import { currentStaticFiles } from "./static-files";
import type { ReleaseHead } from "./release-record";

export type CreatedRelease = { id: string; name: string; counts: Counts; manifestSha256: string };

/** Long enough to hash a 100,000-item release on a busy machine. */
const CREATE_TIMEOUT_MS = 15 * 60_000;

export async function createRelease(actor: Actor, rawInput: unknown): Promise<CreatedRelease> {
  assertCan(actor, "release.create");
  const input = ZCreateReleaseInput.parse(rawInput);
  const createdByName = actor.id === null ? actor.name : (await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } })).name;
  const staticFiles = await currentStaticFiles(BUNDLE_SCHEMA_VERSION);
  try {
    return await getDb().$transaction(async (tx) => {
      const release = await tx.release.create({
        data: {
          name: input.name, description: input.description ?? null, schemaVersion: BUNDLE_SCHEMA_VERSION,
          filters: input.filter as object, splitRatios: input.splitRatios, staticFiles, createdById: actor.id, createdByName,
        },
      });
      const inserted = await tx.$executeRaw(insertReleaseItemsSql(release.id, candidatesSql(input.name, input.filter, input.splitRatios, true)));
      if (inserted === 0) throw new AppError("INVALID", "No approved item matches these filters: nothing was released.");
      const head: ReleaseHead = {
        id: release.id, name: release.name, description: release.description, schemaVersion: release.schemaVersion, createdAt: release.createdAt,
        createdByName: release.createdByName, filters: input.filter, splitRatios: input.splitRatios, staticFiles,
      };
      const built = await buildManifest(tx, head);
      await tx.release.update({ where: { id: release.id }, data: { manifest: built.manifest as object, manifestSha256: built.sha256, itemCount: inserted } });
      await recordEvent(tx, actor, { action: "release.create", entityType: "Release", entityId: release.id, data: { name: release.name, items: inserted, manifestSha256: built.sha256 } });
      return { id: release.id, name: release.name, counts: built.manifest.counts, manifestSha256: built.sha256 };
    }, { timeout: CREATE_TIMEOUT_MS, maxWait: 10_000 });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A release named ${input.name} already exists; releases are never replaced, choose another name.`);
    }
    throw error;
  }
}
