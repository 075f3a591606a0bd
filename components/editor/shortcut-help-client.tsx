"use client";
// The keyboard shortcuts, opened with "?". The list is the one the editor binds (SHORTCUTS).

export const SHORTCUTS = [
  { keys: "Ctrl/⌘ + S", action: "Save now (autosave runs 2 s after you stop typing)" },
  { keys: "Ctrl/⌘ + Enter", action: "Save any changes, then run the automatic checks (results in the Automatic checks panel)" },
  { keys: "Ctrl/⌘ + Shift + Enter", action: "Submit for review" },
  { keys: "?", action: "Show this help (outside text fields)" },
  { keys: "Esc", action: "Close this help or the history" },
] as const;

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="shortcut-title" data-testid="shortcut-help" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4" onClick={onClose}>
      <div className="w-full max-w-md rounded-lg bg-white p-4 shadow-xl dark:bg-stone-900" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcut-title" className="font-semibold">Keyboard shortcuts</h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="contents">
              <dt><kbd className="rounded border border-stone-300 px-1.5 py-0.5 font-mono text-xs dark:border-stone-700">{s.keys}</kbd></dt>
              <dd>{s.action}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 text-right"><button type="button" className="btn" onClick={onClose}>Close</button></div>
      </div>
    </div>
  );
}
