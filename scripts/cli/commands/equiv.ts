// fieldwork equiv GOLD PRED | fieldwork equiv --file PAIRS.json — LaTeX answer equivalence, no database
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { checkEquivalence } from "../../../lib/equivalence";
import { ZConventions, ZEquivalencePairs, ZUnits } from "../../../lib/equivalence/schemas";
import { scorePairs, type Score } from "../../../lib/equivalence/score-pairs";
import { emit, fail, type OutputOptions } from "../output";

type Options = OutputOptions & { file?: string; units?: string; conventions?: string };

function readPairs(file: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${e instanceof SyntaxError ? `not valid JSON: ${e.message}` : (e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return ZEquivalencePairs.parse(data);
}

const show = (v: boolean | null) => (v === null ? "cannot decide" : String(v));

function summaryLine(s: Score): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${s.correct}/${s.total} correct, ${plural(s.falsePositives, "false positive")}, ${plural(s.falseNegatives, "false negative")}, ${s.undecided} undecided, ${plural(s.errors, "error")}`;
}

export function registerEquivCommand(program: Command): void {
  program.command("equiv")
    .description("decide whether two LaTeX answers are the same (or score a file of pairs)")
    .argument("[gold]", "the reference answer (LaTeX)")
    .argument("[pred]", "the answer to judge (LaTeX)")
    .option("--file <pairs.json>", "a JSON array of {id, gold, pred, expected, declarations?, units?, conventions?, statement?}")
    .option("--units <strict|optional>", "may a unit be left out? (default strict)")
    .option("--conventions <names>", "comma-separated unit conventions: natural, natural-HL, natural-gaussian, fermi")
    .option("--json", "print one JSON object")
    .action((gold: string | undefined, pred: string | undefined, options: Options) => {
      try {
        const units = options.units === undefined ? undefined : ZUnits.parse(options.units);
        const conventions = options.conventions === undefined ? undefined : ZConventions.parse(options.conventions.split(",").map((c) => c.trim()).filter(Boolean));
        if (options.file) {
          const score = scorePairs(readPairs(options.file), { units, conventions });
          emit(options, score, () =>
            [
              summaryLine(score),
              ...score.cases.filter((c) => c.error || c.equivalent !== c.expected).map((c) => `  ${c.id}: ${c.error ? "error" : `expected ${show(c.expected)}, got ${show(c.equivalent)}`} — ${c.reason}`),
            ].join("\n"),
          );
          if (score.errors) process.exitCode = 1;
          return;
        }
        if (gold === undefined || pred === undefined) throw new Error("give GOLD and PRED, or --file PAIRS.json");
        const verdict = checkEquivalence(gold, pred, { units, conventions });
        const conventionLine = verdict.conventions?.length ? `\n  with ${verdict.conventions.join("; ")}` : "";
        emit(options, verdict, () => `${verdict.equivalent === null ? "cannot decide" : verdict.equivalent ? "equivalent" : "not equivalent"}: ${verdict.reason}\n  gold read as: ${verdict.readAs.gold}\n  pred read as: ${verdict.readAs.pred}${conventionLine}`);
      } catch (error) {
        fail(options, error);
      }
    });
}
