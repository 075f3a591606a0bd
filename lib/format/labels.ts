// Words for stored values, the one way every screen shows them: enum values as a sentence-case phrase
// ("ADVANCED_UNDERGRADUATE" → "Advanced undergraduate") and dates and times in one format
// ("3 Dec 2026, 14:05", the reader's time zone). Pure; shared by server and browser code.

export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });

export function formatDateTime(value: string | number | Date): string {
  return DATE_TIME.format(new Date(value));
}

/** A span of time: "3 Dec 2026, 14:05–14:09" on one day, both full dates otherwise. */
export function formatDateTimeRange(from: string | number | Date, to: string | number | Date): string {
  const a = new Date(from);
  const b = new Date(to);
  if (formatDateTime(a) === formatDateTime(b)) return formatDateTime(a); // within one minute
  if (a.toDateString() === b.toDateString()) return `${formatDateTime(a)}–${TIME.format(b)}`;
  return `${formatDateTime(a)} – ${formatDateTime(b)}`;
}

/** How long ago, in words: "just now", "5 min", "3 h", "2 days" (for queues: how long something waited). */
export function formatAge(value: string | number | Date, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(value).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
