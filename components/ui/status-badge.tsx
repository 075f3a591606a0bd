const TONES: Record<string, string> = {
  NEW: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  ASSIGNED: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
  IN_PROGRESS: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  ADAPTED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  ARCHIVED: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300",
  DRAFT: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300",
  SUBMITTED: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  CHANGES_REQUESTED: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  APPROVED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  REJECTED: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  COMMITTED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  FAILED: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONES[status] ?? TONES.DRAFT}`}>
      {status.replace(/_/g, " ").toLowerCase()}
    </span>
  );
}
