// README.md of a bundle: a Hugging Face dataset card. YAML header (one config per format with its files
// per split, license, task categories, size category, pretty name), then prose: counts, sources and
// licenses, how items were made and checked, how to grade, how to load. A pure function of the manifest
// (without README.md's own entry), so it rebuilds byte for byte.
import { FORMATS } from "../formats";
import type { FormatName } from "../formats/types";
import { hfFeatureLines, hfFeaturesOf } from "./hf-features";
import { REWARD_MODULE_BUNDLE_PATH } from "./layout";
import { SPLIT_NAMES } from "../model/release-row";
import type { Manifest, ManifestFile } from "./manifest";

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

const CC = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/i;
/** A license URL or name → a Hugging Face license id, or null when it is none we know. */
export function hfLicense(license: string): string | null {
  const t = license.trim().toLowerCase();
  const cc = CC.exec(t);
  if (cc) return cc[1] === "publicdomain" ? (cc[2] === "zero" ? "cc0-1.0" : null) : `cc-${cc[2]}-${cc[3]}`;
  if (/^cc[- ]by(-(sa|nd|nc|nc-sa|nc-nd))?[- ]\d\.\d$/.test(t)) return t.replace(/ /g, "-");
  if (/^(mit|apache-2\.0|cc0-1\.0)$/.test(t)) return t;
  if (/arxiv\.org\/licenses\/nonexclusive-distrib/.test(t)) return null;
  return null;
}

function cardLicense(manifest: Pick<Manifest, "counts">): string {
  const ids = Object.keys(manifest.counts.byLicense).map((l) => (l === "(none)" ? null : hfLicense(l)));
  return ids.length > 0 && ids.every((id) => id !== null && id === ids[0]) ? ids[0]! : "other";
}

function sizeCategory(n: number): string {
  if (n < 1_000) return "n<1K";
  if (n < 10_000) return "1K<n<10K";
  if (n < 100_000) return "10K<n<100K";
  if (n < 1_000_000) return "100K<n<1M";
  return "1M<n<10M";
}

type Config = { name: string; dir: string; ext: string; isDefault: boolean };
const JSON_CONFIGS: Config[] = [
  { name: "sft", dir: "sft", ext: "jsonl", isDefault: false },
  { name: "native", dir: "native", ext: "jsonl", isDefault: false },
  { name: "pipeline", dir: "pipeline", ext: "jsonl", isDefault: false },
];
/**
 * The card's configs. `datasets` builds every config of a folder with one loader, chosen from the first
 * config's files: with the Parquet files there, the JSON Lines configs failed to load ("Parquet magic bytes
 * not found"). From bundle layout 2 the verl config names its JSON Lines copy; the Parquet files stay for verl's
 * trainer (`data.train_files=verl/train.parquet`). Layout 1 keeps its card, and so its bytes.
 */
function configsOf(schemaVersion: number): Config[] {
  return [{ name: "verl", dir: "verl", ext: schemaVersion >= 2 ? "json" : "parquet", isDefault: true }, ...JSON_CONFIGS];
}

/** `dataset_info`: each tabular format's columns as declared features (layout 2 on), so every split loads alike. */
function datasetInfo(configs: Config[], present: Set<string>): string[] {
  const lines: string[] = [];
  for (const c of configs) {
    const fields = hfFeaturesOf(FORMATS[c.name as FormatName].jsonSchema);
    if (!fields || !SPLIT_NAMES.some((s) => present.has(`${c.dir}/${s}.${c.ext}`))) continue;
    lines.push(`- config_name: ${c.name}`, "  features:", ...hfFeatureLines(fields, "  "));
  }
  return lines.length ? ["dataset_info:", ...lines] : [];
}

