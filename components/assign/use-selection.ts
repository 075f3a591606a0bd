"use client";
// Row selection for bulk actions: click toggles, shift-click selects the range since the last click, the
// header selects the page, and "all matching" stands for every row of the filter (beyond this page).
import { useRef, useState } from "react";

export function useSelection(ids: string[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const anchor = useRef<number | null>(null);

  const toggle = (index: number, shift: boolean) => {
    setAllMatching(false);
    // Read the anchor now: the state updater below runs later, after it has moved to this row.
    const from = shift && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = shift && anchor.current !== null ? Math.max(anchor.current, index) : index;
    setSelected((current) => {
      const next = new Set(current);
      const on = !current.has(ids[index]);
      for (let i = from; i <= to; i++) {
        if (on) next.add(ids[i]);
        else next.delete(ids[i]);
      }
      return next;
    });
    anchor.current = index;
  };
  const pageSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const togglePage = () => {
    setAllMatching(false);
    setSelected(pageSelected ? new Set() : new Set(ids));
  };
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  return { selected, allMatching, setAllMatching, toggle, pageSelected, togglePage, clear };
}
