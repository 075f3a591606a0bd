// The newest check run's outcome on the version shown, as a badge.
import type { CheckStateName } from "@/lib/review/schemas";

const LOOK: Record<CheckStateName | "NONE", { text: string; tone: string }> = {
  PASSING: { text: "checks pass", tone: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" },
  WARNINGS: { text: "warnings", tone: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200" },
  FAILING: { text: "failing", tone: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" },
  NONE: { text: "not checked", tone: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
};

export function CheckStateBadge({ state }: { state: CheckStateName | null }) {
  const look = LOOK[state ?? "NONE"];
  return <span data-testid="check-state" className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${look.tone}`}>{look.text}</span>;
}
