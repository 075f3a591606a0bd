import "server-only";
// The shell's badges: changes requested on your items, and what was newly assigned to you: seeds not yet
// started, and someone else's items handed to you that you have not edited yet.
import { getDb } from "../db";
import type { SessionUser } from "../auth/types";

export type Badges = { changesRequested: number; newlyAssigned: number };

export async function getBadges(user: SessionUser): Promise<Badges> {
  const db = getDb();
  const [changesRequested, seeds, items] = await Promise.all([
    db.item.count({ where: { status: "CHANGES_REQUESTED", OR: [{ authorId: user.id }, { assigneeId: user.id }] } }),
    db.seed.count({ where: { assigneeId: user.id, status: "ASSIGNED" } }),
    db.item.count({
      where: {
        assigneeId: user.id, status: { in: ["DRAFT", "CHANGES_REQUESTED"] }, authorId: { not: user.id },
        OR: [{ lastEditorId: null }, { lastEditorId: { not: user.id } }],
      },
    }),
  ]);
  return { changesRequested, newlyAssigned: seeds + items };
}
