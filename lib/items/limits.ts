// The size limits of an item's fields, defined once: saving an item, adapting a seed into one, and importing
// seeds and pipeline items all check against them (ITEM_MAX_TEXT_CHARS, ITEM_MAX_TEST_CASES; the server
// reads them with getItemLimits). Pure.
export type ItemLimits = { maxTextChars: number; maxTestCases: number };

/** Topic, location in source, license. */
export const SHORT_TEXT_CHARS = 500;

/** Why a seed could not become an item's starting text (its problem is the statement, its solution the
 * solution, its location the location in source), or null. */
export function seedOverLimits(seed: { problem: string; solution: string | null; location: string | null }, limits: ItemLimits): string | null {
  const over = (what: string, value: string, max: number, setting: string) =>
    value.length > max ? `${what} has ${value.length.toLocaleString("en")} characters, over the limit of ${max.toLocaleString("en")}${setting}` : null;
  const setting = " (ITEM_MAX_TEXT_CHARS)";
  return (
    over("the problem", seed.problem, limits.maxTextChars, setting) ??
    over("the solution", seed.solution ?? "", limits.maxTextChars, setting) ??
    over("the location", seed.location ?? "", SHORT_TEXT_CHARS, "")
  );
}
