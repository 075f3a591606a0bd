import "server-only";
// Four weeks of review history for the demo, so the dashboard has something to draw on first start: seeds of
// a second demo source adapted by the demo annotators, submitted (some only after a failed submit attempt),
// reviewed by the demo lead and admin — approved, approved after rounds of changes, rejected, still waiting —
// with the check runs, reviews, revisions and audit events the app itself would have written, dated relative
// to now. The first demo source's seeds stay NEW and untouched, and no demo annotator is left holding an open
// claim (claim-next's cap counts those).
import type { Tx } from "../db";
import { CHECKS } from "../checks/registry";
import type { ItemFields } from "../items/schemas";
import type { CheckRunPurpose, ItemStatus, ReviewDecision } from "../generated/prisma/enums";
import { seedContentHash } from "../seeds/content-hash";

export const HISTORY_SOURCE = {
  identifier: "fieldwork-demo-history",
  kind: "COURSE" as const,
  title: "Fieldwork demo review history (oscillator variants)",
  authors: ["Fieldwork team"],
  license: "CC-BY-4.0",
};

type Who = "emmy" | "paul" | "lead" | "admin";
/** One step of an item's life, `h` hours before now. */
type Step =
  | { h: number; do: "create" }
  | { h: number; do: "submit"; failedFirst?: string[]; warnings?: string[] }
  | { h: number; do: "approve" | "changes" | "reject"; by: "lead" | "admin"; comment?: string };

type Story = { author: "emmy" | "paul"; steps: Step[] };

const create = (h: number): Step => ({ h, do: "create" });
const submit = (h: number, extra: { failedFirst?: string[]; warnings?: string[] } = {}): Step => ({ h, do: "submit", ...extra });
const approve = (h: number, by: "lead" | "admin" = "lead"): Step => ({ h, do: "approve", by });
const changes = (h: number, comment: string, by: "lead" | "admin" = "lead"): Step => ({ h, do: "changes", by, comment });
const reject = (h: number, comment: string, by: "lead" | "admin" = "lead"): Step => ({ h, do: "reject", by, comment });

const DAY = 24;
const NOT_VERIFIABLE = "Not verifiable: the answer is a derivation, not a value.";

/** Sixteen items over the last four weeks. */
const STORIES: Story[] = [
  { author: "emmy", steps: [create(26 * DAY), submit(25 * DAY + 12), approve(25 * DAY)] },
  { author: "paul", steps: [create(26 * DAY), submit(25 * DAY, { failedFirst: ["statement-wording"] }), changes(24 * DAY, "State the metric signature in the conventions."), submit(22 * DAY), approve(21 * DAY + 6)] },
  { author: "emmy", steps: [create(24 * DAY), submit(23 * DAY, { warnings: ["near-duplicates"] }), approve(22 * DAY + 20, "admin")] },
  { author: "paul", steps: [create(22 * DAY), submit(21 * DAY), reject(19 * DAY, NOT_VERIFIABLE)] },
  { author: "emmy", steps: [create(21 * DAY), submit(20 * DAY, { failedFirst: ["expected-matches"] }), changes(18 * DAY, "Tighten the tolerance of the last test."), submit(17 * DAY), changes(15 * DAY, "The final answer disagrees with the code for n = 3.", "admin"), submit(14 * DAY), approve(13 * DAY + 4)] },
  { author: "paul", steps: [create(19 * DAY), submit(18 * DAY), approve(16 * DAY + 2)] },
  { author: "emmy", steps: [create(17 * DAY), submit(16 * DAY, { warnings: ["final-answer-vs-code"] }), approve(15 * DAY + 10)] },
  { author: "paul", steps: [create(15 * DAY), submit(14 * DAY, { failedFirst: ["latex-renders"] }), reject(12 * DAY, NOT_VERIFIABLE, "admin")] },
  { author: "emmy", steps: [create(13 * DAY), submit(12 * DAY), changes(11 * DAY, "Say which level n = 0 is."), submit(9 * DAY), approve(8 * DAY + 12)] },
  { author: "paul", steps: [create(11 * DAY), submit(10 * DAY), approve(9 * DAY + 1)] },
  { author: "emmy", steps: [create(9 * DAY), submit(8 * DAY, { failedFirst: ["statement-wording", "complete-fields"] }), reject(6 * DAY, "Duplicate of an approved item.")] },
  { author: "paul", steps: [create(10 * DAY), submit(9 * DAY + 6), approve(8 * DAY, "admin")] },
  { author: "emmy", steps: [create(12 * DAY), submit(10 * DAY)] },
  { author: "paul", steps: [create(6 * DAY), submit(4 * DAY, { warnings: ["near-duplicates"] })] },
  { author: "emmy", steps: [create(4 * DAY), submit(3 * DAY), changes(2 * DAY, "Add a test with a large n.")] },
  { author: "paul", steps: [create(2 * DAY), submit(20)] },
];

