// npm run bench [name…] — runs the named benchmarks (all when none is named) and prints figures and the machine.
import os from "node:os";
import { benchLatexRender } from "./latex-render";
import { benchSave } from "./save";
import { benchChecks } from "./checks";
import { benchTpbench } from "./tpbench";
import { benchImport } from "./import";
import { benchEquiv } from "./equiv";
import { benchReview } from "./review";
import { benchDashboard } from "./dashboard";
import { benchExport } from "./export";
import { benchGrade } from "./grade";

const BENCHES: Record<string, () => Promise<void> | void> = {
  preview: benchLatexRender,
  save: benchSave,
  checks: benchChecks,
  tpbench: benchTpbench,
  import: benchImport,
  equiv: benchEquiv,
  review: benchReview,
  dashboard: benchDashboard,
  export: benchExport,
  grade: benchGrade,
};

const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = names.filter((n) => !BENCHES[n]);
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(BENCHES).join(", ")}`);
  process.exit(1);
}
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
for (const name of names.length ? names : Object.keys(BENCHES)) await BENCHES[name]();
