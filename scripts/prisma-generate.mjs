// postinstall: generate the Prisma client into lib/generated/prisma (git-ignored).
// `prisma generate` only needs the schema engine path to exist, not to run it (see ../shared/STACK.md),
// so point it at any existing file when no engine is present on this offline machine.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : process.execPath;
const res = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(res.status ?? 1);
