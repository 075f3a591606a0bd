// What to call an item in lists and queues: its seed's title, else the statement's first sentence. Pure.
const MAX = 120;

export function itemTitle(seedTitle: string | null | undefined, statement: string): string {
  const title = seedTitle?.trim();
  if (title) return title;
  const text = statement.replace(/\s+/g, " ").trim();
  if (!text) return "Untitled item";
  // The first sentence: up to a full stop, question or exclamation mark followed by a space (not inside $…$).
  let inMath = false;
  for (let i = 0; i < text.length && i < MAX; i++) {
    const c = text[i];
    if (c === "$" && text[i - 1] !== "\\") inMath = !inMath;
    if (!inMath && (c === "." || c === "?" || c === "!") && (i + 1 === text.length || text[i + 1] === " ")) return text.slice(0, i + 1);
  }
  return text.length > MAX ? `${text.slice(0, MAX).trimEnd()}…` : text;
}
