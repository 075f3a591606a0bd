// fieldwork release create|list|deprecate · fieldwork export NAME --out DIR|FILE.tar.gz — releases from the command line.
import type { Command } from "commander";
import { CLI_ACTOR } from "../../../lib/auth/types";
import { AppError } from "../../../lib/errors";
import { createRelease } from "../../../lib/export/create-release";
import { deprecateRelease } from "../../../lib/export/deprecate-release";
import { listReleases } from "../../../lib/export/list-releases";
import { previewRelease } from "../../../lib/export/preview-release";
import { writeBundle } from "../../../lib/export/write-bundle";
import { emit, fail, type OutputOptions } from "../output";
import { withDatabase } from "../with-database";

type CreateOptions = OutputOptions & {
  name: string; description?: string; source?: string; topic?: string; level?: string; difficulty?: string; split?: string;
  approvedBefore?: string; ratios?: string; dryRun?: boolean;
};

function ratiosOf(text: string | undefined) {
  if (!text) return undefined;
  const parts = text.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) throw new AppError("INVALID", "--ratios takes three numbers: train,validation,test (e.g. 0.8,0.1,0.1).");
  return { train: parts[0], validation: parts[1], test: parts[2] };
}

const splits = (c: { train: number; validation: number; test: number }) => `${c.train} train, ${c.validation} validation, ${c.test} test`;

export function registerReleaseCommands(program: Command): void {
  const release = program.command("release").description("releases: immutable snapshots of approved items");

  release.command("create")
    .description("freeze the approved version of every matching item as a release")
    .requiredOption("--name <name>", "the release's name (a slug)")
    .option("--description <text>", "what the release is for")
    .option("--source <identifier>", "only items of this source")
    .option("--topic <topic>", "only this topic (any case)")
    .option("--level <level>", "ADVANCED_UNDERGRADUATE, GRADUATE or RESEARCH")
    .option("--difficulty <difficulty>", "EASY, MEDIUM or HARD")
    .option("--split <split>", "only items in this split: train, validation or test")
    .option("--approved-before <date>", "only items approved before this UTC day (YYYY-MM-DD)")
    .option("--ratios <train,validation,test>", "shares for items without a split", "0.8,0.1,0.1")
    .option("--dry-run", "print the counts, write nothing")
    .option("--json", "print one JSON object")
    .action(async (options: CreateOptions) => {
      try {
        const { name, description, source, topic, level, difficulty, split, approvedBefore } = options;
        const filter = Object.fromEntries(Object.entries({ source, topic, level, difficulty, split, approvedBefore }).filter(([, v]) => v !== undefined));
        const input = { name, description, filter, splitRatios: ratiosOf(options.ratios) };
        if (options.dryRun) {
          const preview = await withDatabase(() => previewRelease(CLI_ACTOR, input));
          emit(options, preview, () => `${preview.total} approved item(s) would be released: ${splits(preview.bySplit)}. Nothing was written.`);
          return;
        }
        const created = await withDatabase(() => createRelease(CLI_ACTOR, input));
        emit(options, created, () => `Created ${created.name}: ${created.counts.total} item(s), ${splits(created.counts.bySplit)}; manifest.json sha256 ${created.manifestSha256}.`);
      } catch (error) {
        fail(options, error);
      }
    });

  release.command("list")
    .description("every release, newest first")
    .option("--json", "print one JSON object")
    .action(async (options: OutputOptions) => {
      try {
        const result = await withDatabase(() => listReleases(CLI_ACTOR));
        emit(options, result, () => result.releases.length
          ? result.releases.map((r) => `${r.name.padEnd(30)} ${String(r.itemCount).padStart(7)} items  ${r.createdAt.slice(0, 10)}  ${r.manifestSha256.slice(0, 16)}${r.deprecated ? "  deprecated" : ""}`).join("\n")
          : "No release yet.");
      } catch (error) {
        fail(options, error);
      }
    });

  release.command("deprecate")
    .description("mark a release deprecated (it stays downloadable)")
    .argument("<name>", "the release")
    .requiredOption("--reason <text>", "why")
    .option("--json", "print one JSON object")
    .action(async (name: string, options: OutputOptions & { reason: string }) => {
      try {
        const result = await withDatabase(() => deprecateRelease(CLI_ACTOR, name, { reason: options.reason }));
        emit(options, result, () => `${result.name} is deprecated: ${result.deprecated.reason}`);
      } catch (error) {
        fail(options, error);
      }
    });

  program.command("export")
    .description("write a release's bundle: a folder (same layout as the download) or a .tar.gz (same bytes)")
    .argument("<name>", "the release")
    .requiredOption("--out <path>", "a new or empty folder, or a file ending in .tar.gz")
    .option("--json", "print one JSON object")
    .action(async (name: string, options: OutputOptions & { out: string }) => {
      const abort = new AbortController();
      const stop = () => abort.abort(new Error("interrupted: nothing was written"));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const result = await withDatabase(() => writeBundle(CLI_ACTOR, name, options.out, abort.signal));
        emit(options, result, () => `Wrote ${result.name} to ${result.out} (${result.files} files, ${result.bytes.toLocaleString("en")} bytes uncompressed); manifest.json sha256 ${result.manifestSha256}.`);
      } catch (error) {
        fail(options, error);
      }
    });
}