function fieldsFor(k: number): ItemFields {
  const tol = { abs: 1e-6, rel: 1e-6 };
  return {
    statement: `A particle of mass $m$ moves in the potential $V(x) = \\frac{${k}}{2} m\\omega^2 x^2$. Determine the energy of the level $n$.\n\nConventions: $\\hbar = 1$; levels are counted from $n = 0$.`,
    description: `Oscillator spectrum with the spring constant scaled by ${k}.`,
    solution: `The frequency is $\\sqrt{${k}}\\,\\omega$, so $E_n = \\sqrt{${k}}\\,\\omega(n + \\tfrac12)$.`,
    finalAnswer: `E_n = \\sqrt{${k}}\\,\\omega\\left(n + \\frac{1}{2}\\right)`,
    referenceCode: `import math\n\ndef energy(n: int, omega: float) -> float:\n    return math.sqrt(${k}) * omega * (n + 0.5)\n`,
    answerSpec: {
      functionName: "energy",
      arguments: [{ name: "n", type: "int", description: "Level index.", min: 0 }, { name: "omega", type: "float", description: "Angular frequency." }],
      returns: { type: "float", description: "The energy E_n." },
    },
    testCases: [[0, 1], [1, 2], [3, 0.5]].map(([n, omega]) => ({ inputs: { n, omega }, expected: Math.sqrt(k) * omega * (n + 0.5), tolerance: tol })),
    topic: "Quantum mechanics", level: "GRADUATE", difficulty: "EASY", split: null, sourceLocation: `Variant ${k}`, license: HISTORY_SOURCE.license, declarations: {},
  };
}

/** The stored results of a run in which `failing` checks failed: what runChecks writes. */
function results(failing: string[]): object[] {
  return CHECKS.map((c) => {
    const failed = failing.includes(c.id);
    return { id: c.id, title: c.title, blocking: c.blocking, status: failed ? "fail" : "pass", passed: !failed, message: failed ? `${c.title}: not yet.` : `${c.title}: fine.`, field: null, line: null, column: null };
  });
}

/** Writes the history once (it is skipped when the history source already has seeds). → items written */
export async function seedDemoHistory(tx: Tx, now: Date = new Date()): Promise<number> {
  const source = await tx.source.upsert({ where: { identifier: HISTORY_SOURCE.identifier }, create: HISTORY_SOURCE, update: {} });
  if ((await tx.seed.count({ where: { sourceId: source.id } })) > 0) return 0;
  const users = await tx.user.findMany({ where: { email: { in: ["annotator1@fieldwork.local", "annotator2@fieldwork.local", "lead@fieldwork.local", "admin@fieldwork.local"] } } });
  const id = (email: string) => users.find((u) => u.email === email)?.id;
  const people: Record<Who, string | undefined> = { emmy: id("annotator1@fieldwork.local"), paul: id("annotator2@fieldwork.local"), lead: id("lead@fieldwork.local"), admin: id("admin@fieldwork.local") };
  if (Object.values(people).some((p) => !p)) return 0;
  const at = (h: number) => new Date(now.getTime() - h * 3_600_000);
  for (const [i, story] of STORIES.entries()) await writeStory(tx, source.id, i + 2, story, people as Record<Who, string>, at);
  return STORIES.length;
}

