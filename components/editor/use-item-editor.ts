"use client";
// The editor's working draft and its saving: the save machine (save-machine.ts) decides what is said and
// when autosave may send; this hook runs the requests, one at a time, and keeps the local browser draft
// (survives reload, crash, lost connection). Actions that need the text on the server (checks, compute
// expected, submit) call `flush`, which waits for a save in flight and saves again while the text differs.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { ItemView } from "@/lib/items/get-item";
import { pickFields, type ItemLimits } from "@/lib/items/schemas";
import { changedDraftKeys, checkDraft, draftFromFields, patchBetween, type DraftFields } from "@/lib/items/draft";
import { toIssueMap } from "./field-issues";
import { readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from "./local-draft";
import { itemApi, type ApiResult } from "./item-api";
import { autosaveDelay, initialSaveState, isLocked, isRefused, mayAutosave, saveLabel, saveReducer, type SaveEvent, type ServerCopy } from "./save-machine";

/** Most rounds `flush` saves while the user keeps typing, before it acts on what is saved. */
const MAX_FLUSH_ROUNDS = 5;

function serverCopyOf(item: ItemView): ServerCopy {
  return { fields: pickFields(item), version: item.version, status: item.status, fieldsHash: item.fieldsHash ?? null };
}

type Saved = { version: number; status: ItemView["status"]; fieldsHash: string };

export function useItemEditor(item: ItemView, limits: ItemLimits) {
  const [state, dispatch] = useReducer(saveReducer, item, (i) => initialSaveState(serverCopyOf(i)));
  const [draft, setDraftState] = useState<DraftFields>(() => draftFromFields(state.server.fields));
  const [recovered, setRecovered] = useState<LocalDraft | null>(() => {
    const local = readLocalDraft(item.id);
    return local && changedDraftKeys(local.draft, draftFromFields(serverCopyOf(item).fields)).length ? local : null;
  });

  // The async paths read the newest state and draft through refs (a save may finish after more typing).
  const stateRef = useRef(state);
  const draftRef = useRef(draft);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const send = useCallback((event: SaveEvent) => {
    stateRef.current = saveReducer(stateRef.current, event);
    dispatch(event);
  }, []);
  const setDraft = useCallback((d: DraftFields) => {
    draftRef.current = d;
    setDraftState(d);
  }, []);
  /** Change the draft from its newest value (for results that arrive after more typing). */
  const updateDraft = useCallback((change: (current: DraftFields) => DraftFields) => setDraft(change(draftRef.current)), [setDraft]);

  const serverDraft = useMemo(() => draftFromFields(state.server.fields), [state.server]);
  const dirty = useMemo(() => changedDraftKeys(draft, serverDraft).length > 0, [draft, serverDraft]);
  const checked = useMemo(() => checkDraft(draft, limits), [draft, limits]);
  const valid = checked.issues.length === 0;
  const issues = useMemo(() => toIssueMap([...checked.issues, ...(isRefused(state, draft) ? state.rejected!.issues : [])]), [checked.issues, state, draft]);
  const locked = isLocked(state);
  const canSave = item.canEdit && !locked;

  const handleFailure = useCallback((result: Exclude<ApiResult<unknown>, { ok: true }>, sent: DraftFields) => {
    if (result.kind === "offline") send({ type: "offline" });
    else if (result.kind === "conflict") send({ type: "conflict", current: result.current, message: result.message });
    else if (result.kind === "withdraw") send({ type: "withdraw-required", message: "This item was submitted for review since you loaded it: saving your changes withdraws it. Confirm to save them." });
    else if (result.kind === "invalid") {
      const message = result.issues.length ? "Not saved: the server refused some fields; they are marked." : `Not saved: ${result.message}`;
      send({ type: "rejected", draft: sent, issues: result.issues, message });
    } else send({ type: "failed", message: `Not saved: ${result.message} Your changes are kept in this browser; saving is retried.` });
  }, [send]);

  /** One PUT of what changed since the server copy; false when it could not be saved. */
  const saveOnce = useCallback(async (): Promise<boolean> => {
    const sent = draftRef.current;
    const { fields, issues: problems } = checkDraft(sent, limits);
    if (problems.length) return false; // marked at their fields; the toolbar says so
    const base = stateRef.current.server;
    const patch = patchBetween(base.fields, fields);
    if (Object.keys(patch).length === 0) return true;
    send({ type: "save-started" });
    const result = await itemApi.save(item.id, base.version, patch, stateRef.current.withdraw);
    if (!result.ok) {
      handleFailure(result, sent);
      return false;
    }
    send({ type: "saved", server: { fields: { ...base.fields, ...patch }, version: result.data.version, status: result.data.status, fieldsHash: result.data.fieldsHash } });
    return true;
  }, [item.id, limits, send, handleFailure]);

  /** Save now, unless a save is in flight (then that one is the answer). */
  const save = useCallback((): Promise<boolean> => {
    if (!item.canEdit || isLocked(stateRef.current)) return Promise.resolve(false);
    if (!inFlight.current) {
      inFlight.current = saveOnce().finally(() => {
        inFlight.current = null;
      });
    }
    return inFlight.current;
  }, [item.canEdit, saveOnce]);

  const hasUnsaved = useCallback(() => {
    const { fields } = checkDraft(draftRef.current, limits);
    return Object.keys(patchBetween(stateRef.current.server.fields, fields)).length > 0;
  }, [limits]);

  /** Everything typed is on the server: waits for a save in flight, then saves while the text differs. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let round = 0; round < MAX_FLUSH_ROUNDS; round++) {
      if (inFlight.current) await inFlight.current;
      if (!hasUnsaved()) return true;
      if (!(await save())) return false;
    }
    return !hasUnsaved();
  }, [hasUnsaved, save]);

  // Autosave shortly after typing stops; after a lost connection or a server error, retry after a pause.
  useEffect(() => {
    if (!item.canEdit || recovered || !mayAutosave(state, draft, { dirty, valid })) return;
    const t = setTimeout(() => void save(), autosaveDelay(state));
    return () => clearTimeout(t);
  }, [draft, dirty, valid, item.canEdit, recovered, save, state]);

  // The local draft follows every change; it is dropped once the server has everything.
  useEffect(() => {
    if (recovered) return; // never overwrite a draft the user has not decided about
    if (dirty) writeLocalDraft(item.id, { baseVersion: state.server.version, draft, savedAt: Date.now() });
    else removeLocalDraft(item.id);
  }, [draft, dirty, state.server.version, item.id, recovered]);

  const reload = useCallback(async () => {
    const result = await itemApi.get(item.id);
    if (!result.ok) return handleFailure(result, draftRef.current);
    const copy = serverCopyOf(result.data);
    send({ type: "loaded", server: copy });
    setDraft(draftFromFields(copy.fields));
  }, [item.id, handleFailure, send, setDraft]);

  /** Resolve a conflict: `merged` becomes the draft on top of the server's current version, and is saved. */
  const resolveConflict = useCallback((merged: DraftFields) => {
    const current = stateRef.current.conflict;
    if (!current) return;
    send({ type: "loaded", server: serverCopyOf(current) });
    setDraft(merged);
    setTimeout(() => void save(), 0);
  }, [save, send, setDraft]);

  const restoreLocal = useCallback(() => {
    if (!recovered) return;
    // The recovered text is based on an older version; saving it against that version surfaces any conflict.
    send({ type: "loaded", server: { ...stateRef.current.server, version: recovered.baseVersion } });
    setDraft(recovered.draft);
    setRecovered(null);
  }, [recovered, send, setDraft]);

  const discardLocal = useCallback(() => {
    removeLocalDraft(item.id);
    setRecovered(null);
  }, [item.id]);

  const confirmWithdraw = useCallback(() => send({ type: "withdraw-confirmed" }), [send]);
  /** The draft and version as last saved by `flush` (what an action on the server sees). */
  const snapshot = useCallback(() => ({ draft: draftRef.current, version: stateRef.current.server.version }), []);

  /** Saves what is typed, then runs a versioned action (submit, restore) and reloads; the failure when it fails. */
  const runVersioned = useCallback(async (call: (version: number) => Promise<ApiResult<Saved>>): Promise<Exclude<ApiResult<Saved>, { ok: true }> | null> => {
    if (!(await flush())) return { ok: false, kind: "error", message: "Your changes could not be saved first (see above)." };
    const result = await call(stateRef.current.server.version);
    if (!result.ok) {
      if (result.kind === "conflict" || result.kind === "offline") handleFailure(result, draftRef.current);
      return result;
    }
    await reload();
    return null;
  }, [flush, reload, handleFailure]);

  const submit = useCallback(() => runVersioned((v) => itemApi.submit(item.id, v)), [runVersioned, item.id]);
  /** A reviewer's suggested replacement, applied on the server as this author's next version. */
  const applySuggestion = useCallback((commentId: string) => runVersioned((v) => itemApi.applySuggestion(item.id, commentId, v)), [runVersioned, item.id]);
  const restoreRevision = useCallback(
    async (revision: number) => (await runVersioned((v) => itemApi.restore(item.id, revision, v, stateRef.current.withdraw))) === null,
    [runVersioned, item.id],
  );

  return {
    draft, setDraft, updateDraft, fields: checked.fields, server: state.server, dirty, issues, valid, locked, canSave,
    saveLabel: saveLabel(state, draft, { dirty, valid }), message: state.message, conflict: state.conflict,
    resolveConflict, recovered, restoreLocal, discardLocal, confirmWithdraw, save, flush, submit, restoreRevision, snapshot, applySuggestion,
  };
}
