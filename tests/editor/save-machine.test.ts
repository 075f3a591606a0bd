// The editor's save machine, event by event: what the toolbar says and whether autosave may send.
import { describe, expect, it } from "vitest";
import { draftFromFields } from "../../lib/items/draft";
import { GOOD_ITEM } from "../support/item-fixtures";
import { initialSaveState, isLocked, mayAutosave, saveLabel, saveReducer, type SaveEvent, type SaveState, type ServerCopy } from "../../components/editor/save-machine";

const server: ServerCopy = { fields: GOOD_ITEM, version: 2, status: "DRAFT", fieldsHash: "h2" };
const typed = { ...draftFromFields(GOOD_ITEM), statement: "x".repeat(10) };
const run = (...events: SaveEvent[]): SaveState => events.reduce(saveReducer, initialSaveState(server));
const dirty = { dirty: true, valid: true };

describe("save machine", () => {
  it("saves, and says so", () => {
    expect(saveLabel(run(), typed, dirty).text).toBe("Unsaved changes");
    expect(saveLabel(run({ type: "save-started" }), typed, dirty).text).toBe("Saving…");
    const saved = run({ type: "save-started" }, { type: "saved", server: { ...server, version: 3 } });
    expect(saveLabel(saved, typed, { dirty: false, valid: true }).text).toBe("All changes saved");
    expect(saved.server.version).toBe(3);
  });

  it("never re-sends a draft the server refused (422) until the text changes", () => {
    const refused = run({ type: "save-started" }, { type: "rejected", draft: typed, issues: [{ path: ["statement"], message: "Too long" }], message: "Not saved" });
    expect(mayAutosave(refused, typed, dirty)).toBe(false);
    expect(saveLabel(refused, typed, dirty).text).toBe("Not saved: the server refused it");
    const edited = { ...typed, statement: "shorter" };
    expect(mayAutosave(refused, edited, dirty)).toBe(true);
    expect(saveLabel(refused, edited, dirty).text).toBe("Unsaved changes");
  });

  it("does not send what the browser already knows the server would refuse", () => {
    expect(mayAutosave(run(), typed, { dirty: true, valid: false })).toBe(false);
    expect(saveLabel(run(), typed, { dirty: true, valid: false }).text).toBe("Not saved: fix the marked fields");
  });

  it("sends nothing while a save is in flight or a conflict waits for a decision; retries after a lost connection", () => {
    expect(mayAutosave(run({ type: "save-started" }), typed, dirty)).toBe(false);
    expect(mayAutosave(run({ type: "save-started" }, { type: "conflict", current: {} as never, message: "409" }), typed, dirty)).toBe(false);
    const offline = run({ type: "save-started" }, { type: "offline" });
    expect(mayAutosave(offline, typed, dirty)).toBe(true);
    expect(saveLabel(offline, typed, dirty).text).toBe("Offline: kept in this browser");
  });

  it("locks a submitted item until editing is confirmed to withdraw it, and only for that submission", () => {
    const submitted = saveReducer(run(), { type: "loaded", server: { ...server, status: "SUBMITTED", version: 3 } });
    expect(isLocked(submitted)).toBe(true);
    expect(mayAutosave(submitted, typed, dirty)).toBe(false);
    const confirmed = saveReducer(submitted, { type: "withdraw-confirmed" });
    expect([isLocked(confirmed), mayAutosave(confirmed, typed, dirty), confirmed.withdraw]).toEqual([false, true, true]);
    // The save withdrew it: the confirmation is spent.
    const withdrawn = saveReducer(confirmed, { type: "saved", server: { ...server, version: 4, status: "DRAFT" } });
    expect(withdrawn.withdraw).toBe(false);
    // Submitted elsewhere meanwhile: the server refuses the silent withdrawal, and the editor asks.
    const elsewhere = saveReducer(run(), { type: "withdraw-required", message: "ask" });
    expect([isLocked(elsewhere), elsewhere.message]).toEqual([true, "ask"]);
  });
});
