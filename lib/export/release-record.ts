import "server-only";
// A release as the export code reads it: the frozen head (what the manifest and README are made of) and
// the stored manifest. One place maps the row.
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import type { Manifest } from "./bundle/manifest";
import { ZReleaseName, type SplitRatios, type TReleaseFilter } from "./model/schemas";

export const RELEASE_SELECT = {
  id: true, name: true, description: true, schemaVersion: true, filters: true, splitRatios: true, staticFiles: true, manifest: true, manifestSha256: true,
  itemCount: true, createdById: true, createdByName: true, createdAt: true, deprecatedAt: true, deprecationReason: true,
  deprecatedBy: { select: { name: true } },
} as const satisfies Prisma.ReleaseSelect;

type ReleaseDbRow = Prisma.ReleaseGetPayload<{ select: typeof RELEASE_SELECT }>;

/** What the manifest is built from (fixed at creation). */
export type ReleaseHead = {
  id: string;
  name: string;
  description: string | null;
  schemaVersion: number;
  createdAt: Date;
  createdByName: string;
  filters: TReleaseFilter;
  splitRatios: SplitRatios;
  /** the layout's fixed files as stored at creation: path → text */
  staticFiles: Record<string, string>;
};

export type ReleaseRecord = ReleaseHead & {
  manifest: Manifest;
  manifestSha256: string;
  itemCount: number;
  deprecatedAt: Date | null;
  deprecationReason: string | null;
  deprecatedByName: string | null;
};

export function toReleaseRecord(row: ReleaseDbRow): ReleaseRecord {
  if (!row.manifestSha256) throw new Error(`release ${row.name} has no manifest`);
  return {
    id: row.id, name: row.name, description: row.description, schemaVersion: row.schemaVersion, createdAt: row.createdAt,
    createdByName: row.createdByName, filters: row.filters as TReleaseFilter, splitRatios: row.splitRatios as SplitRatios,
    staticFiles: row.staticFiles as Record<string, string>,
    manifest: row.manifest as unknown as Manifest, manifestSha256: row.manifestSha256, itemCount: row.itemCount,
    deprecatedAt: row.deprecatedAt, deprecationReason: row.deprecationReason, deprecatedByName: row.deprecatedBy?.name ?? null,
  };
}

/** The client or a transaction: anything that finds a release by name. */
type ReleaseFinder = { release: { findUnique: (args: { where: { name: string }; select: typeof RELEASE_SELECT }) => Promise<ReleaseDbRow | null> } };

/** The release of this name, or 404 (a malformed name is simply not found). */
export async function loadRelease(db: ReleaseFinder, rawName: unknown): Promise<ReleaseRecord> {
  const name = ZReleaseName.safeParse(rawName);
  const row = name.success ? await db.release.findUnique({ where: { name: name.data }, select: RELEASE_SELECT }) : null;
  if (!row) throw new AppError("NOT_FOUND", "No such release.");
  return toReleaseRecord(row);
}
