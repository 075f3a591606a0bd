import "server-only";
// What each grading request is graded against, in bulk (a batch costs a few queries, not a few per request):
// an item's last approved version (Item.approvedVersion's revision) or, for leads and admins, its current
// version; a release's frozen item (ReleaseItem.revisionId, by 0-based position or by item id); or a ground
// truth sent along. Revisions never change, so their parsed bundles are cached by revision id.
import { getDb } from "../db";
import { AppError } from "../errors";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { fieldErrors, fieldsOf } from "../items/item-record";
import type { GradeTarget } from "./schemas";
import { bundleOfFields, parseGroundTruth, type TestBundle } from "./test-bundle";
import { splitRanges, type SplitRanges } from "../export/read-release-rows";

export type ResolvedItem = { id: string; version: number; revisionId: string };
export type Resolved = { ok: true; bundle: TestBundle; item: ResolvedItem | null } | { ok: false; error: Error };

const CACHE_SIZE = 2000;
const globalForGrading = globalThis as unknown as { fieldworkBundles?: Map<string, TestBundle>; fieldworkSplitRanges?: Map<string, SplitRanges> };

function cache(): Map<string, TestBundle> {
  return (globalForGrading.fieldworkBundles ??= new Map());
}

function remember(revisionId: string, bundle: TestBundle): void {
  const map = cache();
  map.set(revisionId, bundle);
  if (map.size > CACHE_SIZE) map.delete(map.keys().next().value!);
}

/** Bundles of these revisions: from the cache, the rest read in one query. */
async function bundlesOf(revisionIds: string[]): Promise<Map<string, TestBundle>> {
  const out = new Map<string, TestBundle>();
  const missing: string[] = [];
  for (const id of new Set(revisionIds)) {
    const hit = cache().get(id);
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await getDb().itemRevision.findMany({ where: { id: { in: missing } }, select: { id: true, snapshot: true } });
    for (const row of rows) {
      const bundle = bundleOfFields(fieldsOf(row.snapshot as Record<string, unknown>));
      remember(row.id, bundle);
      out.set(row.id, bundle);
    }
  }
  return out;
}

type ItemRow = { id: string; version: number; approvedVersion: number | null; approvedRevisionId: string | null; currentRevisionId: string | null };
type ReleaseRow = { name: string; position: number; itemId: string; version: number; revisionId: string };

