import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form-client";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  // Only paths of this app are followed after sign-in (no open redirects).
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">Fieldwork</h1>
        <p className="mb-6 text-sm text-stone-500 dark:text-stone-400">Verifiable physics problems, written by physicists.</p>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
