import Link from "next/link";
import type { SessionUser } from "@/lib/auth/types";
import { navLinksFor } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
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
