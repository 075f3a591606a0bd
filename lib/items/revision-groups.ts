// The history as a person reads it: every saved version is kept, but consecutive saves of one editor a few
// minutes apart (autosave every few seconds) are one entry, "versions 4–12 · 9 saves". A change of editor,
// of status (a submit) or a pause longer than the window starts a new entry. Pure.
import type { RevisionSummary } from "./revisions";

export const REVISION_GROUP_WINDOW_MS = 5 * 60_000;

/** Newest first, like the list it is made from; `revisions` of each group newest first too. */
export type RevisionGroup = { newest: RevisionSummary; oldest: RevisionSummary; revisions: RevisionSummary[] };

export function groupRevisions(newestFirst: RevisionSummary[], windowMs = REVISION_GROUP_WINDOW_MS): RevisionGroup[] {
  const groups: RevisionGroup[] = [];
  for (const revision of newestFirst) {
    const group = groups[groups.length - 1];
    const later = group?.oldest;
    const joins =
      later !== undefined &&
      later.editorId !== null &&
      later.editorId === revision.editorId &&
      later.status === revision.status &&
      Date.parse(later.createdAt) - Date.parse(revision.createdAt) <= windowMs;
    if (joins) {
      group.revisions.push(revision);
      group.oldest = revision;
    } else groups.push({ newest: revision, oldest: revision, revisions: [revision] });
  }
  return groups;
}
