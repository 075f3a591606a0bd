// fieldwork db migrate | seed-demo
import type { Command } from "commander";
import { migrate } from "../../../lib/db/migrate";
import { seedDemo } from "../../../lib/demo/seed-demo";
import { getDemoPassword } from "../demo-password";
import { emit, fail, type OutputOptions } from "../output";
import { openDatabase, withDatabase } from "../with-database";
import { disconnectDb } from "../../../lib/db";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("database maintenance");

  db.command("migrate")
    .description("apply pending SQL migrations from prisma/migrations")
    .option("--json", "print one JSON object")
    .action(async (options: OutputOptions) => {
      try {
        const database = await openDatabase();
        try {
          const result = await migrate(database.url);
          emit(options, result, () =>
            result.applied.length ? `Applied ${result.applied.join(", ")}.` : `Up to date (${result.alreadyApplied} migrations).`,
          );
        } finally {
          await disconnectDb();
          await database.stop();
        }
      } catch (error) {
        fail(options, error);
      }
    });

  db.command("seed-demo")
    .description("create the demo users and demo problems (idempotent)")
    .option("--json", "print one JSON object")
    .action(async (options: OutputOptions) => {
      try {
        const result = await withDatabase(() => seedDemo(getDemoPassword()));
        emit(options, result, () => `Created ${result.usersCreated} demo users, ${result.seedsCreated} demo seeds and ${result.historyItems} items of review history.`);
      } catch (error) {
        fail(options, error);
      }
    });
}
