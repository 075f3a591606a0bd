// The one policy: what each role may do, and which API-token scope covers each action. Pure, used by the
// data layer (assertCan), pages and the shell. Refuses by default: an action missing from the table, an
// unknown role, a resource-scoped action asked without its resource, or — for a request made with an API
// token — an action no scope of the token covers (actions without a scope are never open to tokens).
import { AppError } from "../errors";
import { SCOPES, type Actor, type Role, type Scope } from "./types";

/** Actions decided by the role alone. */
export type GlobalAction =
  | "user.manage"
  | "source.import"
  | "seed.read"
  | "seed.assign"
  | "item.read"
  | "item.create"
  | "item.review"
  | "item.grade"
  | "item.gradeCurrent"
  | "release.create"
  | "release.read"
  | "dashboard.view"
  | "token.create"
  | "token.manage";

/** Actions on one resource, whose ownership facts decide too: callers must pass the resource. */
export type ResourceAction = "item.edit";

export type Action = GlobalAction | ResourceAction;

/** Ownership facts for actions on one resource (e.g. the item being edited). */
export type Resource = { authorId?: string | null; assigneeId?: string | null };

type Rule = {
  roles: readonly Role[];
  /** The API-token scope that covers the action; none: a token may never do it (sign in instead). */
  scope?: Scope;
  resource?: (actor: Actor, resource: Resource) => boolean;
  /** How a refusal names the action, when "verb nouns" reads badly. */
  label?: string;
};

const STAFF = ["ADMIN", "LEAD"] as const;
const EVERYONE = ["ADMIN", "LEAD", "ANNOTATOR"] as const;

/** Annotators edit only what they wrote or were assigned; leads and admins edit anything. */
function ownsOrStaff(actor: Actor, resource: Resource): boolean {
  if (actor.role !== "ANNOTATOR") return true;
  return actor.id !== null && (resource.authorId === actor.id || resource.assigneeId === actor.id);
}

const RULES: Record<Action, Rule> = {
  "user.manage": { roles: ["ADMIN"] },
  "token.manage": { roles: ["ADMIN"], label: "see or revoke other people's API tokens" },
  "token.create": { roles: EVERYONE, label: "create API tokens" },
  "source.import": { roles: STAFF, scope: "import" },
  "seed.assign": { roles: STAFF },
  "item.review": { roles: STAFF },
  "release.create": { roles: STAFF },
  "release.read": { roles: STAFF, scope: "export:read" },
  "dashboard.view": { roles: STAFF, scope: "items:read" },
  "seed.read": { roles: EVERYONE, scope: "items:read" },
  "item.read": { roles: EVERYONE, scope: "items:read" },
  "item.create": { roles: EVERYONE },
  "item.edit": { roles: EVERYONE, resource: ownsOrStaff },
  "item.grade": { roles: EVERYONE, scope: "grade", label: "grade responses" },
  "item.gradeCurrent": { roles: STAFF, scope: "grade", label: "grade against an item's current, unapproved version" },
};

function ruleOf(action: string): Rule | undefined {
  return Object.hasOwn(RULES, action) ? RULES[action as Action] : undefined;
}

/** Why the actor may not, or null when it may. */
function refusal(actor: Actor, action: Action, resource?: Resource): string | null {
  const rule = ruleOf(action);
  const what = rule?.label ?? describe(action);
  if (!rule || !rule.roles.includes(actor.role)) return `Your role (${String(actor.role).toLowerCase()}) may not ${what}.`;
  if (rule.resource && (resource === undefined || resource === null || !rule.resource(actor, resource))) {
    return `Your role (${actor.role.toLowerCase()}) may not ${what}.`;
  }
  if (actor.token) {
    if (!rule.scope) return `API tokens may not ${what}: sign in to do that.`;
    if (!actor.token.scopes.includes(rule.scope)) return `This API token lacks the scope "${rule.scope}", which is needed to ${what}.`;
  }
  return null;
}

export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: ResourceAction, resource: Resource): boolean;
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  return refusal(actor, action, resource) === null;
}

export function assertCan(actor: Actor, action: GlobalAction): void;
export function assertCan(actor: Actor, action: ResourceAction, resource: Resource): void;
export function assertCan(actor: Actor, action: Action, resource?: Resource): void {
  const why = refusal(actor, action, resource);
  if (why) throw new AppError("FORBIDDEN", why, actor.token ? { scope: ruleOf(action)?.scope ?? null } : undefined);
}

/** The scope that lets a token do `action`, or null when no token may. */
export function scopeFor(action: Action): Scope | null {
  return ruleOf(action)?.scope ?? null;
}

/** The scopes a role's tokens may carry: those covering at least one action the role may do. */
export function scopesForRole(role: Role): Scope[] {
  return SCOPES.filter((scope) => Object.values(RULES).some((rule) => rule.scope === scope && rule.roles.includes(role)));
}

function describe(action: Action): string {
  const [noun, verb] = action.split(".");
  return `${verb} ${noun}s`;
}
