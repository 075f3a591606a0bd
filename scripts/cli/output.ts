// Output conventions for every command: `--json` prints one JSON object on stdout; errors print one line
// on stderr (and `{"error": …}` on stdout with --json) and exit non-zero.
import { ZodError } from "zod";
import { isAppError } from "../../lib/errors";

export type OutputOptions = { json?: boolean };

export function emit(options: OutputOptions, value: Record<string, unknown>, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

export function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ");
  }
  if (isAppError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function fail(options: OutputOptions, error: unknown): never {
  const message = describeError(error).split("\n")[0];
  if (options.json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.stderr.write(`fieldwork: ${message}\n`);
  process.exit(1);
}