function yamlHeader(m: CardInput): string[] {
  const lines = ["---", `pretty_name: ${q(m.description ? `${m.name}: ${m.description.split("\n")[0].slice(0, 120)}` : m.name)}`, `license: ${cardLicense(m)}`];
  lines.push("language:", "- en", "task_categories:", "- text-generation", "- question-answering", "tags:", "- physics", "- theoretical-physics", "- verifiable-rewards", "- code");
  lines.push("size_categories:", `- ${sizeCategory(m.counts.total)}`, "configs:");
  const present = new Set(m.files.map((f) => f.path));
  for (const c of configsOf(m.schemaVersion)) {
    const splits = SPLIT_NAMES.filter((s) => present.has(`${c.dir}/${s}.${c.ext}`));
    if (!splits.length) continue;
    lines.push(`- config_name: ${c.name}`);
    if (c.isDefault) lines.push("  default: true");
    lines.push("  data_files:");
    for (const s of splits) lines.push(`  - split: ${s}`, `    path: ${c.dir}/${s}.${c.ext}`);
  }
  if (m.schemaVersion >= 2) lines.push(...datasetInfo(configsOf(m.schemaVersion), present));
  lines.push("---");
  return lines;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
const fmt = (n: number) => n.toLocaleString("en");

function countTable(title: string, counts: Record<string, number>): string[] {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [`| ${title} | items |`, "|---|---:|", ...rows.map(([k, n]) => `| ${cell(k.toLowerCase() === k ? k : k.replace(/_/g, " "))} | ${fmt(n)} |`), ""];
}

export type CardInput = Omit<Manifest, "files"> & { files: ManifestFile[] };

export function datasetCard(m: CardInput): string {
  const c = m.counts;
  const splits = SPLIT_NAMES.filter((s) => c.bySplit[s] > 0);
  // sorted: the stored manifest is jsonb, which does not keep key order
  const filters = Object.entries(m.filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  const lines = [
    ...yamlHeader(m),
    "",
    `# ${m.name}`,
    "",
    ...(m.description ? [m.description.trim(), ""] : []),
    `A release of **${fmt(c.total)}** verifiable theoretical-physics problems made with Fieldwork: ${splits.map((s) => `${fmt(c.bySplit[s])} ${s}`).join(", ")}.`,
    `Created ${m.createdAt} by ${m.createdBy}; bundle schema version ${m.schemaVersion}.`,
    filters.length ? `Items: every approved item with ${filters.map(([k, v]) => `${k} = ${v}`).join(", ")}.` : "Items: every approved item.",
    `Items without a split of their own were assigned one from a hash of the item id and the release name (train ${m.splitRatios.train}, validation ${m.splitRatios.validation}, test ${m.splitRatios.test}).`,
    "",
    "## Contents",
    "",
    ...countTable("topic", c.byTopic),
    ...countTable("difficulty", c.byDifficulty),
    ...countTable("level", c.byLevel),
    "## Sources and licenses",
    "",
    "| source | title | license | items |",
    "|---|---|---|---:|",
    ...m.sources.map((s) => `| ${cell(s.url ? `[${s.identifier}](${s.url})` : s.identifier)} | ${cell(s.title ?? "")} | ${cell(s.license ?? "not stated")} | ${fmt(s.items)} |`),
    "",
    "Items carry the license of their source unless they state their own (`native` rows: `item.license`, `source.license`).",
    "",
    "## How the items were made and checked",
    "",
    "Each item adapts a human-written problem (its seed: the problem, solution and location in the source are in the `native` rows) into a verifiable form: a LaTeX statement ending with its conventions, a worked solution and final answer, a Python function to write (the answer requirements), a reference implementation, and test cases whose expected outputs were computed by running the reference code.",
    "Before submission and again at approval, automatic checks ran on the exact version released: the LaTeX renders, the wording asks for a result, the reference code has the declared signature and runs on every case in a sandbox, stored outputs equal recomputed ones, at least three cases, the tests tell the reference from perturbed versions, the answer is not leaked in the statement. A reviewer other than the author approved that version; the summary of the approval's check run and every review decision are in the `native` rows.",
    "",
    "## How to grade",
    "",
    "A response passes when its last ```` ```python ```` block defines the function named in the ground truth and every test case passes: numbers match when `|got − expected| ≤ abs + rel·|expected|`, complex numbers per component, tuples element-wise with equal length, strings after trimming, booleans exactly; NaN, infinities, exceptions and timeouts fail. The score is 1.0 only when every case passes.",
    "The test bundle is `reward_model.ground_truth` in the `verl` rows (JSON text: `function_name`, `arguments`, `returns`, `test_cases` with `inputs`, `expected`, `tolerance`; complex values as `{\"re\", \"im\"}`).",
    ...(m.files.some((f) => f.path === REWARD_MODULE_BUNDLE_PATH) ? rewardModuleLines() : []),
    "",
    "## Files",
    "",
    "| file | rows | bytes | sha256 |",
    "|---|---:|---:|---|",
    ...m.files.map((f) => `| ${f.path} | ${f.rows === null ? "" : fmt(f.rows)} | ${fmt(f.bytes)} | \`${f.sha256}\` |`),
    "",
    "`manifest.json` lists the same files with their checksums; `sha256sum` any file to verify it.",
    "",
    "| config | format |",
    "|---|---|",
    ...configsOf(m.schemaVersion).filter((cfg) => m.files.some((f) => f.path.startsWith(`${cfg.dir}/`))).map((cfg) => `| ${cfg.name} | ${cell(m.formats[cfg.name as keyof Manifest["formats"]])} |`),
    "",
    "## Loading",
    "",
    "```python",
    "from datasets import load_dataset",
    'rl = load_dataset("path/to/this/folder", "verl")      # or "sft", "native", "pipeline"',
    "```",
    "",
    "verl: `data.train_files=verl/train.parquet data.val_files=verl/validation.parquet` (verl also reads the `.json` files).",
    "TRL: `SFTTrainer` takes the `sft` config (`messages`, or `prompt`/`completion`); `GRPOTrainer` takes `prompt` with a reward function reading `reward_model`.",
    "",
  ];
  return lines.join("\n");
}

/** What the card says about the reward module, in bundles that carry it (layout 2 on). */
function rewardModuleLines(): string[] {
  const path = REWARD_MODULE_BUNDLE_PATH;
  return [
    "",
    `\`${path}\` grades with the same verdicts as Fieldwork's grading API (one file, Python ≥ 3.9, the standard library and numpy):`,
    "",
    `- verl: \`custom_reward_function.path=${path} custom_reward_function.name=compute_score\``,
    "- TRL: `GRPOTrainer(train_dataset=rl[\"train\"], reward_funcs=[fieldwork_reward.reward_func], …)` on the `verl` config (its `reward_model` column reaches the function as a keyword)",
    `- OpenRLHF: \`--remote_rm_url ${path}\` with \`--label_key reward_model\``,
    `- command line: \`python3 ${path} --ground-truth gt.json --response answer.md\``,
    "",
    "It runs responses in local child processes with resource limits, which guards a training run against accidents but is not a security boundary: for untrusted code set `FIELDWORK_URL` and `FIELDWORK_TOKEN` (a token with the `grade` scope) and it grades in the server's sandbox.",
  ];
}
