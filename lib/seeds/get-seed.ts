import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { ZSeedId } from "./schemas";
import { toMacroMap } from "../latex/macros";

export type SeedDetail = {
  id: string;
  title: string | null;
  location: string | null;
  status: string;
  problem: string;
  solution: string | null;
  createdAt: string;
  source: { identifier: string; title: string | null; kind: string; license: string | null; url: string | null };
  macros: Record<string, string>;
  assignee: { id: string; name: string } | null;
};

export async function getSeed(actor: Actor, rawId: unknown): Promise<SeedDetail> {
  assertCan(actor, "seed.read");
  const parsed = ZSeedId.safeParse(rawId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such seed.");
  const seed = await getDb().seed.findUnique({
    where: { id: parsed.data },
    include: { source: true, assignee: { select: { id: true, name: true } } },
  });
  if (!seed) throw new AppError("NOT_FOUND", "No such seed.");
  return {
    id: seed.id,
    title: seed.title,
    location: seed.location,
    status: seed.status,
    problem: seed.problem,
    solution: seed.solution,
    createdAt: seed.createdAt.toISOString(),
    source: {
      identifier: seed.source.identifier,
      title: seed.source.title,
      kind: seed.source.kind,
      license: seed.source.license,
      url: seed.source.url,
    },
    macros: toMacroMap(seed.source.macros),
    assignee: seed.assignee,
  };
}
