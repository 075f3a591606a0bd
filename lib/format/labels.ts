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
