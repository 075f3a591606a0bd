// One name per sandbox isolation level in everything a user reads (the stored value stays "bwrap"/"rlimits").
const LABELS: Record<string, string> = {
  bwrap: "bubblewrap",
  rlimits: "rlimits + audit hook (weaker isolation)",
};

export function isolationLabel(isolation: string | null): string {
  return isolation ? (LABELS[isolation] ?? isolation) : "not run";
}
