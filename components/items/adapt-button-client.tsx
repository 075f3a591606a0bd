"use client";
// "Adapt": create a DRAFT item from the seed (POST /api/items) and open it in the editor.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function AdaptButton({ seedId }: { seedId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const adapt = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/items", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seedId }) });
      const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
      if (!response.ok || !body.id) throw new Error(body.error ?? `The server answered ${response.status}.`);
      router.push(`/items/${body.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <span className="flex items-center gap-2">
      {error && <span className="text-sm text-red-700 dark:text-red-300" data-testid="adapt-error">{error}</span>}
      <button type="button" className="btn-primary" onClick={() => void adapt()} disabled={busy} data-testid="adapt-seed">
        {busy ? "Creating…" : "Adapt"}
      </button>
    </span>
  );
}
