"use client";
// "Claim next": take the oldest new unassigned seed and open it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";

export function ClaimNextButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const claim = async () => {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ seed: { id: string } | null; reason?: string }>("/api/seeds/claim-next", "POST", {});
    setBusy(false);
    if (!result.ok) setMessage({ ok: false, text: result.error });
    else if (!result.data.seed) setMessage({ ok: true, text: result.data.reason ?? "Nothing left to claim." });
    else router.push(`/seeds/${result.data.seed.id}`);
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn-primary" onClick={() => void claim()} disabled={busy} data-testid="claim-next">{busy ? "Claiming…" : "Claim next"}</button>
      {message && <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-stone-600 dark:text-stone-300" : "text-red-700 dark:text-red-300"}`} data-testid="claim-message">{message.text}</span>}
    </span>
  );
}
