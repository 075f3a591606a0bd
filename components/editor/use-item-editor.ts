"use client";
// The editor's state machine: the working draft, the last saved server copy, autosave, the local browser
// draft (survives reload, crash, lost connection), conflicts (409) and field errors (422).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ItemView } from "@/lib/items/get-item";
import { pickFields, type ItemFields } from "@/lib/items/schemas";
import { changedDraftKeys, draftFromFields, fieldsFromDraft, patchBetween, type DraftFields, type FieldIssue } from "@/lib/items/draft";
import { toIssueMap } from "./field-issues";
import { readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from "./local-draft";
import { itemApi, type ApiResult } from "./item-api";

export const AUTOSAVE_MS = 2000;
const RETRY_MS = 5000;

export type SaveState = "saved" | "dirty" | "saving" | "invalid" | "offline" | "conflict" | "error";
type ServerCopy = { fields: ItemFields; version: number; status: ItemView["status"] };

function serverCopyOf(item: ItemView): ServerCopy {
  return { fields: pickFields(item), version: item.version, status: item.status };
}

export function useItemEditor(item: ItemView) {
  const [server, setServerState] = useState<ServerCopy>(() => serverCopyOf(item));
  const [draft, setDraftState] = useState<DraftFields>(() => draftFromFields(server.fields));
  const [recovered, setRecovered] = useState<LocalDraft | null>(() => {
    const local = readLocalDraft(item.id);
    return local && changedDraftKeys(local.draft, draftFromFields(serverCopyOf(item).fields)).length ? local : null;
  });
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [conflict, setConflict] = useState<ItemView | null>(null);

  // Refs hold the latest values for the async save path (a save may finish after more typing).
  const serverRef = useRef(server);
  const draftRef = useRef(draft);
  const inFlight = useRef(false);
  const again = useRef(false);
  const setServer = (s: ServerCopy) => {
    serverRef.current = s;
    setServerState(s);
  };
  const setDraft = useCallback((d: DraftFields) => {
    draftRef.current = d;
    setDraftState(d);
    setServerIssues([]);
  }, []);

  const serverDraft = useMemo(() => draftFromFields(server.fields), [server]);
  const dirty = useMemo(() => changedDraftKeys(draft, serverDraft).length > 0, [draft, serverDraft]);
  const clientIssues = useMemo(() => fieldsFromDraft(draft).issues, [draft]);
  const issues = useMemo(() => toIssueMap([...clientIssues, ...serverIssues]), [clientIssues, serverIssues]);

  const handleFailure = useCallback((result: Exclude<ApiResult<unknown>, { ok: true }>) => {
    if (result.kind === "offline") {
      setSaveState("offline");
      setMessage("No connection. Your changes are kept in this browser and will be saved when it is back.");
    } else if (result.kind === "conflict") {
      setConflict(result.current);
      setSaveState("conflict");
      setMessage(result.message);
    } else if (result.kind === "invalid") {
      setServerIssues(result.issues);
      setSaveState("invalid");
      setMessage(result.message);
    } else {
      setSaveState("error");
      setMessage(result.message);
    }
  }, []);

  /** One PUT of what changed since the server copy; false when nothing could be saved. */
  const saveOnce = useCallback(async (): Promise<boolean> => {
    const { fields, issues: problems } = fieldsFromDraft(draftRef.current);
    if (problems.length) {
      setSaveState("invalid");
      setMessage(`Not saved yet: ${problems.length} field${problems.length > 1 ? "s need" : " needs"} fixing (kept in this browser meanwhile).`);
      return false;
    }
    const base = serverRef.current;
    const patch = patchBetween(base.fields, fields);
    if (Object.keys(patch).length === 0) {
      setSaveState("saved");
      return true;
    }
    setSaveState("saving");
    const result = await itemApi.save(item.id, base.version, patch);
    if (result.ok) {
      setServer({ fields: { ...base.fields, ...patch }, version: result.data.version, status: result.data.status });
      setSaveState("saved");
      setMessage(null);
    } else handleFailure(result);
    return result.ok;
  }, [item.id, handleFailure]);

  /** Save now; a save asked for while one is running follows it (one request at a time). */
  const save = useCallback(async (): Promise<boolean> => {
    if (!item.canEdit) return false;
    if (inFlight.current) {
      again.current = true;
      return false;
    }
    inFlight.current = true;
    let ok = false;
    try {
      do {
        again.current = false;
        ok = await saveOnce();
      } while (again.current && ok);
    } finally {
      inFlight.current = false;
    }
    return ok;
  }, [item.canEdit, saveOnce]);

  // Autosave shortly after typing stops; retry while offline.
  useEffect(() => {
    if (!dirty || !item.canEdit || conflict || recovered) return;
    const t = setTimeout(() => void save(), saveState === "offline" ? RETRY_MS : AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [draft, dirty, item.canEdit, conflict, recovered, save, saveState]);

  // The local draft follows every change; it is dropped once the server has everything.
  useEffect(() => {
    if (recovered) return; // never overwrite a draft the user has not decided about
    if (dirty) writeLocalDraft(item.id, { baseVersion: server.version, draft, savedAt: Date.now() });
    else removeLocalDraft(item.id);
  }, [draft, dirty, server.version, item.id, recovered]);

  const reload = useCallback(async () => {
    const result = await itemApi.get(item.id);
    if (!result.ok) return handleFailure(result);
    const copy = serverCopyOf(result.data);
    setServer(copy);
    setDraft(draftFromFields(copy.fields));
    setSaveState("saved");
  }, [item.id, handleFailure, setDraft]);

  /** Resolve a conflict: `merged` becomes the draft on top of the server's current version, and is saved. */
  const resolveConflict = useCallback((merged: DraftFields) => {
    if (!conflict) return;
    setServer(serverCopyOf(conflict));
    setDraft(merged);
    setConflict(null);
    setMessage(null);
    setSaveState("dirty");
    setTimeout(() => void save(), 0);
  }, [conflict, save, setDraft]);

  const restoreLocal = useCallback(() => {
    if (!recovered) return;
    // The recovered text is based on an older version; saving it against that version surfaces any conflict.
    setServer({ ...serverRef.current, version: recovered.baseVersion });
    setDraft(recovered.draft);
    setRecovered(null);
  }, [recovered, setDraft]);

  const discardLocal = useCallback(() => {
    removeLocalDraft(item.id);
    setRecovered(null);
  }, [item.id]);

  const runVersioned = useCallback(async (call: (version: number) => Promise<ApiResult<{ version: number; status: ItemView["status"] }>>) => {
    if (dirty && !(await save())) return false;
    const result = await call(serverRef.current.version);
    if (!result.ok) {
      handleFailure(result);
      return false;
    }
    await reload();
    return true;
  }, [dirty, save, reload, handleFailure]);

  const submit = useCallback(() => runVersioned((v) => itemApi.submit(item.id, v)), [runVersioned, item.id]);
  const restoreRevision = useCallback((revision: number) => runVersioned((v) => itemApi.restore(item.id, revision, v)), [runVersioned, item.id]);

  return {
    draft, setDraft, server, dirty, issues, saveState: dirty && saveState === "saved" ? "dirty" : saveState, message, setMessage,
    conflict, resolveConflict, recovered, restoreLocal, discardLocal, save, submit, restoreRevision,
  };
}
