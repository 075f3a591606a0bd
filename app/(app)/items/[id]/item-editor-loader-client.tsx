"use client";
// The editor renders in the browser only: it reads the local draft (localStorage) as it starts, and
// CodeMirror needs the DOM, so there is nothing useful to render on the server.
import dynamic from "next/dynamic";

export const ItemEditorLoader = dynamic(() => import("@/components/editor/item-editor-client").then((m) => m.ItemEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-stone-500" data-testid="editor-loading">Loading the editor…</p>,
});
