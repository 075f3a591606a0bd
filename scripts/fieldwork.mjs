#!/usr/bin/env node
// `fieldwork` command: runs scripts/cli/main.ts with tsx, under the "react-server" export condition so the
// shared data layer (which marks itself `server-only`) loads outside Next.js too.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "cli", "main.ts"), ...process.argv.slice(2)],
  { stdio: "inherit", cwd: process.cwd(), env: { CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1", ...process.env } },
);
// Ctrl-C reaches the whole process group; the child shuts down in order and we exit with its code.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
