import "server-only";
// The shell's badges: changes requested on your items, and seeds newly assigned to you (not yet started).
import { getDb } from "../db";
import type { SessionUser } from "../auth/types";

export type Badges = { changesRequested: number; newlyAssigned: number };

export async function getBadges(user: SessionUser): Promise<Badges> {
  const db = getDb();
  const [changesRequested, newlyAssigned] = await Promise.all([
    db.item.count({ where: { status: "CHANGES_REQUESTED", OR: [{ authorId: user.id }, { assigneeId: user.id }] } }),
    db.seed.count({ where: { assigneeId: user.id, status: "ASSIGNED" } }),
  ]);
  return { changesRequested, newlyAssigned };
}
