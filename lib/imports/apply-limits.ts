// Imported seeds and items meet the same size limits as items saved in the editor (lib/items/limits.ts): a seed
// too long to become an item's statement, or a pipeline item whose fields would be refused on save, is
// reported where it was found and not imported (a 1 MB seed once became a 999,010-character statement). Pure.
import { seedOverLimits, type ItemLimits } from "../items/limits";
import { FIELD_LABELS, itemPatchSchema, type ItemFields } from "../items/schemas";
import type { ParsedFile, RowError } from "./types";

/** Where a seed was found, from its location ("pairs.yaml document 3", "pset.tex:120", "rows.jsonl row 4"). */
function placeOf(file: string, location: string | null): RowError {
  const line = /:(\d+)$/.exec(location ?? "");
  const document = /(?:document|row) (\d+)$/.exec(location ?? "");
  return { file, line: line ? Number(line[1]) : null, ...(document ? { document: Number(document[1]) } : {}), message: "" };
}

export function applyItemLimits(file: ParsedFile, limits: ItemLimits): ParsedFile {
  const errors: RowError[] = [];
  const kept = file.seeds.map((seed) => {
    const problem = seedOverLimits(seed, limits);
    if (problem) errors.push({ ...placeOf(file.file, seed.location), message: `${seed.location ?? "a seed"}: ${problem}; not imported` });
    return !problem;
  });
  let next = 0;
  const newIndex = kept.map((keep) => (keep ? next++ : -1));
  const schema = itemPatchSchema(limits);
  const items = file.items.flatMap((item) => {
    if (!kept[item.seedIndex]) return [];
    const { seedIndex, ...fields } = item;
    const checked = schema.safeParse(fields satisfies Partial<ItemFields>);
    if (!checked.success) {
      const seed = file.seeds[seedIndex];
      const issue = checked.error.issues[0];
      const field = FIELD_LABELS[issue.path[0] as keyof ItemFields] ?? String(issue.path[0]);
      errors.push({ ...placeOf(file.file, seed.location), message: `${seed.location ?? "an item"}: ${field}${issue.path.length > 1 ? ` (${issue.path.slice(1).join(".")})` : ""}: ${issue.message} The item is not imported (its seed is).` });
      return [];
    }
    return [{ ...item, seedIndex: newIndex[seedIndex] }];
  });
  if (!errors.length) return file;
  return { ...file, seeds: file.seeds.filter((_, i) => kept[i]), items, errors: [...file.errors, ...errors] };
}
