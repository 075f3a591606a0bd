import "server-only";
// POST /api/grade and /api/grade/batch: parse, authorise (item.grade; item.gradeCurrent for ?version=current),
// resolve what each response is graded against, grade them all at once in the sandbox pool (one job per
// response; the pool queues what its workers cannot take yet). In a batch a bad request is an error in its
// slot ({error, status, issues?}), never a failed batch.
import { ZodError } from "zod";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { AppError, isAppError } from "../errors";
import type { SandboxLimits } from "../sandbox/types";
import { gradeResponse } from "./grade-response";
import type { GradeResult } from "./grade-run";
import { resolveTargets, type Resolved, type ResolvedItem } from "./resolve-targets";
import { targetOf, ZGradeBatch, ZGradeQuery, ZGradeRequest, type GradeTarget } from "./schemas";
import type { TestBundle } from "./test-bundle";

export type Graded = GradeResult & { item?: ResolvedItem };
export type SlotError = { error: string; status: number; code?: string; issues?: { path: string; message: string }[] };
export type GradeOptions = { version?: unknown; limits?: Partial<SandboxLimits> };

function unusable(bundle: TestBundle, item: ResolvedItem | null): AppError | null {
  const what = item ? `Item ${item.id} version ${item.version}` : "The ground truth";
  if (!bundle.functionName) return new AppError("INVALID", `${what} has no function name to call.`);
  if (!bundle.testCases.length) return new AppError("INVALID", `${what} has no test cases.`);
  return null;
}

async function gradeResolved(resolved: Resolved, response: string, limits?: Partial<SandboxLimits>): Promise<Graded> {
  if (!resolved.ok) throw resolved.error;
  const problem = unusable(resolved.bundle, resolved.item);
  if (problem) throw problem;
  const result = await gradeResponse(resolved.bundle, response, { limits });
  return resolved.item ? { ...result, item: resolved.item } : result;
}

function currentOf(options: GradeOptions): boolean {
  return ZGradeQuery.parse({ version: options.version ?? undefined }).version === "current";
}

export async function gradeOne(actor: Actor, raw: unknown, options: GradeOptions = {}): Promise<Graded> {
  assertCan(actor, "item.grade");
  const current = currentOf(options);
  if (current) assertCan(actor, "item.gradeCurrent");
  const request = ZGradeRequest.parse(raw);
  const [resolved] = await resolveTargets(actor, [targetOf(request, current)]);
  return gradeResolved(resolved, request.response, options.limits);
}

export function slotError(error: unknown): SlotError {
  if (error instanceof ZodError) return { error: "Invalid request", status: 422, issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  if (isAppError(error)) return { error: error.message, status: error.status, code: error.code };
  console.error(error);
  return { error: "Internal error", status: 500 };
}

export async function gradeBatch(actor: Actor, raw: unknown, options: GradeOptions = {}): Promise<{ results: (Graded | SlotError)[] }> {
  assertCan(actor, "item.grade");
  const current = currentOf(options);
  if (current) assertCan(actor, "item.gradeCurrent");
  const { requests } = ZGradeBatch.parse(raw);
  const parsed = requests.map((r) => ZGradeRequest.safeParse(r));
  const targets: GradeTarget[] = [];
  const slotOfTarget: number[] = [];
  parsed.forEach((p, slot) => {
    if (!p.success) return;
    targets.push(targetOf(p.data, current));
    slotOfTarget.push(slot);
  });
  const resolved = await resolveTargets(actor, targets);
  const bySlot = new Map(slotOfTarget.map((slot, k) => [slot, resolved[k]]));
  const results = await Promise.all(parsed.map(async (p, slot) => {
    if (!p.success) return slotError(p.error);
    try {
      return await gradeResolved(bySlot.get(slot)!, p.data.response, options.limits);
    } catch (error) {
      return slotError(error);
    }
  }));
  return { results };
}
