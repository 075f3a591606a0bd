// Pipeline seed pairs (matched_pairs.yaml / example_pairs.yaml): a multi-document YAML stream, each
// document `problem: {type, content}` and `solution: {type, content}`. Read with the `yaml` library;
// every bad document is reported with its line, the good ones are kept.
import { LineCounter, parseAllDocuments } from "yaml";
import { z } from "zod";
import { RefusedInput } from "../../workers/errors";
import { emptyParsedFile, type ParsedFile } from "../types";

/** Alias references a document may hold; the library refuses more (a "billion laughs" bomb expands each). */
const MAX_ALIASES = 100;

const ZPart = z.union([z.string(), z.object({ type: z.string().optional(), content: z.string() }).passthrough()]);
const ZPair = z.object({ problem: ZPart, solution: ZPart.nullish(), title: z.string().nullish() }).passthrough();

const text = (part: z.infer<typeof ZPart> | null | undefined) => (part == null ? null : typeof part === "string" ? part : part.content);

export function parseYamlPairs(source: string, file: string, sourceIdentifier: string): ParsedFile {
  const out = emptyParsedFile(file);
  const lines = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  // A stream that cannot even be split into documents comes back as one object with errors.
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, i) => {
    const document = i + 1;
    // The document's first content line (not its `---` marker).
    const start = lines.linePos((doc.contents as { range?: [number] } | null)?.range?.[0] ?? doc.range?.[0] ?? 0).line;
    if (doc.errors.length) {
      // The first error of a document; the others are usually its echoes.
      const e = doc.errors[0];
      const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
      out.errors.push({ file, line, document, message: `YAML: ${e.message.split("\n")[0]}` });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      if (e instanceof ReferenceError && /alias/i.test(e.message)) {
        throw new RefusedInput(`${file}:${start} (document ${document}): YAML aliases that expand too much (over ${MAX_ALIASES} references; a "billion laughs" bomb?); nothing was imported`);
      }
      out.errors.push({ file, line: start, document, message: `YAML: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (value === null || value === undefined) {
      out.skipped++; // an empty document (e.g. a trailing ---)
      return;
    }
    if (typeof value === "object" && !Array.isArray(value) && !("problem" in value)) {
      out.errors.push({ file, line: start, document, message: "the document has no problem: (a document needs problem: {type, content} and optionally solution)" });
      return;
    }
    const parsed = ZPair.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
      out.errors.push({ file, line: start, document, message: `${where}${issue.message} (a document needs problem: {type, content} and optionally solution)` });
      return;
    }
    const problem = text(parsed.data.problem)?.trim() ?? "";
    if (!problem) {
      out.errors.push({ file, line: start, document, message: "problem.content is empty" });
      return;
    }
    out.seeds.push({
      sourceIdentifier,
      problem,
      solution: text(parsed.data.solution)?.trim() || null,
      title: parsed.data.title ?? null,
      location: `${file.split("/").pop()} document ${document}`,
    });
  });
  return out;
}
