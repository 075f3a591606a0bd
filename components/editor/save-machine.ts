// The editor's save machine as explicit states and events (a reducer), so what the toolbar says and whether
// autosave may send are read off one state instead of refs and flags. Pure.
//
//   idle ──save-started──▶ saving ──saved──▶ idle
//                            ├──offline──▶ offline   (autosave retries after a pause)
//                            ├──failed───▶ failed    (a server error: retried after a pause)
//                            ├──conflict─▶ conflict  (409: the conflict view decides; nothing is sent meanwhile)
//                            └──rejected─▶ rejected  (422/413: never re-sent until the text changes)
//   any ──loaded──▶ idle (reload, conflict resolved, revision restored)
// A SUBMITTED item is locked until the user confirms that editing withdraws it (withdraw-confirmed); a
// save the server refuses for that reason (withdraw-required) locks it again.
import type { ItemView } from "@/lib/items/get-item";
import type { ItemFields } from "@/lib/items/schemas";
import type { DraftFields, FieldIssue } from "@/lib/items/draft";

export const AUTOSAVE_MS = 2000;
export const RETRY_MS = 5000;

export type ItemStatus = ItemView["status"];
export type ServerCopy = { fields: ItemFields; version: number; status: ItemStatus; fieldsHash: string | null };
export type SavePhase = "idle" | "saving" | "offline" | "failed" | "conflict" | "rejected";

export type SaveState = {
  phase: SavePhase;
  /** the last version the server confirmed */
  server: ServerCopy;
  message: string | null;
  /** the draft the server refused and why (phase "rejected") */
  rejected: { draft: DraftFields; issues: FieldIssue[] } | null;
  /** the item as the server has it now (phase "conflict") */
  conflict: ItemView | null;
  /** the user confirmed that saving this SUBMITTED item withdraws it from review */
  withdraw: boolean;
};

export type SaveEvent =
  | { type: "save-started" }
  | { type: "saved"; server: ServerCopy }
  | { type: "offline" }
  | { type: "failed"; message: string }
  | { type: "conflict"; current: ItemView; message: string }
  | { type: "rejected"; draft: DraftFields; issues: FieldIssue[]; message: string }
  | { type: "withdraw-required"; message: string }
  | { type: "withdraw-confirmed" }
  | { type: "loaded"; server: ServerCopy };

export const OFFLINE_MESSAGE = "No connection. Your changes are kept in this browser and will be saved when it is back.";

export function initialSaveState(server: ServerCopy): SaveState {
  return { phase: "idle", server, message: null, rejected: null, conflict: null, withdraw: false };
}

/** The confirmation lasts while the item stays submitted; once a save has withdrawn it, it is spent. */
const keepWithdraw = (state: SaveState, server: ServerCopy) => server.status === "SUBMITTED" && state.withdraw;

export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case "save-started":
      return { ...state, phase: "saving" };
    case "saved":
      return { ...state, phase: "idle", server: event.server, message: null, rejected: null, withdraw: keepWithdraw(state, event.server) };
    case "offline":
      return { ...state, phase: "offline", message: OFFLINE_MESSAGE };
    case "failed":
      return { ...state, phase: "failed", message: event.message };
    case "conflict":
      return { ...state, phase: "conflict", conflict: event.current, message: event.message };
    case "rejected":
      return { ...state, phase: "rejected", rejected: { draft: event.draft, issues: event.issues }, message: event.message };
    case "withdraw-required":
      return { ...state, phase: "idle", server: { ...state.server, status: "SUBMITTED" }, withdraw: false, message: event.message };
    case "withdraw-confirmed":
      return { ...state, withdraw: true, message: null };
    case "loaded":
      return { ...state, phase: "idle", server: event.server, conflict: null, rejected: null, message: null, withdraw: keepWithdraw(state, event.server) };
  }
}

/** Submitted for review, and the user has not confirmed that editing withdraws it: the fields are read-only. */
export function isLocked(state: SaveState): boolean {
  return state.server.status === "SUBMITTED" && !state.withdraw;
}

/** Whether the server refused exactly this draft (so it is not sent again, and its issues still apply). */
export function isRefused(state: SaveState, draft: DraftFields): boolean {
  return state.phase === "rejected" && state.rejected?.draft === draft;
}

/** Whether autosave may send `draft` now (`valid`: the browser found nothing that stops the save). */
export function mayAutosave(state: SaveState, draft: DraftFields, { dirty, valid }: { dirty: boolean; valid: boolean }): boolean {
  if (!dirty || !valid || isLocked(state)) return false;
  if (state.phase === "saving" || state.phase === "conflict") return false;
  return !isRefused(state, draft);
}

export function autosaveDelay(state: SaveState): number {
  return state.phase === "offline" || state.phase === "failed" ? RETRY_MS : AUTOSAVE_MS;
}

export type SaveLabel = { key: "saved" | "dirty" | "saving" | "invalid" | "offline" | "conflict" | "rejected" | "failed"; text: string };

/** What the toolbar says about saving. */
export function saveLabel(state: SaveState, draft: DraftFields, { dirty, valid }: { dirty: boolean; valid: boolean }): SaveLabel {
  if (state.phase === "saving") return { key: "saving", text: "Saving…" };
  if (state.phase === "conflict") return { key: "conflict", text: "Conflict: choose what to keep" };
  if (state.phase === "offline") return { key: "offline", text: "Offline: kept in this browser" };
  if (isRefused(state, draft)) return { key: "rejected", text: "Not saved: the server refused it" };
  if (dirty && !valid) return { key: "invalid", text: "Not saved: fix the marked fields" };
  if (state.phase === "failed" && dirty) return { key: "failed", text: "Not saved yet: retrying" };
  if (dirty) return { key: "dirty", text: "Unsaved changes" };
  return { key: "saved", text: "All changes saved" };
}
