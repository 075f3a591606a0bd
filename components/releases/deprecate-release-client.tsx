"use client";
// Mark a release deprecated with a reason (it stays downloadable; nothing else changes).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";

export function DeprecateRelease({ name }: { name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!open) return <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="deprecate-release">Deprecate…</button>;
  const submit = async () => {
    const result = await sendJson(`/api/releases/${encodeURIComponent(name)}`, "PATCH", { deprecationReason: reason });
    if (!result.ok) return setError(result.error);
    setOpen(false);
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input value={reason} onChange={(e) => setReason(e.target.value)} className="input w-72" placeholder="Why (shown on the release)" aria-label="Reason for deprecating" />
      <button type="button" className="btn-primary" onClick={submit} disabled={!reason.trim()}>Deprecate</button>
      <button type="button" className="btn" onClick={() => setOpen(false)}>Cancel</button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
