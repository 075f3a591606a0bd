// The copy of unsaved work kept in this browser (localStorage), per item. Reading is defensive: a
// corrupt or foreign entry is ignored, never trusted.
import type { DraftFields } from "@/lib/items/draft";

export type LocalDraft = { baseVersion: number; draft: DraftFields; savedAt: number };

const key = (itemId: string) => `fieldwork:item-draft:${itemId}`;

export function readLocalDraft(itemId: string): LocalDraft | null {
  if (typeof window === "undefined") return null;
  try {
    const value = JSON.parse(window.localStorage.getItem(key(itemId)) ?? "null") as LocalDraft | null;
    if (!value || typeof value.baseVersion !== "number" || !value.draft || typeof value.draft.statement !== "string" || !Array.isArray(value.draft.testRows)) return null;
    return value;
  } catch {
    return null;
  }
}

export function writeLocalDraft(itemId: string, value: LocalDraft): void {
  try {
    window.localStorage.setItem(key(itemId), JSON.stringify(value));
  } catch {
    // Storage full or disabled: the server copy and autosave still protect the work.
  }
}

export function removeLocalDraft(itemId: string): void {
  try {
    window.localStorage.removeItem(key(itemId));
  } catch {
    // ignore
  }
}
