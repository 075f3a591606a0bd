// Dedup key of a seed: sha256 of the normalised source identifier and problem text, so re-importing
// the same problem (modulo whitespace, LaTeX comments and line endings) is recognised.
import { createHash } from "node:crypto";

export function normaliseProblemText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/(^|[^\\])%.*$/gm, "$1") // LaTeX comments (an escaped \% is text)
    .replace(/\s+/g, " ")
    .trim();
}

export function seedContentHash(sourceIdentifier: string, problem: string): string {
  const key = `${sourceIdentifier.trim().toLowerCase()}\n${normaliseProblemText(problem)}`;
  return createHash("sha256").update(key, "utf8").digest("hex");
}