async function itemRows(ids: string[]): Promise<Map<string, ItemRow>> {
  if (!ids.length) return new Map();
  const rows = await getDb().$queryRaw<ItemRow[]>`
    SELECT i."id", i."version", i."approvedVersion", ra."id" AS "approvedRevisionId", rc."id" AS "currentRevisionId"
    FROM "Item" i
    LEFT JOIN "ItemRevision" ra ON ra."itemId" = i."id" AND ra."version" = i."approvedVersion"
    LEFT JOIN "ItemRevision" rc ON rc."itemId" = i."id" AND rc."version" = i."version"
    WHERE i."id" = ANY(${[...new Set(ids)]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Where each split of these releases starts in the release's row order, and how many rows it has (each split is
 * contiguous). Releases never change, so this is read once per release and process.
 */
async function splitRangesOf(names: string[]): Promise<Map<string, SplitRanges>> {
  const known = (globalForGrading.fieldworkSplitRanges ??= new Map());
  const missing = names.filter((n) => !known.has(n));
  if (missing.length) {
    const releases = await getDb().release.findMany({ where: { name: { in: missing } }, select: { id: true, name: true } });
    for (const r of releases) known.set(r.name, await splitRanges(getDb(), r.id));
  }
  return new Map(names.flatMap((n) => (known.has(n) ? [[n, known.get(n)!] as const] : [])));
}

/** A target addressed within a split (`extra_info.split` + `extra_info.index`) as its position in the release, or why none. */
function positioned(target: Extract<GradeTarget, { kind: "release" }>, ranges: Map<string, SplitRanges>): Extract<GradeTarget, { kind: "release" }> | Error {
  if (!("index" in target) || !target.split) return target;
  const range = ranges.get(target.release)?.[target.split];
  if (!range) return target; // unknown release: reported below
  if (target.index >= range.count) {
    return new AppError("NOT_FOUND", `Release ${target.release} has no ${target.split} item at index ${target.index} (its ${target.split} split has ${range.count}).`);
  }
  return { kind: "release", release: target.release, index: range.start + target.index };
}

async function releaseRows(targets: Extract<GradeTarget, { kind: "release" }>[]): Promise<ReleaseRow[]> {
  if (!targets.length) return [];
  const names = [...new Set(targets.map((t) => t.release))];
  const positions = [...new Set(targets.flatMap((t) => ("index" in t ? [t.index] : [])))];
  const itemIds = [...new Set(targets.flatMap((t) => ("itemId" in t ? [t.itemId] : [])))];
  return getDb().$queryRaw<ReleaseRow[]>`
    SELECT r."name", ri."position", ri."itemId", ri."version", ri."revisionId"
    FROM "Release" r JOIN "ReleaseItem" ri ON ri."releaseId" = r."id"
    WHERE r."name" = ANY(${names}::text[]) AND (ri."position" = ANY(${positions}::int[]) OR ri."itemId" = ANY(${itemIds}::uuid[]))`;
}

function itemTarget(actor: Actor, target: Extract<GradeTarget, { kind: "item" }>, row: ItemRow | undefined): { revisionId: string; version: number } | Error {
  if (!row) return new AppError("NOT_FOUND", `No item ${target.itemId}.`);
  if (target.current) {
    if (!can(actor, "item.gradeCurrent")) return new AppError("FORBIDDEN", "Only leads and admins may grade against an item's current version (?version=current).");
    return row.currentRevisionId ? { revisionId: row.currentRevisionId, version: row.version } : new AppError("NOT_FOUND", `Item ${target.itemId} has no stored revision ${row.version}.`);
  }
  if (row.approvedVersion === null || !row.approvedRevisionId) {
    return new AppError("CONFLICT", `Item ${target.itemId} has no approved version yet${can(actor, "item.gradeCurrent") ? " (add ?version=current to grade against its current version)" : ""}.`);
  }
  return { revisionId: row.approvedRevisionId, version: row.approvedVersion };
}

export async function resolveTargets(actor: Actor, targets: GradeTarget[]): Promise<Resolved[]> {
  const itemTargets = targets.filter((t): t is Extract<GradeTarget, { kind: "item" }> => t.kind === "item");
  const splitNames = [...new Set(targets.flatMap((t) => (t.kind === "release" && "split" in t && t.split ? [t.release] : [])))];
  const ranges = splitNames.length ? await splitRangesOf(splitNames) : new Map<string, SplitRanges>();
  // Targets within a split become positions in the release (or an error for that target).
  const located = targets.map((t) => (t.kind === "release" ? positioned(t, ranges) : t));
  const releaseTargets = located.filter((t): t is Extract<GradeTarget, { kind: "release" }> => !(t instanceof Error) && t.kind === "release");
  const [items, releases] = await Promise.all([itemRows(itemTargets.map((t) => t.itemId)), releaseRows(releaseTargets)]);
  const knownReleases = new Set(releases.map((r) => r.name));
  const missingNames = [...new Set(releaseTargets.map((t) => t.release))].filter((n) => !knownReleases.has(n));
  const existing = missingNames.length ? new Set((await getDb().release.findMany({ where: { name: { in: missingNames } }, select: { name: true } })).map((r) => r.name)) : new Set<string>();

  // Which revision each target needs (or why it has none).
  const wanted = located.map((target): { revisionId: string; item: ResolvedItem } | Error | null => {
    if (target instanceof Error) return target;
    if (target.kind === "groundTruth") return null;
    if (target.kind === "item") {
      const found = itemTarget(actor, target, items.get(target.itemId));
      return found instanceof Error ? found : { revisionId: found.revisionId, item: { id: target.itemId, version: found.version, revisionId: found.revisionId } };
    }
    const row = releases.find((r) => r.name === target.release && ("index" in target ? r.position === target.index : r.itemId === target.itemId));
    if (!row) {
      if (!knownReleases.has(target.release) && !existing.has(target.release)) return new AppError("NOT_FOUND", `No release named ${target.release}.`);
      return new AppError("NOT_FOUND", "index" in target ? `Release ${target.release} has no item at index ${target.index}.` : `Release ${target.release} does not contain item ${target.itemId}.`);
    }
    return { revisionId: row.revisionId, item: { id: row.itemId, version: row.version, revisionId: row.revisionId } };
  });
  const bundles = await bundlesOf(wanted.flatMap((w) => (w && !(w instanceof Error) ? [w.revisionId] : [])));

  return targets.map((target, i): Resolved => {
    if (target.kind === "groundTruth") {
      const parsed = parseGroundTruth(target.groundTruth);
      return parsed.ok ? { ok: true, bundle: parsed.bundle, item: null } : { ok: false, error: fieldErrors(parsed.issues.map((p) => ({ ...p, path: ["groundTruth", ...p.path] }))) };
    }
    const w = wanted[i]!;
    if (w instanceof Error) return { ok: false, error: w };
    const bundle = bundles.get(w.revisionId);
    return bundle ? { ok: true, bundle, item: w.item } : { ok: false, error: new AppError("NOT_FOUND", `Revision ${w.revisionId} is missing.`) };
  });
}
