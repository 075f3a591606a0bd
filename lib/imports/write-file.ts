import "server-only";
// One parsed file, written in one transaction: its sources (created or completed, and recorded as touched by
// the batch), its new seeds (a concurrent import of the same seed is absorbed by the unique content hash), and
// the DRAFT items of pipeline imports. Anything failing rolls the whole file back.
import { getDb, type Tx } from "../db";
import type { Actor } from "../auth/types";
import { toMacroMap } from "../latex/macros";
import { columnsOf } from "../items/item-record";
import type { ItemFields } from "../items/schemas";
import type { ParsedFile, ParsedSource } from "./types";

type WriteContext = { batchId: string; hashes: string[]; fresh: boolean[]; actor: Actor; authorId: string | null };

async function upsertSource(tx: Tx, s: ParsedSource): Promise<string> {
  const existing = await tx.source.findUnique({ where: { identifier: s.identifier } });
  const macros = toMacroMap(s.macros ?? {});
  if (!existing) {
    const created = await tx.source.create({
      data: {
        identifier: s.identifier, kind: s.kind ?? "OTHER", title: s.title ?? null, authors: s.authors ?? [], url: s.url ?? null,
        license: s.license ?? null, version: s.version ?? null, category: s.category ?? null, macros,
      },
    });
    return created.id;
  }
  // Fill what is missing; never overwrite what a person or an earlier import set. Macros merge (old wins).
  await tx.source.update({
    where: { id: existing.id },
    data: {
      title: existing.title ?? s.title ?? null, url: existing.url ?? s.url ?? null, license: existing.license ?? s.license ?? null,
      version: existing.version ?? s.version ?? null, category: existing.category ?? s.category ?? null,
      authors: existing.authors.length ? existing.authors : s.authors ?? [],
      macros: { ...macros, ...toMacroMap(existing.macros) },
    },
  });
  return existing.id;
}

export async function writeParsedFile(file: ParsedFile, ctx: WriteContext): Promise<{ seeds: number; items: number; sourceIds: string[] }> {
  if (!ctx.fresh.some(Boolean)) return { seeds: 0, items: 0, sourceIds: [] };
  return getDb().$transaction(async (tx) => {
    const sourceIds = new Map<string, string>();
    const needed = new Set(file.seeds.filter((_, i) => ctx.fresh[i]).map((s) => s.sourceIdentifier));
    for (const identifier of needed) {
      const parsed = file.sources.find((s) => s.identifier === identifier) ?? { identifier };
      sourceIds.set(identifier, await upsertSource(tx, parsed));
    }
    await tx.importBatchSource.createMany({ data: [...sourceIds.values()].map((sourceId) => ({ importBatchId: ctx.batchId, sourceId })), skipDuplicates: true });
    const rows = file.seeds.flatMap((s, i) =>
      ctx.fresh[i]
        ? [{ sourceId: sourceIds.get(s.sourceIdentifier)!, importBatchId: ctx.batchId, problem: s.problem, solution: s.solution, title: s.title, location: s.location, contentHash: ctx.hashes[i] }]
        : [],
    );
    const created: { id: string; contentHash: string }[] = [];
    for (let i = 0; i < rows.length; i += 2000) {
      created.push(...(await tx.seed.createManyAndReturn({ data: rows.slice(i, i + 2000), skipDuplicates: true, select: { id: true, contentHash: true } })));
    }
    const seedIdByHash = new Map(created.map((c) => [c.contentHash, c.id]));
    let items = 0;
    for (const item of file.items) {
      const seedId = seedIdByHash.get(ctx.hashes[item.seedIndex]);
      if (!seedId) continue; // its seed was already there: the item was imported with it before
      if (!ctx.authorId) throw new Error("pipeline items need an author: import as a signed-in user, or pass --author");
      const fields: ItemFields = {
        statement: item.statement, description: item.description, solution: item.solution, finalAnswer: item.finalAnswer,
        referenceCode: item.referenceCode, answerSpec: item.answerSpec, testCases: item.testCases, topic: item.topic,
        level: item.level, difficulty: item.difficulty, split: null, sourceLocation: file.seeds[item.seedIndex].location ?? "", license: "", declarations: {},
      };
      const row = await tx.item.create({ data: { ...columnsOf(fields), seedId, authorId: ctx.authorId, lastEditorId: ctx.authorId, status: "DRAFT", version: 1 }, select: { id: true } });
      await tx.itemRevision.create({ data: { itemId: row.id, version: 1, status: "DRAFT", editorId: ctx.authorId, snapshot: fields as object } });
      await tx.seed.update({ where: { id: seedId }, data: { status: "IN_PROGRESS" } });
      items++;
    }
    return { seeds: created.length, items, sourceIds: [...sourceIds.values()] };
  }, { timeout: 120_000 });
}
