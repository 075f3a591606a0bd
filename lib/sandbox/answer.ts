// A job's answer from what its child wrote to its result pipe (relayed untouched by the worker) and how
// the worker saw it end. Every line must carry the job's nonce and a result's keys only, and there can be
// no more lines than calls: anything else means the code wrote to the pipe itself, and all of it is
// refused. (Code can always choose its own return values; what it cannot do is reach another job's answer.)
import type { Isolation } from "./types";

export type Answer = {
  ok: boolean;
  error?: string | null;
  results?: unknown[];
  inspect?: unknown;
  unavailable?: boolean;
  isolation?: Isolation | null;
  /** The worker must be replaced (something about the job looked wrong). */
  recycle?: string;
};

export type Done = { reason: string | null; anomaly: string | null };

export const REFUSED = "the job wrote to its result channel itself; its results are refused";

const SHAPES: Record<"call" | "inspect", string[][]> = {
  call: [["ms", "output"], ["error", "ms"], ["fatal"], ["fatal", "setup"]],
  inspect: [["inspect"], ["fatal", "setup"]],
};

type Line = Record<string, unknown>;

function parseLines(kind: "call" | "inspect", nonce: string, output: Buffer): Line[] | null {
  const text = output.toString("utf8");
  const complete = text.slice(0, text.lastIndexOf("\n") + 1); // a job killed mid-write leaves a partial last line
  const lines: Line[] = [];
  for (const raw of complete.split("\n")) {
    if (!raw.trim()) continue;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return null;
    }
    if (typeof message !== "object" || message === null || Array.isArray(message)) return null;
    const { n, ...rest } = message as Line;
    const keys = Object.keys(rest).sort().join(",");
    if (n !== nonce || !SHAPES[kind].some((shape) => shape.join(",") === keys)) return null;
    lines.push(rest);
  }
  return lines;
}

export function assembleAnswer(kind: "call" | "inspect", calls: number, nonce: string, output: Buffer, done: Done): Answer {
  const lines = parseLines(kind, nonce, output);
  const recycle = done.anomaly ? { recycle: done.anomaly } : {};
  const forged = { ok: false, error: REFUSED, results: [], recycle: "the job wrote to its result channel" };
  if (lines === null) return forged;
  const [first] = lines;
  if (first?.setup) return { ok: false, error: String(first.fatal), results: [], recycle: String(first.fatal) };
  if (lines.slice(1).some((l) => "fatal" in l) || (first && "fatal" in first && lines.length > 1)) return forged;
  if (kind === "inspect") {
    return lines.length === 1 ? { ok: true, inspect: first.inspect, ...recycle } : { ok: false, error: done.reason ?? "the inspection did not finish", ...recycle };
  }
  if (first && "fatal" in first) return { ok: false, error: String(first.fatal), results: [], ...recycle };
  if (lines.length > calls) return forged;
  const missing = Array.from({ length: calls - lines.length }, () => ({ error: done.reason ?? "the code ended the process", ms: null }));
  return { ok: done.reason === null, error: done.reason, results: [...lines, ...missing], ...recycle };
}
