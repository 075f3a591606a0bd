import Link from "next/link";
import type { SessionUser } from "@/lib/auth/types";
import type { Badges } from "@/lib/review/get-badges";
import { navLinksFor } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, badges, children }: { user: SessionUser; badges: Badges; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
          <Link href="/" className="font-semibold tracking-tight">
            Fieldwork
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1 text-sm">
            {navLinksFor(user).map((link) => (
              <Link
                key={link.href}
                href={link.href}
                className="rounded px-2 py-1 text-stone-600 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white"
              >
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <BadgeLinks badges={badges} />
            <span className="text-stone-500 dark:text-stone-400" data-testid="current-user">
              {user.name} · <span className="font-medium">{user.role.toLowerCase()}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}

/** "2 changes requested · 3 newly assigned": what waits for the signed-in user. */
function BadgeLinks({ badges }: { badges: Badges }) {
  if (!badges.changesRequested && !badges.newlyAssigned) return null;
  return (
    <Link href="/" className="flex gap-2" data-testid="badges">
      {badges.changesRequested > 0 && (
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="badge-changes-requested">
          {badges.changesRequested} changes requested
        </span>
      )}
      {badges.newlyAssigned > 0 && (
        <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-200" data-testid="badge-newly-assigned">
          {badges.newlyAssigned} newly assigned
        </span>
      )}
    </Link>
  );
}
