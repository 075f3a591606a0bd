"use client";
// Creating users and changing their role or active flag, over POST /api/users and PATCH /api/users/[id].
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson, type FieldErrors } from "@/components/api/send-json";
import type { PublicUser } from "@/lib/users/public-user";

const ROLES = ["ANNOTATOR", "LEAD", "ADMIN"] as const;
type Outcome = { ok: boolean; message: string; fieldErrors?: FieldErrors } | null;

/** Run a change, show its outcome, and re-read the page's data when it worked. */
function useChange() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  const run = async (send: () => ReturnType<typeof sendJson<{ user: PublicUser }>>, success: (u: PublicUser) => string) => {
    setPending(true);
    const result = await send();
    setPending(false);
    if (result.ok) {
      setOutcome({ ok: true, message: success(result.data.user) });
      router.refresh();
    } else {
      setOutcome({ ok: false, message: result.error, fieldErrors: result.fieldErrors });
    }
    return result.ok;
  };
  return { outcome, pending, run };
}

export function CreateUserForm() {
  const { outcome, pending, run } = useChange();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? "") || undefined,
      role: String(form.get("role") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    if (await run(() => sendJson("/api/users", "POST", input), (u) => `Created ${u.email}.`)) formElement.reset();
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3 text-sm">
      <label className="block">
        <span className="mb-1 block font-medium">Email</span>
        <input name="email" type="email" required className="input" />
        {outcome?.fieldErrors?.email && <FieldError message={outcome.fieldErrors.email} />}
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">Name</span>
        <input name="name" className="input" />
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">Role</span>
        <select name="role" defaultValue="ANNOTATOR" className="input">
          {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
        </select>
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">Initial password</span>
        <input name="password" type="password" required minLength={10} autoComplete="new-password" className="input" />
        {outcome?.fieldErrors?.password && <FieldError message={outcome.fieldErrors.password} />}
      </label>
      <button type="submit" disabled={pending} className="btn-primary">{pending ? "Creating…" : "Create user"}</button>
      <Message outcome={outcome} />
    </form>
  );
}

export function UserRow({ user, isSelf }: { user: PublicUser; isSelf: boolean }) {
  const { outcome, pending, run } = useChange();
  const [role, setRole] = useState(user.role);
  const patch = (change: Record<string, unknown>) => run(() => sendJson(`/api/users/${user.id}`, "PATCH", change), (u) => `Updated ${u.email}.`);
  return (
    <tr data-testid={`user-${user.email}`} className={user.active ? "" : "opacity-60"}>
      <td>{user.name}{isSelf && <span className="ml-1 text-xs text-stone-500">(you)</span>}</td>
      <td className="font-mono text-xs">{user.email}</td>
      <td>
        <form onSubmit={(e) => { e.preventDefault(); void patch({ role }); }} className="flex items-center gap-1">
          <select value={role} onChange={(e) => setRole(e.target.value as PublicUser["role"])} aria-label={`Role of ${user.email}`} className="input w-32 py-0.5">
            {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
          </select>
          <button type="submit" disabled={pending} className="btn py-0.5">Save</button>
        </form>
      </td>
      <td>{user.active ? "active" : "deactivated"}</td>
      <td>
        <button type="button" disabled={pending} className="btn py-0.5" onClick={() => void patch({ active: !user.active })}>
          {user.active ? "Deactivate" : "Reactivate"}
        </button>
        <Message outcome={outcome} />
      </td>
    </tr>
  );
}

function FieldError({ message }: { message: string }) {
  return <span className="mt-1 block text-xs text-red-700 dark:text-red-300">{message}</span>;
}

function Message({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? "status" : "alert"} data-testid="action-message" className={`mt-1 text-xs ${outcome.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
      {outcome.message}
    </p>
  );
}
