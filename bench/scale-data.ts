// Scale data for benchmarks, generated in SQL (generate_series), never through the API: people, sources,
// seeds and items (with revisions) in a realistic status mix. Reused by the review, dashboard and export
// benchmarks. Deterministic: the same counts give the same rows (apart from ids).
import { getDb } from "../lib/db";
import { hashPassword } from "../lib/auth/password";

// Items: 30 % SUBMITTED, 40 % APPROVED, 20 % DRAFT, 5 % CHANGES_REQUESTED, 5 % REJECTED — unless `approvedShare`
// (0…1, in hundredths) makes that share of the items APPROVED first, the rest keeping the mix (the export
// benchmark releases 100,000 approved items).
export type ScaleOptions = { seeds: number; items: number; annotators?: number; sources?: number; approvedShare?: number };
export type ScaleData = { password: string; leadEmail: string; adminEmail: string; annotatorEmails: string[]; sources: string[] };

export const BENCH_PASSWORD = "bench password 1";
const TOPICS = ["QED", "QCD", "Scalar field theory", "Renormalization", "Symmetries", "Scattering", "Path integrals", "Anomalies", "Thermal field theory", "Lattice"];

export async function generateScaleData(options: ScaleOptions): Promise<ScaleData> {
  const db = getDb();
  const annotators = options.annotators ?? 20;
  const sources = options.sources ?? 20;
  const approvedPercent = Math.round((options.approvedShare ?? 0) * 100);
  const hash = await hashPassword(BENCH_PASSWORD);
  await db.$executeRaw`
    INSERT INTO "User" ("email", "name", "role", "passwordHash", "updatedAt")
    SELECT 'annotator' || g || '@bench.local', 'Annotator ' || g, 'ANNOTATOR'::"Role", ${hash}, now() FROM generate_series(1, ${annotators}) g
    UNION ALL SELECT 'lead' || g || '@bench.local', 'Lead ' || g, 'LEAD'::"Role", ${hash}, now() FROM generate_series(1, 3) g
    UNION ALL SELECT 'admin@bench.local', 'Admin', 'ADMIN'::"Role", ${hash}, now()`;
  await db.$executeRaw`
    INSERT INTO "Source" ("identifier", "kind", "title", "category", "updatedAt")
    SELECT 'bench-source-' || g, 'ARXIV'::"SourceKind", 'Bench source ' || g, (ARRAY['hep-th','hep-ph','quant-ph','cond-mat'])[1 + g % 4], now()
    FROM generate_series(1, ${sources}) g`;
  // Seeds spread over 120 days and over the sources. Items are adapted from the first 70 % of the seeds (so
  // some seeds have several items); the other seeds are new (one in ten assigned).
  const adapted = Math.max(1, Math.floor(options.seeds * 0.7));
  await db.$executeRaw`
    INSERT INTO "Seed" ("sourceId", "location", "title", "problem", "solution", "contentHash", "status", "createdAt", "updatedAt")
    SELECT src."id", 'Problem ' || g, CASE WHEN g % 3 = 0 THEN 'Bench problem ' || g END,
      'Consider a scalar field $\\phi$ with $\\mathcal{L} = \\frac12(\\partial_\\mu\\phi)^2 - \\frac{m^2}{2}\\phi^2 - \\frac{\\lambda_{' || g || '}}{4!}\\phi^4$. '
        || 'Compute the one-loop correction number ' || g || ' to the mass in dimensional regularisation, and determine $\\beta(\\lambda)$.',
      'At one loop $\\delta m^2 = \\frac{\\lambda m^2}{32\\pi^2}\\left(\\frac{2}{\\epsilon} + ' || g || '\\right)$.',
      'bench-seed-' || g,
      (CASE WHEN g <= ${adapted} THEN (CASE WHEN g % 4 = 0 THEN 'IN_PROGRESS' ELSE 'ADAPTED' END) WHEN g % 10 = 0 THEN 'ASSIGNED' ELSE 'NEW' END)::"SeedStatus",
      now() - (g % 120) * interval '1 day' - g * interval '1 second', now()
    FROM generate_series(1, ${options.seeds}) g
    JOIN "Source" src ON src."identifier" = 'bench-source-' || (1 + g % ${sources})`;
  await db.$executeRaw`
    UPDATE "Seed" s SET "assigneeId" = u."id", "assignedAt" = s."createdAt"
    FROM "User" u WHERE s."status" = 'ASSIGNED' AND u."email" = 'annotator' || (1 + (hashtext(s."id"::text) & 1023) % ${annotators}) || '@bench.local'`;
  await db.$executeRaw`
    WITH seeds AS (SELECT s."id" AS "seedId", substring(s."location" FROM 9)::int AS k FROM "Seed" s WHERE s."contentHash" LIKE 'bench-seed-%' AND substring(s."location" FROM 9)::int <= ${adapted}),
    numbered AS (SELECT seeds."seedId", g FROM generate_series(1, ${options.items}) g JOIN seeds ON seeds.k = 1 + (g - 1) % ${adapted})
    INSERT INTO "Item" ("seedId", "status", "version", "authorId", "lastEditorId", "statement", "description", "solution", "finalAnswer",
      "referenceCode", "answerSpec", "testCases", "topic", "level", "difficulty", "submittedAt", "approvedAt", "approvedVersion",
      "lastReviewedVersion", "reviewRounds", "checkState", "checkedVersion", "createdAt", "updatedAt")
    SELECT n."seedId", st."status"::"ItemStatus", 3, a."id", a."id",
      'A real scalar field with quartic coupling $\\lambda_{' || n.g || '}$ in $d = 4 - 2\\epsilon$. Determine the one-loop beta function coefficient. '
        || 'Conventions: mostly-minus metric; $\\overline{\\mathrm{MS}}$ scheme.',
      'One-loop beta function of phi^4 theory, variant ' || n.g || '.',
      'The counterterm gives $\\beta(\\lambda) = \\frac{3\\lambda^2}{16\\pi^2}$.',
      '\\beta(\\lambda) = \\frac{3\\lambda^2}{16\\pi^2}',
      E'import math\n\ndef beta(lam: float) -> float:\n    return 3 * lam**2 / (16 * math.pi**2)\n',
      '{"functionName":"beta","arguments":[{"name":"lam","type":"float","description":"The quartic coupling."}],"returns":{"type":"float","description":"The beta function."}}'::jsonb,
      ('[{"inputs":{"lam":0.1},"expected":' || (3 * 0.01 / (16 * pi() ^ 2)) || ',"tolerance":{"abs":1e-6,"rel":1e-6}},'
        || '{"inputs":{"lam":1},"expected":' || (3 / (16 * pi() ^ 2)) || ',"tolerance":{"abs":1e-6,"rel":1e-6}},'
        || '{"inputs":{"lam":' || (n.g % 7 + 2) || '},"expected":' || (3 * (n.g % 7 + 2) ^ 2 / (16 * pi() ^ 2)) || ',"tolerance":{"abs":1e-6,"rel":1e-6}}]')::jsonb,
      (${TOPICS}::text[])[1 + n.g % ${TOPICS.length}],
      (ARRAY['ADVANCED_UNDERGRADUATE','GRADUATE','RESEARCH'])[1 + n.g % 3]::"Level",
      (ARRAY['EASY','MEDIUM','HARD'])[1 + (n.g / 3) % 3]::"Difficulty",
      CASE WHEN st."status" IN ('SUBMITTED','APPROVED','CHANGES_REQUESTED','REJECTED') THEN now() - (n.g % 90) * interval '1 day' - n.g * interval '1 second' END,
      CASE WHEN st."status" = 'APPROVED' THEN now() - (n.g % 60) * interval '1 day' END,
      CASE WHEN st."status" = 'APPROVED' THEN 3 END,
      CASE WHEN st."status" IN ('APPROVED','CHANGES_REQUESTED','REJECTED') THEN 3 END,
      CASE WHEN st."status" = 'CHANGES_REQUESTED' THEN 1 ELSE n.g % 3 / 2 END,
      (CASE WHEN n.g % 50 = 0 THEN 'FAILING' WHEN n.g % 7 = 0 THEN 'WARNINGS' ELSE 'PASSING' END)::"CheckState", 3,
      now() - (n.g % 120) * interval '1 day', now() - (n.g % 90) * interval '1 day'
    FROM numbered n
    CROSS JOIN LATERAL (SELECT CASE
      WHEN n.g % 100 < ${approvedPercent} THEN 'APPROVED'
      WHEN n.g % 10 < 3 THEN 'SUBMITTED' WHEN n.g % 10 < 7 THEN 'APPROVED' WHEN n.g % 10 < 9 THEN 'DRAFT'
      WHEN n.g % 20 = 9 THEN 'CHANGES_REQUESTED' ELSE 'REJECTED' END AS "status") st
    JOIN "User" a ON a."email" = 'annotator' || (1 + n.g % ${annotators}) || '@bench.local'`;
  // One revision per item: the frozen version releases point at.
  await db.$executeRaw`
    INSERT INTO "ItemRevision" ("itemId", "version", "status", "snapshot", "editorId", "createdAt")
    SELECT i."id", i."version", i."status", jsonb_build_object(
      'statement', i."statement", 'description', i."description", 'solution', i."solution", 'finalAnswer', i."finalAnswer",
      'referenceCode', i."referenceCode", 'answerSpec', i."answerSpec", 'testCases', i."testCases", 'topic', i."topic",
      'level', i."level", 'difficulty', i."difficulty", 'split', i."split", 'sourceLocation', i."sourceLocation", 'license', i."license",
      'declarations', i."declarations"), i."authorId", i."updatedAt"
    FROM "Item" i`;
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  // Flush what generating wrote (hundreds of MB of WAL and dirty pages) now, so that the checkpoint it would
  // otherwise trigger does not land in the middle of a measurement.
  await db.$executeRawUnsafe(`CHECKPOINT`);
  return {
    password: BENCH_PASSWORD,
    leadEmail: "lead1@bench.local",
    adminEmail: "admin@bench.local",
    annotatorEmails: Array.from({ length: annotators }, (_, i) => `annotator${i + 1}@bench.local`),
    sources: Array.from({ length: sources }, (_, i) => `bench-source-${i + 1}`),
  };
}
