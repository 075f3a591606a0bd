// The one policy: what each role may do. Pure, used by the data layer (assertCan), pages and the shell.
// Refuses by default: an action missing from the table, an unknown role, or a resource-scoped action asked
// without its resource is refused.
import { AppError } from "../errors";
import type { Actor, Role } from "./types";

/** Actions decided by the role alone. */
export type GlobalAction =
  | "user.manage"
  | "source.import"
  | "seed.read"
  | "seed.assign"
  | "item.read"
  | "item.create"
  | "item.review"
  | "release.create"
  | "release.read"
  | "dashboard.view"
  | "token.manage";

/** Actions on one resource, whose ownership facts decide too: callers must pass the resource. */
export type ResourceAction = "item.edit";

export type Action = GlobalAction | ResourceAction;

/** Ownership facts for actions on one resource (e.g. the item being edited). */
export type Resource = { authorId?: string | null; assigneeId?: string | null };

type Rule = { roles: readonly Role[]; resource?: (actor: Actor, resource: Resource) => boolean };

const STAFF = ["ADMIN", "LEAD"] as const;
const EVERYONE = ["ADMIN", "LEAD", "ANNOTATOR"] as const;

/** Annotators edit only what they wrote or were assigned; leads and admins edit anything. */
function ownsOrStaff(actor: Actor, resource: Resource): boolean {
  if (actor.role !== "ANNOTATOR") return true;
  return actor.id !== null && (resource.authorId === actor.id || resource.assigneeId === actor.id);
}

const RULES: Record<Action, Rule> = {
  "user.manage": { roles: ["ADMIN"] },
  "token.manage": { roles: ["ADMIN"] },
  "source.import": { roles: STAFF },
  "seed.assign": { roles: STAFF },
  "item.review": { roles: STAFF },
  "release.create": { roles: STAFF },
  "release.read": { roles: STAFF },
  "dashboard.view": { roles: STAFF },
  "seed.read": { roles: EVERYONE },
  "item.read": { roles: EVERYONE },
  "item.create": { roles: EVERYONE },
  "item.edit": { roles: EVERYONE, resource: ownsOrStaff },
};

export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: ResourceAction, resource: Resource): boolean;
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  const rule: Rule | undefined = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  if (!rule || !rule.roles.includes(actor.role)) return false;
  if (!rule.resource) return true;
  return resource !== undefined && resource !== null && rule.resource(actor, resource);
}

export function assertCan(actor: Actor, action: GlobalAction): void;
export function assertCan(actor: Actor, action: ResourceAction, resource: Resource): void;
export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  if (!(can as (a: Actor, x: Action, r?: Resource) => boolean)(actor, action, resource)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role.toLowerCase()}) may not ${describe(action)}.`);
  }
}

function describe(action: Action): string {
  const [noun, verb] = action.split(".");
  return `${verb} ${noun}s`;
}
