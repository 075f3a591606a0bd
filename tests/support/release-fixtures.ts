// Approved items written straight into PostgreSQL for the export tests (the review flow itself is tested in
// tests/review): an item at version 1 with its revision, an APPROVE review and a passing check run — the
// same rows approval leaves. Specs of every kind: float, complex, tuple with options, no arguments, bool.
import { randomUUID } from "node:crypto";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import type { ItemFields } from "../../lib/items/schemas";
import { GOOD_ITEM } from "./item-fixtures";

const TOL = { abs: 1e-6, rel: 1e-6 };

export const VARIANTS: Record<string, Partial<ItemFields>> = {
  float: {},
  complex: {
    statement: "A plane wave $e^{ikx}$ scatters off a delta potential of strength $g$. Determine the transmission amplitude at wave number $k$.\n\nConventions: $\\hbar = 2m = 1$.",
    finalAnswer: "t(k) = \\frac{2ik}{2ik - g}",
    referenceCode: "def amplitude(k: float, g: float) -> complex:\n    return 2j * k / (2j * k - g)\n",
    answerSpec: {
      functionName: "amplitude",
      arguments: [{ name: "k", type: "float", description: "Wave number.", min: 0 }, { name: "g", type: "float", description: "Strength $g$." }],
      returns: { type: "complex", description: "The amplitude $t(k)$." },
    },
    testCases: [
      { inputs: { k: 1, g: 1 }, expected: { re: 0.8, im: 0.4 }, tolerance: TOL },
      { inputs: { k: 2, g: 0 }, expected: { re: 1, im: 0 }, tolerance: TOL },
      { inputs: { k: 0.5, g: 2 }, expected: { re: 0.2, im: 0.4 }, tolerance: { abs: 1e-9, rel: 1e-7 } },
    ],
    topic: "Scattering",
    level: "ADVANCED_UNDERGRADUATE",
    difficulty: "MEDIUM",
  },
  tuple: {
    statement: "Determine the energy and the parity of level $n$ of the oscillator.\n\nConventions: $\\hbar = \\omega = 1$.",
    finalAnswer: "E_n = n + \\tfrac12",
    referenceCode: "def level(n: int) -> tuple[float, str]:\n    return (n + 0.5, 'even' if n % 2 == 0 else 'odd')\n",
    answerSpec: {
      functionName: "level",
      arguments: [{ name: "n", type: "int", description: "Level index.", min: 0, max: 100 }],
      returns: { type: "tuple", description: "Energy and parity.", items: [{ type: "float" }, { type: "str", options: ["even", "odd"] }] },
    },
    testCases: [
      { inputs: { n: 0 }, expected: [0.5, "even"], tolerance: TOL },
      { inputs: { n: 1 }, expected: [1.5, "odd"], tolerance: TOL },
      { inputs: { n: 4 }, expected: [4.5, "even"], tolerance: TOL },
    ],
    topic: "QED",
    difficulty: "HARD",
    level: "RESEARCH",
  },
  constant: {
    statement: "Determine the one-loop coefficient $b_0$ of QCD with six flavours.\n\nConventions: $\\beta(g) = -b_0 g^3/(16\\pi^2)$.",
    finalAnswer: "b_0 = 7",
    referenceCode: "def b0() -> float:\n    return 11 - 2 * 6 / 3\n",
    answerSpec: { functionName: "b0", arguments: [], returns: { type: "float", description: "The coefficient $b_0$." } },
    testCases: [{ inputs: {}, expected: 7, tolerance: TOL }],
    topic: "QCD",
    split: "TEST",
  },
  bool: {
    statement: "Is the theory with Lagrangian $\\mathcal{L}$ in dimension $d$ renormalisable? Determine it for the given coupling dimension.\n\nConventions: mass dimension of the coupling $[g] = \\Delta$.",
    finalAnswer: "\\Delta \\ge 0",
    referenceCode: "def renormalisable(delta: int, scheme: str) -> bool:\n    return delta >= 0\n",
    answerSpec: {
      functionName: "renormalisable",
      arguments: [{ name: "delta", type: "int", description: "Mass dimension." }, { name: "scheme", type: "str", description: "Scheme.", options: ["MS", "MSbar"] }],
      returns: { type: "bool", description: "Power-counting renormalisable." },
    },
    testCases: [
      { inputs: { delta: 1, scheme: "MS" }, expected: true, tolerance: TOL },
      { inputs: { delta: 0, scheme: "MSbar" }, expected: true, tolerance: TOL },
      { inputs: { delta: -2, scheme: "MS" }, expected: false, tolerance: TOL },
    ],
    topic: "Renormalization",
    split: "VAL",
  },
};

export type ApprovedItem = { id: string; revisionId: string; fields: ItemFields };

/** A source of its own (unique identifier), for filters that keep a test's items apart from others'. */
export async function makeReleaseSource(prefix = "rel") {
  const identifier = `${prefix}-${randomUUID().slice(0, 8)}`;
  return getDb().source.create({ data: { identifier, kind: "OTHER", title: `Source ${identifier}`, license: "CC BY 4.0", authors: ["A. Author"] } });
}

export async function insertApprovedItem(
  sourceId: string, author: SessionUser, reviewer: SessionUser, overrides: Partial<ItemFields> = {}, approvedAt = new Date(),
): Promise<ApprovedItem> {
  const db = getDb();
  const fields: ItemFields = { ...GOOD_ITEM, ...overrides };
  const seed = await db.seed.create({
    data: { sourceId, problem: `Seed problem ${randomUUID()}`, solution: "Seed solution.", location: "Problem 1", title: "A seed", contentHash: randomUUID() },
  });
  const { declarations, answerSpec, testCases, ...scalars } = fields;
  const item = await db.item.create({
    data: {
      ...scalars, topic: scalars.topic || null, sourceLocation: scalars.sourceLocation || null, license: scalars.license || null,
      answerSpec: answerSpec as object, testCases: testCases as object[], declarations: declarations as object,
      seedId: seed.id, authorId: author.id, lastEditorId: author.id, status: "APPROVED", version: 1, submittedAt: approvedAt,
      approvedAt, approvedVersion: 1, approvedById: reviewer.id, lastReviewedVersion: 1, checkState: "PASSING", checkedVersion: 1,
    },
  });
  const revision = await db.itemRevision.create({ data: { itemId: item.id, version: 1, status: "SUBMITTED", snapshot: fields as object, editorId: author.id } });
  const ranAt = new Date(approvedAt.getTime() - 1000);
  await db.checkRun.create({
    data: {
      itemId: item.id, version: 1, passed: true, durationMs: 42, isolation: "bwrap", createdById: reviewer.id, createdAt: ranAt,
      results: [
        { id: "complete-fields", blocking: true, status: "pass", passed: true, message: "ok" },
        { id: "near-duplicates", blocking: false, status: "fail", passed: false, message: "similar item" },
      ],
    },
  });
  await db.review.create({ data: { itemId: item.id, version: 1, reviewerId: reviewer.id, decision: "APPROVE", createdAt: approvedAt } });
  return { id: item.id, revisionId: revision.id, fields };
}
