"use client";
// Creating API tokens (the secret is shown once, with a copy button) and revoking them, over /api/tokens.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson } from "@/components/api/send-json";
import type { Scope } from "@/lib/auth/types";
import { formatDateTime } from "@/lib/format/labels";
import type { TokenView } from "@/lib/tokens/token-view";

const SCOPE_HELP: Record<Scope, string> = {
  grade: "grade responses (POST /api/grade, batch, OpenRLHF)",
  "export:read": "read and download releases",
  "items:read": "read items and seeds",
  import: "import seeds",
};

type Created = TokenView & { token: string };

export function CreateTokenForm({ scopes, defaultDays, maxDays }: { scopes: Scope[]; defaultDays: number; maxDays: number }) {
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    const result = await sendJson<Created>("/api/tokens", "POST", {
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      expiresInDays: Number(form.get("expiresInDays") ?? defaultDays),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setCopied(false);
    setCreated(result.data);
    formElement.reset();
    router.refresh();
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setError("The browser did not allow copying: select the token and copy it by hand.");
    }
  };

  return (
    <div className="space-y-4 text-sm">
      {created && (
        <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950" data-testid="new-token">
          <p className="mb-2 font-medium">Copy “{created.name}” now: it is shown only this once.</p>
          <code className="block break-all rounded bg-white p-2 font-mono text-xs dark:bg-stone-900" data-testid="new-token-secret">{created.token}</code>
          <div className="mt-2 flex items-center gap-2">
            <button type="button" className="btn py-0.5" onClick={() => void copy()}>{copied ? "Copied" : "Copy"}</button>
            <button type="button" className="btn py-0.5" onClick={() => setCreated(null)}>Done</button>
          </div>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} className="space-y-3">
        <label className="block">
          <span className="mb-1 block font-medium">Name</span>
          <input name="name" required maxLength={100} placeholder="e.g. verl run on cluster A" className="input" />
        </label>
        <fieldset>
          <legend className="mb-1 font-medium">Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2 py-0.5">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "grade"} className="mt-1" />
              <span><span className="font-mono">{scope}</span> <span className="text-stone-500 dark:text-stone-400">— {SCOPE_HELP[scope]}</span></span>
            </label>
          ))}
        </fieldset>
        <label className="block">
          <span className="mb-1 block font-medium">Expires in (days)</span>
          <input name="expiresInDays" type="number" min={1} max={maxDays} defaultValue={defaultDays} required className="input w-28" />
        </label>
        <button type="submit" disabled={pending} className="btn-primary">{pending ? "Creating…" : "Create token"}</button>
        {error && <p role="alert" className="text-xs text-red-700 dark:text-red-300">{error}</p>}
      </form>
    </div>
  );
}

export function TokenTable({ tokens, showUser, selfId }: { tokens: TokenView[]; showUser: boolean; selfId: string }) {
  if (tokens.length === 0) return <p className="text-sm text-stone-500 dark:text-stone-400" data-testid="no-tokens">No tokens yet.</p>;
  return (
    <table className="table-dense" data-testid="token-table">
      <thead>
        <tr>
          <th>Name</th>{showUser && <th>User</th>}<th>Token</th><th>Scopes</th><th>Created</th><th>Last used</th><th>Expires</th><th>Status</th><th />
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => <TokenRow key={t.id} token={t} showUser={showUser} isOwn={t.user.id === selfId} />)}
      </tbody>
    </table>
  );
}

function TokenRow({ token, showUser, isOwn }: { token: TokenView; showUser: boolean; isOwn: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    if (!window.confirm(`Revoke “${token.name}”? Scripts using it stop working at once.`)) return;
    setPending(true);
    const result = await sendJson(`/api/tokens/${token.id}`, "DELETE");
    setPending(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  };
  return (
    <tr data-testid={`token-${token.prefix}`} className={token.status === "active" ? "" : "opacity-60"}>
      <td>{token.name}</td>
      {showUser && <td className="font-mono text-xs">{token.user.email}{isOwn && <span className="ml-1 text-stone-500">(you)</span>}</td>}
      <td className="font-mono text-xs">{token.prefix}…</td>
      <td className="font-mono text-xs">{token.scopes.join(", ")}</td>
      <td className="whitespace-nowrap text-xs">{formatDateTime(token.createdAt)}</td>
      <td className="whitespace-nowrap text-xs">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</td>
      <td className="whitespace-nowrap text-xs">{token.expiresAt ? formatDateTime(token.expiresAt) : "never"}</td>
      <td data-testid="token-status">{token.status}</td>
      <td>
        {token.status === "active" && (
          <button type="button" className="btn py-0.5" disabled={pending} onClick={() => void revoke()}>{pending ? "Revoking…" : "Revoke"}</button>
        )}
        {error && <p role="alert" className="text-xs text-red-700 dark:text-red-300">{error}</p>}
      </td>
    </tr>
  );
}
