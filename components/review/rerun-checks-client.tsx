"use client";
// Re-run every check on the item's current version (the result replaces the one shown).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";

export function RerunChecksButton({ itemId }: { itemId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const result = await sendJson(`/api/items/${itemId}/checks`, "POST");
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  };
  return (
    <span className="flex items-center gap-2">
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
      <button type="button" className="btn py-0.5" onClick={() => void run()} disabled={busy} data-testid="rerun-checks">{busy ? "Running…" : "Re-run checks"}</button>
    </span>
  );
}
