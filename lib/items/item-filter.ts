import "server-only";
// The /items filters as a Prisma where: one definition for the list, its count and reassignment by filter.
import type { Actor } from "../auth/types";
import type { Prisma } from "../generated/prisma/client";
import type { TItemFilter } from "./schemas";

/** What can be handed to someone else: drafts and items with requested changes. */
export const REASSIGNABLE: Prisma.ItemWhereInput = { status: { in: ["DRAFT", "CHANGES_REQUESTED"] } };

/** → the where, and the author filter it applied ("me", "all" or a user id; annotators default to "me"). */
export function itemWhere(actor: Actor, filter: TItemFilter): { where: Prisma.ItemWhereInput; author: string } {
  // Annotators see their own work unless they ask for everyone's.
  const author = filter.author ?? (actor.role === "ANNOTATOR" ? "me" : "all");
  const authorId = author === "all" ? undefined : author === "me" ? actor.id : author;
  return {
    author,
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      // The CLI operator (no id) has no items of its own.
      ...(authorId !== undefined ? { authorId: authorId ?? "00000000-0000-0000-0000-000000000000" } : {}),
      ...(filter.source ? { seed: { source: { identifier: filter.source } } } : {}),
      ...(filter.seed ? { seedId: filter.seed } : {}),
    },
  };
}
