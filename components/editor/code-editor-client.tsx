"use client";
// CodeMirror 6, configured for LaTeX (the stex mode) or Python. The document is the source of truth while
// the user types; a `value` that changes from outside (restore, conflict resolution) replaces it.
import { useEffect, useRef } from "react";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExt, lineNumbers, highlightActiveLine } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { StreamLanguage, bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { stex } from "@codemirror/legacy-modes/mode/stex";
import { python } from "@codemirror/lang-python";

type Props = {
  value: string;
  onChange: (value: string) => void;
  language: "latex" | "python";
  label: string;
  readOnly?: boolean;
  placeholder?: string;
  testId?: string;
  invalid?: boolean;
};

// Open editors by test id, so a check result can put the cursor where its error is.
const VIEWS = new Map<string, EditorView>();

/** Focus the editor `id` at a 1-based line and column (clamped to the document). */
export function focusEditor(id: string, line: number, column = 1): boolean {
  const view = VIEWS.get(id);
  if (!view) return false;
  const doc = view.state.doc;
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
  return true;
}

const THEME = EditorView.theme({
  // A long text scrolls inside its field, so the field (and its messages at the top) stays on screen.
  "&": { fontSize: "13px", backgroundColor: "transparent", maxHeight: "60vh" },
  ".cm-scroller": { overflow: "auto" },
  ".cm-content": { fontFamily: "var(--font-mono, ui-monospace, monospace)", minHeight: "4.5rem" },
  ".cm-gutters": { backgroundColor: "transparent", border: "none", color: "#a8a29e" },
  "&.cm-focused": { outline: "none" },
});

export function CodeEditor({ value, onChange, language, label, readOnly = false, placeholder, testId, invalid }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const extensions = [
      history(),
      // Ctrl/⌘+Enter runs the checks (the editor's shortcut), so it must not also insert a line here.
      keymap.of([...defaultKeymap.filter((b) => b.key !== "Mod-Enter"), ...historyKeymap, indentWithTab]),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      bracketMatching(),
      THEME,
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorState.readOnly.of(readOnly),
      EditorView.editable.of(!readOnly),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChangeRef.current(update.state.doc.toString());
      }),
      ...(placeholder ? [placeholderExt(placeholder)] : []),
      ...(language === "latex"
        ? [StreamLanguage.define(stex), EditorView.lineWrapping]
        : [python(), lineNumbers(), highlightActiveLine(), indentOnInput(), indentUnit.of("    ")]), // PEP 8: four spaces
    ];
    const v = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions }) });
    view.current = v;
    if (testId) VIEWS.set(testId, v);
    return () => {
      if (testId && VIEWS.get(testId) === v) VIEWS.delete(testId);
      v.destroy();
      view.current = null;
    };
    // The editor is created once per language/read-only mode; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, readOnly, label, placeholder, testId]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  return (
    <div
      ref={host}
      data-testid={testId}
      className={`rounded-md border bg-white px-1 py-0.5 focus-within:ring-2 focus-within:ring-sky-500/40 dark:bg-stone-950 ${
        invalid ? "border-red-500" : "border-stone-300 dark:border-stone-700"
      }`}
    />
  );
}
