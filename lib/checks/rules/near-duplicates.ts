// Statements of other items that read almost the same (PostgreSQL pg_trgm similarity), with links. A warning.
import { pass, type Check } from "../types";

export const nearDuplicates: Check = {
  id: "near-duplicates",
  title: "Near-duplicate items",
  blocking: false,
  run: ({ nearDuplicates }) =>
    nearDuplicates.length === 0
      ? [pass("No other item has a similar statement.")]
      : [{
          status: "fail",
          message: `${nearDuplicates.length} other item${nearDuplicates.length > 1 ? "s have" : " has"} a similar statement (up to ${Math.round(nearDuplicates[0].similarity * 100)}% trigram similarity).`,
          field: "statement",
          links: nearDuplicates.map((d) => ({ href: `/items/${d.id}`, label: `${Math.round(d.similarity * 100)}% · ${d.excerpt}` })),
        }],
};
