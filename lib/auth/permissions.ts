// What each role may do. Pure: used by the data layer (assertCan) and by the shell (which links to show).
import { AppError } from "../errors";
import type { Actor } from "./types";

export type Action =
  | "user.manage"
  | "source.import"
  | "seed.read"
  | "seed.assign"
  | "item.read"
  | "item.create"
  | "item.edit"
  | "item.review"
  | "release.create"
  | "release.read"
  | "dashboard.view"
  | "token.manage";

/** Ownership facts for actions on one resource (e.g. the item being edited). */
export type Resource = { authorId?: string | null; assigneeId?: string | null };

const BY_ROLE: Record<Actor["role"], ReadonlySet<Action>> = {
  ADMIN: new Set<Action>([
    "user.manage", "source.import", "seed.read", "seed.assign", "item.read", "item.create", "item.edit",
    "item.review", "release.create", "release.read", "dashboard.view", "token.manage",
  ]),
  LEAD: new Set<Action>([
    "source.import", "seed.read", "seed.assign", "item.read", "item.create", "item.edit", "item.review",
    "release.create", "release.read", "dashboard.view",
  ]),
  ANNOTATOR: new Set<Action>(["seed.read", "item.read", "item.create", "item.edit"]),
};

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  if (!BY_ROLE[actor.role].has(action)) return false;
  // Annotators edit only what they wrote or were assigned; leads and admins edit anything.
  if (action === "item.edit" && actor.role === "ANNOTATOR" && resource) {
    return actor.id !== null && (resource.authorId === actor.id || resource.assigneeId === actor.id);
  }
  return true;
}

export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (!can(actor, action, resource)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) may not ${describe(action)}.`);
  }
}

function describe(action: Action): string {
  const [noun, verb] = action.split(".");
  return `${verb} ${noun}s`;
}
