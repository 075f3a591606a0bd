// fieldwork check <itemId> | fieldwork sandbox run --code FILE --function NAME --inputs FILE.json
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { runChecks } from "../../../lib/checks/run-checks";
import { closeSandboxPool } from "../../../lib/sandbox/pool";
import { runCode } from "../../../lib/sandbox/run-code";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

const ZInputs = z.array(z.record(z.string(), z.unknown()), { error: "The inputs file must be a JSON array of objects (argument name → value), e.g. [{}]." }).max(10_000);

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the ${what} file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function readInputs(file: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(readText(file, "inputs"));
  } catch (e) {
    if (e instanceof SyntaxError) throw new Error(`${file} is not valid JSON: ${e.message}`);
    throw e;
  }
  return ZInputs.parse(data);
}

export function registerSandboxCommands(program: Command): void {
  program.command("check")
    .description("run the automatic checks on an item's current version (stores the run)")
    .argument("<itemId>", "item id")
    .option("--json", "print one JSON object (the same as POST /api/items/[id]/checks)")
    .action(async (itemId: string, options: OutputOptions) => {
      try {
        const run = await withDatabase(() => runChecks(CLI_ACTOR, itemId));
        emit(options, run, () =>
          [
            `${run.passed ? "PASSED" : "FAILED"} version ${run.version} in ${run.durationMs} ms (sandbox: ${run.isolation ?? "not used"})`,
            ...run.results.map((r) => `${r.status === "pass" ? "✓" : r.status === "skip" ? "-" : r.blocking ? "✗" : "!"} ${r.id}: ${r.message}${r.field ? ` [${r.field}${r.line ? `:${r.line}:${r.column}` : ""}]` : ""}`),
          ].join("\n"),
        );
      } catch (error) {
        fail(options, error);
      } finally {
        closeSandboxPool();
      }
    });

  const sandbox = program.command("sandbox").description("run untrusted Python the way the checks do");
  sandbox.command("run")
    .description("call a function of a Python file once per input object, in the sandbox")
    .requiredOption("--code <file>", "Python source file")
    .requiredOption("--function <name>", "function to call")
    .requiredOption("--inputs <file>", "JSON array of {argument: value} objects; [{}] calls a function without arguments once")
    .option("--json", "print one JSON object {ok, isolation, results: [{output|error, ms}]}")
    .action(async (options: OutputOptions & { code: string; function: string; inputs: string }) => {
      try {
        const code = readText(options.code, "code");
        const calls = readInputs(options.inputs);
        const run = await runCode({ code, functionName: options.function, calls });
        emit(options, { ok: run.ok, isolation: run.isolation, ...(run.error ? { error: run.error } : {}), results: run.results }, () =>
          [
            `${run.ok ? "ok" : `failed: ${run.error ?? "a call failed"}`} (sandbox: ${run.isolation ?? "unavailable"})`,
            ...run.results.map((r, i) => `${i + 1}. ${"output" in r ? JSON.stringify(r.output) : `error: ${r.error}`}${r.ms !== null ? ` (${r.ms.toFixed(2)} ms)` : ""}`),
          ].join("\n"),
        );
        if (run.unavailable) process.exitCode = 1;
      } catch (error) {
        fail(options, error);
      } finally {
        closeSandboxPool();
      }
    });
}
