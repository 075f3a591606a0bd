"use client";

import { useActionState } from "react";
import type { PublicUser } from "@/lib/users/public-user";
import { createUserAction, updateUserAction } from "./actions";

const ROLES = ["ANNOTATOR", "LEAD", "ADMIN"] as const;

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="space-y-3 text-sm">
      <label className="block">
        <span className="mb-1 block font-medium">Email</span>
        <input name="email" type="email" required className="input" />
        {state?.fieldErrors?.email && <FieldError message={state.fieldErrors.email} />}
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
        {state?.fieldErrors?.password && <FieldError message={state.fieldErrors.password} />}
      </label>
      <button type="submit" disabled={pending} className="btn-primary">{pending ? "Creating…" : "Create user"}</button>
      <ActionMessage state={state} />
    </form>
  );
}

export function UserRow({ user, isSelf }: { user: PublicUser; isSelf: boolean }) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  return (
    <tr data-testid={`user-${user.email}`} className={user.active ? "" : "opacity-60"}>
      <td>{user.name}{isSelf && <span className="ml-1 text-xs text-stone-500">(you)</span>}</td>
      <td className="font-mono text-xs">{user.email}</td>
      <td>
        <form action={action} className="flex items-center gap-1">
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="change" value="role" />
          <select name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`} className="input w-32 py-0.5">
            {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
          </select>
          <button type="submit" disabled={pending} className="btn py-0.5">Save</button>
        </form>
      </td>
      <td>{user.active ? "active" : "deactivated"}</td>
      <td>
        <form action={action}>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="change" value={user.active ? "deactivate" : "activate"} />
          <button type="submit" disabled={pending} className="btn py-0.5">{user.active ? "Deactivate" : "Reactivate"}</button>
        </form>
        <ActionMessage state={state} />
      </td>
    </tr>
  );
}

function FieldError({ message }: { message: string }) {
  return <span className="mt-1 block text-xs text-red-700 dark:text-red-300">{message}</span>;
}

function ActionMessage({ state }: { state: { ok: boolean; message?: string; error?: string } | null }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} data-testid="action-message" className={`mt-1 text-xs ${state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
      {state.ok ? state.message : state.error}
    </p>
  );
}
