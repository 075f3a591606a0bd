// postinstall: (1) generate the Prisma client into lib/generated/prisma (git-ignored); (2) link the
// `fieldwork` bin into node_modules/.bin so `npx fieldwork` works inside the project (npm does not link a
// package's own bins).
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from "node:fs";
import path from "node:path";

// `prisma generate` only needs the schema engine path to exist, not to run it (see ../shared/STACK.md).
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : process.execPath;
const res = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
if (res.status !== 0) process.exit(res.status ?? 1);

const binDir = path.join("node_modules", ".bin");
const link = path.join(binDir, "fieldwork");
mkdirSync(binDir, { recursive: true });
try {
  if (lstatSync(link, { throwIfNoEntry: false })) unlinkSync(link);
  symlinkSync(path.join("..", "..", "scripts", "fieldwork.mjs"), link);
} catch (error) {
  console.warn(`Could not link node_modules/.bin/fieldwork (${error}); use \`npm run fieldwork --\` instead.`);
}
