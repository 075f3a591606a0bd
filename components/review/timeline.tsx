// An item's story, newest first.
import { formatDateTime } from "@/lib/format/labels";
import type { TimelineEntry } from "@/lib/review/get-timeline";

const DOT: Record<TimelineEntry["kind"], string> = {
  created: "bg-stone-400", saved: "bg-stone-300", submitted: "bg-sky-500", checks: "bg-violet-400", comment: "bg-amber-400", decision: "bg-emerald-500", event: "bg-stone-500",
};

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-stone-500">Nothing yet.</p>;
  return (
    <ol className="space-y-1.5 text-sm" data-testid="timeline">
      {entries.map((e, i) => (
        <li key={i} className="flex gap-2" data-kind={e.kind}>
          <span className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${DOT[e.kind]}`} aria-hidden />
          <span>
            <span className="font-medium">{e.who ?? "Someone"}</span> {e.text}
            <span className="ml-1 text-xs text-stone-500">{formatDateTime(e.at)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
