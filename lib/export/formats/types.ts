// A format: a pure function from a frozen release item to one row, and the JSON Schema of that row.
import type { ReleaseRow } from "../model/release-row";
import type { JsonSchema } from "./json-schema-parts";

export const FORMAT_NAMES = ["native", "pipeline", "verl", "sft"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export type Format<Row = Record<string, unknown>> = {
  name: FormatName;
  /** one line for the dataset card */
  summary: string;
  toRow: (row: ReleaseRow) => Row;
  /** the row as one canonical JSON line without its newline, when the format has a faster way than canonicalJson(toRow(row)) */
  toLine?: (row: ReleaseRow) => string;
  jsonSchema: JsonSchema;
};
