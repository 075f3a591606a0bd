// The navigation, filtered by what the signed-in role may do (the same rules as the data layer).
import { can, type GlobalAction } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

type NavLink = { href: string; label: string; action?: GlobalAction };

const LINKS: NavLink[] = [
  { href: "/", label: "Home" },
  { href: "/seeds", label: "Seeds", action: "seed.read" },
  { href: "/items", label: "Items", action: "item.read" },
  { href: "/review", label: "Review", action: "item.review" },
  { href: "/dashboard", label: "Dashboard", action: "dashboard.view" },
  { href: "/imports", label: "Imports", action: "source.import" },
  { href: "/releases", label: "Releases", action: "release.read" },
  { href: "/admin/users", label: "Users", action: "user.manage" },
  { href: "/settings/tokens", label: "Tokens", action: "token.create" },
];

export function navLinksFor(actor: Actor): { href: string; label: string }[] {
  return LINKS.filter((l) => !l.action || can(actor, l.action)).map(({ href, label }) => ({ href, label }));
}
