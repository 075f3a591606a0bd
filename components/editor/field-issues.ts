// Field-level messages keyed by dotted path ("answerSpec.arguments.1.name", "testCases.0.inputs.g").
import type { FieldIssue } from "@/lib/items/draft";

export type IssueMap = Record<string, string>;

export function toIssueMap(issues: FieldIssue[]): IssueMap {
  const map: IssueMap = {};
  for (const i of issues) {
    const key = i.path.join(".");
    if (!(key in map)) map[key] = i.message;
  }
  return map;
}

/** Messages at `prefix` or below it. */
export function issuesUnder(map: IssueMap, prefix: string): string[] {
  return Object.entries(map)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .map(([, m]) => m);
}
