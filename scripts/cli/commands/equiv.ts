// fieldwork equiv GOLD PRED | fieldwork equiv --file PAIRS.json — LaTeX answer equivalence, no database
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { checkEquivalence } from "../../../lib/equivalence";
import { ZEquivalencePairs } from "../../../lib/equivalence/schemas";
import { emit, fail, type OutputOptions } from "../output";

type Options = OutputOptions & { file?: string };

function readPairs(file: string) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${e instanceof SyntaxError ? `not valid JSON: ${e.message}` : (e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return ZEquivalencePairs.parse(data);
}

export function registerEquivCommand(program: Command): void {
  program.command("equiv")
    .description("decide whether two LaTeX answers are the same (or score a file of pairs)")
    .argument("[gold]", "the reference answer (LaTeX)")
    .argument("[pred]", "the answer to judge (LaTeX)")
    .option("--file <pairs.json>", "a JSON array of {id, gold, pred, expected}")
    .option("--json", "print one JSON object")
    .action((gold: string | undefined, pred: string | undefined, options: Options) => {
      try {
        if (options.file) {
          const cases = readPairs(options.file).map((p) => {
            const verdict = checkEquivalence(p.gold, p.pred, { declarations: p.declarations });
            return { id: p.id, expected: p.expected, equivalent: verdict.equivalent, reason: verdict.reason };
          });
          const falsePositives = cases.filter((c) => c.equivalent && !c.expected).length;
          const falseNegatives = cases.filter((c) => !c.equivalent && c.expected).length;
          const summary = { total: cases.length, correct: cases.length - falsePositives - falseNegatives, falsePositives, falseNegatives, cases };
          emit(options, summary, () =>
            [
              `${summary.correct}/${summary.total} correct, ${falsePositives} false positive${falsePositives === 1 ? "" : "s"}, ${falseNegatives} false negative${falseNegatives === 1 ? "" : "s"}`,
              ...cases.filter((c) => c.equivalent !== c.expected).map((c) => `  ${c.id}: expected ${c.expected}, got ${c.equivalent} — ${c.reason}`),
            ].join("\n"),
          );
          return;
        }
        if (gold === undefined || pred === undefined) throw new Error("give GOLD and PRED, or --file PAIRS.json");
        const verdict = checkEquivalence(gold, pred);
        emit(options, verdict, () => `${verdict.equivalent ? "equivalent" : "not equivalent"}: ${verdict.reason}\n  gold read as: ${verdict.readAs.gold}\n  pred read as: ${verdict.readAs.pred}`);
      } catch (error) {
        fail(options, error);
      }
    });
}