async function writeStory(tx: Tx, sourceId: string, k: number, story: Story, people: Record<Who, string>, at: (h: number) => Date): Promise<void> {
  const fields = fieldsFor(k);
  const author = people[story.author];
  const [first, ...rest] = story.steps;
  const final = rest[rest.length - 1];
  const approved = final.do === "approve";
  const seed = await tx.seed.create({
    data: {
      sourceId, title: `Oscillator spectrum, spring constant ×${k}`, location: `Variant ${k}`, problem: fields.statement.split("\n\n")[0], solution: fields.solution,
      contentHash: seedContentHash(HISTORY_SOURCE.identifier, fields.statement), status: approved ? "ADAPTED" : "IN_PROGRESS", createdAt: at(first.h + 48),
      // Finished seeds stay with who claimed them; unfinished ones are not held (claim-next's cap counts open claims).
      ...(approved ? { assigneeId: author, assignedAt: at(first.h + 1) } : {}),
    },
  });
  const item = await tx.item.create({ data: { seedId: seed.id, authorId: author, lastEditorId: author, status: "DRAFT", createdAt: at(first.h), ...columns(fields) } });
  const events: { actorId: string; action: string; entityType: string; entityId: string; data: object; createdAt: Date }[] = [];
  const event = (actorId: string, action: string, entityType: string, entityId: string, createdAt: Date, data: object = {}) => events.push({ actorId, action, entityType, entityId, data, createdAt });
  if (approved) event(author, "seed.claim", "Seed", seed.id, at(first.h + 1));
  event(author, "item.create", "Item", item.id, at(first.h), { seedId: seed.id });
  const revisions: { version: number; status: ItemStatus; createdAt: Date }[] = [{ version: 1, status: "DRAFT", createdAt: at(first.h) }];
  const runs: { version: number; purpose: CheckRunPurpose; failing: string[]; by: string; createdAt: Date }[] = [];
  const reviews: { version: number; decision: ReviewDecision; by: string; comment: string | null; submittedAt: Date; createdAt: Date }[] = [];
  let version = 1;
  let status: ItemStatus = "DRAFT";
  let submittedAt: Date | null = null;
  let rounds = 0;
  let decided: { by: string; at: Date; version: number } | null = null;
  for (const step of rest) {
    const when = at(step.h);
    if (step.do === "submit") {
      // The author saved a fix after a request for changes; every submit is a new version.
      if (status === "CHANGES_REQUESTED") revisions.push({ version: ++version, status: "CHANGES_REQUESTED", createdAt: at(step.h + 2) });
      if (step.failedFirst) runs.push({ version, purpose: "SUBMIT", failing: step.failedFirst, by: author, createdAt: at(step.h + 3) });
      runs.push({ version, purpose: "SUBMIT", failing: step.warnings ?? [], by: author, createdAt: at(step.h + 0.02) });
      revisions.push({ version: ++version, status: "SUBMITTED", createdAt: when });
      event(author, "item.submit", "Item", item.id, when, { version });
      status = "SUBMITTED";
      submittedAt = when;
      continue;
    }
    if (step.do === "create") continue;
    const by = people[step.by];
    if (step.do === "approve") runs.push({ version, purpose: "APPROVAL", failing: [], by, createdAt: at(step.h + 0.01) });
    const decision: ReviewDecision = step.do === "approve" ? "APPROVE" : step.do === "changes" ? "REQUEST_CHANGES" : "REJECT";
    reviews.push({ version, decision, by, comment: step.comment ?? null, submittedAt: submittedAt!, createdAt: when });
    event(by, `item.${decision.toLowerCase().replace("_", "-")}`, "Item", item.id, when, { version, ...(step.comment ? { comment: step.comment } : {}) });
    status = step.do === "approve" ? "APPROVED" : step.do === "changes" ? "CHANGES_REQUESTED" : "REJECTED";
    if (step.do === "changes") rounds += 1;
    decided = { by, at: when, version };
  }
  await tx.item.update({
    where: { id: item.id },
    data: {
      status, version, submittedAt, reviewRounds: rounds, lastReviewedVersion: decided?.version ?? null, checkState: "PASSING", checkedVersion: version,
      updatedAt: at(final.h), ...(approved && decided ? { approvedAt: decided.at, approvedById: decided.by, approvedVersion: decided.version } : {}),
    },
  });
  await tx.itemRevision.createMany({ data: revisions.map((r) => ({ itemId: item.id, ...r, snapshot: fields as object, editorId: author })) });
  await tx.checkRun.createMany({
    data: runs.map((r) => ({
      itemId: item.id, version: r.version, passed: !r.failing.some((f) => CHECKS.find((c) => c.id === f)?.blocking), results: results(r.failing),
      durationMs: 15, isolation: "bwrap", createdById: r.by, purpose: r.purpose, failedChecks: r.failing, createdAt: r.createdAt,
    })),
  });
  // One at a time, in order: the Review trigger copies the item's author and source onto each.
  for (const r of reviews) await tx.review.create({ data: { itemId: item.id, version: r.version, reviewerId: r.by, decision: r.decision, comment: r.comment, submittedAt: r.submittedAt, createdAt: r.createdAt } });
  for (const r of reviews.filter((x) => x.decision !== "APPROVE")) {
    await tx.comment.create({ data: { itemId: item.id, version: r.version, authorId: r.by, body: r.comment!, createdAt: r.createdAt } });
  }
  await tx.auditEvent.createMany({ data: events });
}

function columns(f: ItemFields) {
  return {
    statement: f.statement, description: f.description, solution: f.solution, finalAnswer: f.finalAnswer, referenceCode: f.referenceCode,
    answerSpec: f.answerSpec as object, testCases: f.testCases as object[], topic: f.topic, level: f.level, difficulty: f.difficulty,
    sourceLocation: f.sourceLocation, license: f.license, declarations: f.declarations as object,
  };
}
