import { describe, expect, it } from "vitest";
import { groupRevisions } from "./revision-groups";
import type { RevisionSummary } from "./revisions";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 14, 0) + minutes * 60_000).toISOString();
const rev = (version: number, minutes: number, editorId = "alice", status = "DRAFT"): RevisionSummary => ({ version, status, editorId, editor: editorId, createdAt: at(minutes) });

describe("groupRevisions", () => {
  it("makes consecutive autosaves of one editor one entry, keeping every version", () => {
    // Twelve autosaves in two minutes.
    const saves = Array.from({ length: 12 }, (_, i) => rev(i + 1, i * 0.17)).reverse();
    const groups = groupRevisions(saves);
    expect(groups).toHaveLength(1);
    expect(groups[0].revisions.map((r) => r.version)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect([groups[0].newest.version, groups[0].oldest.version]).toEqual([12, 1]);
  });

  it("starts a new entry for another editor, a status change or a pause", () => {
    const list = [rev(6, 40), rev(5, 10, "alice", "SUBMITTED"), rev(4, 9), rev(3, 8, "bob"), rev(2, 1), rev(1, 0)];
    expect(groupRevisions(list).map((g) => g.revisions.map((r) => r.version))).toEqual([[6], [5], [4], [3], [2, 1]]);
  });
});
