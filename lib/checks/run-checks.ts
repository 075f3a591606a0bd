import "server-only";
// POST/GET /api/items/[id]/checks: gather the facts once (sandbox run and signature, near-duplicates, LaTeX
// renders and the final answer's values, in worker threads), evaluate every check, store the CheckRun keyed by
// the version and by the content of its fields, so "the run for version N" is also found for a later version
// with the same fields (after a submit).
import { getDb } from "../db";
import { AppError } from "../errors";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { ZAnswerSpec } from "../items/answer-spec";
import { fieldsOf, parseItemId } from "../items/item-record";
import { fieldsHash } from "../items/fields-hash";
import type { ItemFields } from "../items/schemas";
import { toMacroMap } from "../latex/macros";
import { inspectCode, runCode } from "../sandbox/run-code";
import type { CheckRunPurpose } from "../generated/prisma/enums";
import { gatherTextFacts } from "./gather-text-facts";
import { checkStateOf, evaluateChecks, failedCheckIds } from "./registry";
import type { CheckContext, CheckResult, NearDuplicate } from "./types";

/** `version`: the version that was checked; `fieldsHash`: its content key (null for runs stored before keys existed). */
export type CheckRunView = {
  runId: string; version: number; fieldsHash: string | null; passed: boolean; durationMs: number; isolation: string | null; createdAt: string; results: CheckResult[];
};

const SIMILARITY = 0.5;
// Statements are compared by their beginnings: similarity() takes the trigrams of both texts for every row, so a
// 50,000-character statement cost PostgreSQL seconds of CPU per check run (and slowed every other query).
const COMPARED_CHARS = 2000;

async function findNearDuplicates(itemId: string, statement: string): Promise<NearDuplicate[]> {
  if (statement.trim().length < 20) return [];
  const head = statement.slice(0, COMPARED_CHARS);
  const rows = await getDb().$queryRaw<{ id: string; similarity: number; excerpt: string }[]>`
    SELECT "id", similarity(left("statement", ${COMPARED_CHARS}), ${head})::float8 AS "similarity", left("statement", 120) AS "excerpt"
    FROM "Item" WHERE "id" <> ${itemId}::uuid AND "status" <> 'REJECTED' AND similarity(left("statement", ${COMPARED_CHARS}), ${head}) > ${SIMILARITY}
    ORDER BY 2 DESC, "createdAt" DESC LIMIT 5`;
  return rows.map((r) => ({ id: r.id, similarity: Number(r.similarity), excerpt: r.excerpt.replace(/\s+/g, " ") }));
}

/** Run the reference code on every case and read its signature, when there is enough to run. */
async function gatherCodeFacts(fields: ItemFields): Promise<Pick<CheckContext, "run" | "inspect">> {
  const name = fields.answerSpec.functionName;
  const code = fields.referenceCode;
  if (!name || !code.trim()) return { run: null, inspect: null };
  const runnable = ZAnswerSpec.safeParse(fields.answerSpec).success && fields.testCases.length > 0;
  const [inspect, run] = await Promise.all([
    inspectCode(code, name),
    runnable ? runCode({ code, functionName: name, calls: fields.testCases.map((tc) => tc.inputs) }) : Promise.resolve(null),
  ]);
  return { inspect, run };
}

function assertCanRunChecks(actor: Actor, item: { authorId: string; assigneeId: string | null }): void {
  if (!can(actor, "item.edit", item) && !can(actor, "item.review")) {
    throw new AppError("FORBIDDEN", "Only the item's author or assignee, a lead or an admin may run its checks.");
  }
}

/**
 * Run every check on the item's current version and store the run, with why it ran (the dashboard counts
 * failures at submit attempts and at approval's re-runs apart from runs someone asked for).
 */
export async function runChecks(actor: Actor, rawId: unknown, purpose: CheckRunPurpose = "MANUAL"): Promise<CheckRunView> {
  const id = parseItemId(rawId);
  const started = performance.now();
  const item = await getDb().item.findUnique({ where: { id }, include: { seed: { select: { source: { select: { macros: true } } } } } });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  assertCanRunChecks(actor, item);
  const fields = fieldsOf(item);
  const hash = fieldsHash(fields);
  const macros = toMacroMap(item.seed.source.macros);
  const [code, nearDuplicates, text] = await Promise.all([gatherCodeFacts(fields), findNearDuplicates(id, fields.statement), gatherTextFacts(fields, macros)]);
  const results = evaluateChecks({ fields, macros, nearDuplicates, ...code, ...text });
  const passed = results.every((r) => !r.blocking || r.passed);
  const durationMs = Math.round(performance.now() - started);
  const isolation = code.run?.isolation ?? code.inspect?.isolation ?? null;
  const run = await getDb().$transaction(async (tx) => {
    const stored = await tx.checkRun.create({
      data: {
        itemId: id, version: item.version, fieldsHash: hash, passed, results: results as object[], durationMs, isolation, createdById: actor.id,
        purpose, failedChecks: failedCheckIds(results),
      },
    });
    // The review queue filters on the newest run's outcome; the version guards against a save in between.
    await tx.item.updateMany({ where: { id, version: item.version }, data: { checkState: checkStateOf(results), checkedVersion: item.version } });
    return stored;
  });
  return { runId: run.id, version: item.version, fieldsHash: hash, passed, durationMs, isolation, createdAt: run.createdAt.toISOString(), results };
}

/** The content key of version `version` of an item (its current fields, or its revision's), or null when there is no such version. */
export async function versionFieldsHash(itemId: string, version: number): Promise<string | null> {
  const revision = await getDb().itemRevision.findUnique({ where: { itemId_version: { itemId, version } }, select: { snapshot: true, fieldsHash: true } });
  if (revision) return revision.fieldsHash ?? fieldsHash(revision.snapshot as Record<string, unknown>);
  const item = await getDb().item.findFirst({ where: { id: itemId, version } });
  return item ? fieldsHash(fieldsOf(item)) : null;
}

/**
 * The newest run of any version, or — with `version` — the newest run that checked exactly that version's
 * fields, whichever version it was stored for (runs stored before content keys count for their own version).
 */
export async function getLatestCheckRun(actor: Actor, rawId: unknown, version?: number): Promise<CheckRunView | null> {
  const id = parseItemId(rawId);
  const item = await getDb().item.findUnique({ where: { id }, select: { id: true } });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  if (!can(actor, "item.read")) throw new AppError("FORBIDDEN", "You may not read items.");
  let where: object = { itemId: id };
  if (version !== undefined) {
    const hash = await versionFieldsHash(id, version);
    if (!hash) return null;
    where = { itemId: id, OR: [{ fieldsHash: hash }, { fieldsHash: null, version }] };
  }
  const run = await getDb().checkRun.findFirst({ where, orderBy: [{ createdAt: "desc" }] });
  if (!run) return null;
  return {
    runId: run.id, version: run.version, fieldsHash: run.fieldsHash, passed: run.passed, durationMs: run.durationMs, isolation: run.isolation,
    createdAt: run.createdAt.toISOString(), results: run.results as unknown as CheckResult[],
  };
}
