// Dates and ages as people read them, one format across the app. Pure (server and browser).

/** "2026-12-01 14:05 UTC" */
export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "just now", "5 min", "3 h", "2 days" since `iso`, as of `now`. */
export function formatAge(iso: string | Date, now: Date = new Date()): string {
  const ms = now.getTime() - (typeof iso === "string" ? new Date(iso) : iso).getTime();
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** "ADVANCED_UNDERGRADUATE" → "Advanced undergraduate" */
export function enumWords(value: string | null | undefined): string {
  if (!value) return "";
  const words = value.replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
