// fieldwork grade (--item ID | --release NAME --index N [--split S] | --ground-truth FILE) --response FILE — grade a model
// response as POST /api/grade does (the same module, the same sandbox)
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { gradeOne } from "../../../lib/grading/grade-requests";
import type { GradeResult } from "../../../lib/grading/grade-run";
import { closeSandboxPool } from "../../../lib/sandbox/pool";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

type GradeOptions = OutputOptions & { item?: string; release?: string; index?: string; split?: string; groundTruth?: string; response: string; current?: boolean };

function readText(file: string, what: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the ${what} file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function requestOf(options: GradeOptions): Record<string, unknown> {
  const response = readText(options.response, "response");
  if (options.groundTruth) return { groundTruth: readText(options.groundTruth, "ground truth"), response };
  if (options.release) {
    if (options.index !== undefined) return { release: options.release, index: Number(options.index), ...(options.split ? { split: options.split } : {}), response };
    return { release: options.release, itemId: options.item, response };
  }
  return { item: options.item, response };
}

function human(result: GradeResult): string {
  return [
    `${result.passed ? "PASSED" : "FAILED"} ${result.casesPassed}/${result.casesTotal} cases, score ${result.score} (${result.functionName}, sandbox: ${result.isolation ?? "not used"}, ${result.ms} ms)`,
    ...result.cases.map((c) => `${c.passed ? "✓" : "✗"} ${c.index}: ${JSON.stringify(c.inputs)} → ${JSON.stringify(c.got)}${c.error ? `: ${c.error}` : ""}`),
  ].join("\n");
}

export function registerGradeCommand(program: Command): void {
  program.command("grade")
    .description("grade a model response against an item's approved version, a release's frozen item, or a ground truth")
    .option("--item <id>", "an item (its last approved version; with --release: the release's frozen version of it)")
    .option("--release <name>", "a release, with --index or --item")
    .option("--index <n>", "0-based position of the item in the release (with --split: within that split, a row's extra_info.index)")
    .option("--split <name>", "train, validation or test: --index counts within it")
    .option("--ground-truth <file>", "a verl ground truth (JSON): no database needed")
    .option("--current", "grade against the item's current version instead of its approved one")
    .requiredOption("--response <file>", "the model's response (- for stdin)")
    .option("--json", "print the same object as POST /api/grade")
    .action(async (options: GradeOptions) => {
      try {
        const request = requestOf(options);
        const grade = () => gradeOne(CLI_ACTOR, request, { version: options.current ? "current" : undefined });
        const result = options.groundTruth ? await grade() : await withDatabase(grade);
        emit(options, result, () => human(result));
        if (!result.passed) process.exitCode = 2;
      } catch (error) {
        fail(options, error);
      } finally {
        closeSandboxPool();
      }
    });
}
