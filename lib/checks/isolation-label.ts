// One name per sandbox isolation level in everything a user reads (the stored value stays "bwrap"/"rlimits").
const LABELS: Record<string, string> = {
  bwrap: "bubblewrap",
  "unsafe-rlimits": "UNSAFE: rlimits + seccomp only, for a developer's own machine",
};

export function isolationLabel(isolation: string | null): string {
  return isolation ? (LABELS[isolation] ?? isolation) : "not run";
}
