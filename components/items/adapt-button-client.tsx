"use client";
// "Adapt": create a DRAFT item from the seed (POST /api/items) and open it in the editor.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";

export function AdaptButton({ seedId }: { seedId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const adapt = async () => {
    setBusy(true);
    setError(null);
    const result = await sendJson<{ id: string }>("/api/items", "POST", { seedId });
    if (result.ok) {
      router.push(`/items/${result.data.id}`);
      return;
    }
    setError(result.error);
    setBusy(false);
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
