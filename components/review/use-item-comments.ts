"use client";
// The item's comment thread in the editor: loaded once, reloaded after a change.
import { useCallback, useEffect, useState } from "react";
import type { CommentView } from "@/lib/review/comments";

export function useItemComments(itemId: string) {
  const [comments, setComments] = useState<CommentView[]>([]);
  const reload = useCallback(async () => {
    const response = await fetch(`/api/items/${itemId}/comments`, { cache: "no-store" }).catch(() => null);
    if (response?.ok) setComments(((await response.json()) as { comments: CommentView[] }).comments);
  }, [itemId]);
  useEffect(() => {
    let live = true;
    void fetch(`/api/items/${itemId}/comments`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { comments: [] }))
      .then((body: { comments: CommentView[] }) => live && setComments(body.comments))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [itemId]);
  return { comments, reload };
}
