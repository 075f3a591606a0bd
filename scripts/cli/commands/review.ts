// fieldwork review list · fieldwork assign — the review queue and bulk assignment from the command line.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { getDb } from "../../../lib/db";
import { AppError } from "../../../lib/errors";
import { listReviewQueue } from "../../../lib/review/list-queue";
import { assignSeeds } from "../../../lib/seeds/assign-seeds";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

type ListOptions = OutputOptions & { source?: string; author?: string; topic?: string; level?: string; difficulty?: string; checks?: string; submittedAfter?: string; submittedBefore?: string; limit?: string; cursor?: string };
type AssignOptions = OutputOptions & { to: string; source?: string; ids?: string; count?: string };

export function registerReviewCommands(program: Command): void {
  program.command("review").description("the review queue")
    .command("list")
    .description("submitted items, oldest first, with the queue's filters")
    .option("--source <identifier>", "source identifier")
    .option("--author <email>", "author's email")
    .option("--topic <topic>", "topic")
    .option("--level <level>", "ADVANCED_UNDERGRADUATE, GRADUATE or RESEARCH")
    .option("--difficulty <difficulty>", "EASY, MEDIUM or HARD")
    .option("--checks <state>", "PASSING, WARNINGS or FAILING")
    .option("--submitted-after <date>", "submitted at or after (ISO date or time)")
    .option("--submitted-before <date>", "submitted before (ISO date or time)")
    .option("--limit <n>", "rows per page (at most 100)", "25")
    .option("--cursor <cursor>", "the nextCursor of the previous page")
    .option("--json", "print one JSON object")
    .action(async (options: ListOptions) => {
      try {
        const page = await withDatabase(async () => {
          const author = options.author ? await userIdOf(options.author) : undefined;
          const { source, topic, level, difficulty, checks, submittedAfter, submittedBefore, cursor, limit } = options;
          return listReviewQueue(CLI_ACTOR, { source, topic, level, difficulty, checks, submittedAfter, submittedBefore, cursor, limit, author });
        });
        emit(options, page, () =>
          [`${page.total} submitted item(s) match.`, ...page.items.map((i) => `${i.id}  v${i.version}  ${(i.checkState ?? "unchecked").padEnd(8)}  ${i.author.name.padEnd(20)}  ${i.title}`)].join("\n"),
        );
      } catch (error) {
        fail(options, error);
      }
    });

  program.command("assign")
    .description("assign seeds to a user: those of a source, or the ids in a file (one per line, or a JSON array)")
    .requiredOption("--to <email>", "the assignee's email")
    .option("--source <identifier>", "every assignable seed of this source")
    .option("--ids <file>", "seed ids, one per line or as a JSON array")
    .option("--count <n>", "at most this many of them (oldest first)")
    .option("--json", "print one JSON object")
    .action(async (options: AssignOptions) => {
      try {
        if (!options.source === !options.ids) throw new AppError("INVALID", "Give either --source or --ids.");
        const result = await withDatabase(async () => {
          const assigneeId = await userIdOf(options.to);
          const count = options.count ? Number(options.count) : undefined;
          return options.ids
            ? assignSeeds(CLI_ACTOR, { seedIds: readIds(options.ids), count, assigneeId })
            : assignSeeds(CLI_ACTOR, { filter: { source: options.source }, count, assigneeId });
        });
        emit(options, result, () => `Assigned ${result.assigned} seed(s) to ${options.to}.`);
      } catch (error) {
        fail(options, error);
      }
    });
}

async function userIdOf(email: string): Promise<string> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No user with email ${email}.`);
  return user.id;
}

function readIds(file: string): string[] {
  const text = readFileSync(file, "utf8").trim();
  if (text.startsWith("[")) return JSON.parse(text) as string[];
  return text.split(/\s+/).filter(Boolean);
}
