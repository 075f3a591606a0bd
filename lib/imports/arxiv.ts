// arXiv client: recognise paper ids, read a paper's metadata from the export API's Atom feed and download
// its e-print (the LaTeX source). Network and feed are untrusted, so bodies are size-capped and
// time-limited, XML entities are never expanded, and every failure is an ArxivError an importer can show.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { constants as zlibConstants, gunzipSync } from "node:zlib";
import { z } from "zod";
import type { ParsedSource } from "./types";

export class ArxivError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArxivError";
  }
}

export type ArxivId = { id: string; version: string | null };
export type ArxivMetadata = {
  id: string;
  version: string | null;
  title: string;
  authors: string[];
  license: string | null;
  primaryCategory: string | null;
  abstractUrl: string;
  published: string | null;
};
export type ArxivOptions = { baseUrl: string; timeoutMs?: number; maxBytes?: number; fetchImpl?: typeof fetch };
export type ArxivSource = { bytes: Uint8Array; contentType: string | null; fileName: string };

const USER_AGENT = "Fieldwork/0.1 (+https://example.invalid/fieldwork)";
const MB = 1024 * 1024;
// A feed for one paper is a few kB; a larger answer is not the API, whatever maxBytes allows for sources.
const MAX_FEED_BYTES = 5 * MB;

// 4-digit numbers ran 0704–1412, 5-digit ones from 1501: the digit count is tied to the month.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(v[1-9]\d*)?$/;
// Pre-2007 ids; the subject class ("math.GT/…") is optional and not part of the canonical id.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[a-z]+(?:-[a-z]+)?)?\/(\d{2})(\d{2})(\d{3})(v[1-9]\d*)?$/i;
const ARXIV_URL = /^(?:https?:\/\/)?(?:(?:www|export)\.)?arxiv\.org\/(?:abs|pdf|e-print|src)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;

function newStyle(s: string): ArxivId | null {
  const m = NEW_STYLE.exec(s);
  if (!m) return null;
  const [, yy, mm, num, version] = m;
  const yymm = Number(yy + mm);
  const month = Number(mm);
  if (month < 1 || month > 12 || yymm < 704 || Number(num) === 0) return null;
  if ((num.length === 4) !== yymm <= 1412) return null;
  return { id: `${yy}${mm}.${num}`, version: version ?? null };
}

function oldStyle(s: string): ArxivId | null {
  const m = OLD_STYLE.exec(s);
  if (!m) return null;
  const [, archive, yy, mm, num, version] = m;
  const year = Number(yy);
  const month = Number(mm);
  if (month < 1 || month > 12 || (year > 7 && year < 91) || Number(num) === 0) return null;
  return { id: `${archive.toLowerCase()}/${yy}${mm}${num}`, version: version ?? null };
}

/** The canonical id of "arXiv:2101.00001v2", "hep-th/9901001", "https://arxiv.org/abs/…", else null. */
export function parseArxivId(input: string): ArxivId | null {
  const trimmed = input.trim();
  const bare = (ARXIV_URL.exec(trimmed)?.[1] ?? trimmed).replace(/^arxiv:\s*/i, "");
  return newStyle(bare) ?? oldStyle(bare);
}

// Callers may build an ArxivId by hand; re-parsing keeps paths like "../x" out of request URLs.
function checkId(id: ArxivId): { wanted: ArxivId; label: string } {
  const label = `${id.id}${id.version ?? ""}`;
  const wanted = parseArxivId(label);
  if (!wanted || wanted.id !== id.id || wanted.version !== id.version) throw new ArxivError(`"${label}" is not an arXiv id`);
  return { wanted, label };
}

type Resolved = { baseUrl: string; timeoutMs: number; maxBytes: number; fetchImpl: typeof fetch };

const OptionsSchema = z.object({
  baseUrl: z.string().trim().refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "must be an http(s) URL"),
  timeoutMs: z.number().int().positive().default(15_000),
  maxBytes: z.number().int().positive().default(50 * MB),
  fetchImpl: z.custom<typeof fetch>((f) => typeof f === "function").optional(),
});

function resolveOptions(options: ArxivOptions): Resolved {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.path[0] === "baseUrl") throw new ArxivError(`arXiv base URL "${options.baseUrl}" ${issue.message} — check ARXIV_BASE_URL`);
    throw new ArxivError(`Invalid arXiv option ${issue.path.join(".")}: ${issue.message}`);
  }
  const { baseUrl, timeoutMs, maxBytes, fetchImpl } = parsed.data;
  return { baseUrl: baseUrl.replace(/\/+$/, ""), timeoutMs, maxBytes, fetchImpl: fetchImpl ?? fetch };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const size = (n: number) => (n % MB === 0 ? `${n / MB} MB` : `${n.toLocaleString("en")} bytes`);

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? cause?.message ?? (e as Error).message ?? String(e);
}

// undici rejects with the signal's reason (a TimeoutError), both before the headers and mid-body.
function failure(e: unknown, opts: Resolved): ArxivError {
  if (e instanceof ArxivError) return e;
  if ((e as Error | null)?.name === "TimeoutError") return new ArxivError(`arXiv did not answer within ${seconds(opts.timeoutMs)}`);
  return new ArxivError(`Cannot reach arXiv at ${opts.baseUrl}: ${causeOf(e)} — check the connection or ARXIV_BASE_URL`);
}

function statusError(res: Response, label: string): ArxivError {
  if (res.status === 404) return new ArxivError(`arXiv has no paper ${label}`);
  if (res.status === 429 || res.status === 503) {
    const retry = res.headers.get("retry-after")?.trim();
    const when = retry ? `retry after ${/^\d+$/.test(retry) ? `${retry} s` : retry}` : "wait a minute and retry";
    return new ArxivError(`arXiv is rate limiting requests or busy (HTTP ${res.status}); ${when}`);
  }
  return new ArxivError(`arXiv answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} for ${label}`);
}

async function request(path: string, opts: Resolved, label: string): Promise<Response> {
  let res: Response;
  try {
    res = await opts.fetchImpl(`${opts.baseUrl}${path}`, {
      headers: { "User-Agent": USER_AGENT },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (e) {
    throw failure(e, opts);
  }
  if (res.ok) return res;
  await res.body?.cancel().catch(() => undefined);
  throw statusError(res, label);
}

// Streams so that an oversize answer is dropped at the limit instead of being buffered whole.
async function readCapped(res: Response, limit: number, opts: Resolved, label: string): Promise<Uint8Array> {
  const tooBig = new ArxivError(`arXiv's answer for ${label} is larger than ${size(limit)}; it was not downloaded`);
  if (Number(res.headers.get("content-length")) > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      total += chunk.value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooBig;
      }
      chunks.push(chunk.value);
    }
  } catch (e) {
    throw failure(e, opts);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const ENTITIES = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

// Entity processing is off in the parser (no DOCTYPE expansion); the predefined and numeric ones are safe.
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith("#")) return ENTITIES.get(name) ?? whole;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const ok = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return ok ? String.fromCodePoint(code) : whole;
  });
}

const clean = (s: string | undefined) => (s ? decodeEntities(s).replace(/\s+/g, " ").trim() || null : null);
const Text = z
  .union([z.string(), z.object({ "#text": z.string().optional() }).loose()])
  .optional()
  .transform((v) => clean(typeof v === "string" ? v : v?.["#text"]));
const Attrs = z.object({ "@_href": Text, "@_rel": Text, "@_term": Text }).loose();
const Entry = z
  .object({
    id: Text,
    title: Text,
    published: Text,
    license: Text,
    author: z.array(z.union([z.string(), z.object({ name: Text }).loose()])).default([]),
    link: z.array(z.union([z.string(), Attrs])).default([]),
    primary_category: z.union([z.string(), Attrs]).optional(),
  })
  .loose();
type Entry = z.infer<typeof Entry>;
const Feed = z.object({
  feed: z.union([z.string(), z.object({ entry: z.array(z.union([z.string(), Entry])).default([]) }).loose()]),
});

// Prefixes are dropped so <arxiv:license> and <arxiv:primary_category> read the same whatever the feed names them.
const parser = new XMLParser({
  ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, processEntities: false, htmlEntities: false,
  isArray: (name) => name === "entry" || name === "author" || name === "link",
});

function firstEntry(xml: string, label: string): Entry | null {
  const notFeed = (why: string) => new ArxivError(`arXiv's answer for ${label} is not an arXiv Atom feed (${why})`);
  if (/<!DOCTYPE/i.test(xml)) throw notFeed("it declares a DOCTYPE");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw notFeed(`malformed XML on line ${valid.err.line}: ${valid.err.msg}`);
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    throw notFeed((e as Error).message);
  }
  const feed = Feed.safeParse(doc);
  if (!feed.success) throw notFeed("unexpected structure");
  if (typeof feed.data.feed === "string") return null;
  return feed.data.feed.entry.find((e): e is Entry => typeof e !== "string") ?? null;
}

const https = (url: string) => url.replace(/^http:\/\/(?:export\.)?arxiv\.org\//i, "https://arxiv.org/");
const attrs = (v: Entry["link"][number] | undefined) => (typeof v === "string" || !v ? null : v);

function toMetadata(entry: Entry | null, wanted: ArxivId, label: string): ArxivMetadata {
  // The API reports bad or unknown ids as a 200 feed with no entry or an "Error" entry, not as a 404.
  if (!entry?.id || !entry.title || entry.title === "Error" || /\/api\/errors/.test(entry.id)) {
    throw new ArxivError(`arXiv has no paper ${label}`);
  }
  const found = parseArxivId(entry.id);
  if (found?.id !== wanted.id) throw new ArxivError(`arXiv answered with ${entry.id} when asked for ${label}`);
  const links = entry.link.map(attrs);
  const licenseLink = links.find((l) => l?.["@_rel"] === "license")?.["@_href"];
  const alternate = links.find((l) => l?.["@_rel"] === "alternate")?.["@_href"];
  return {
    id: wanted.id,
    version: wanted.version ?? found.version,
    title: entry.title,
    authors: entry.author.flatMap((a) => (typeof a === "string" ? [] : a.name ? [a.name] : [])),
    license: entry.license ?? licenseLink ?? null,
    primaryCategory: attrs(entry.primary_category)?.["@_term"] ?? null,
    abstractUrl: https(alternate ?? entry.id),
    published: entry.published,
  };
}

/** Title, authors, license… of one paper, from `${baseUrl}/api/query?id_list=…`. */
export async function fetchArxivMetadata(id: ArxivId, options: ArxivOptions): Promise<ArxivMetadata> {
  const opts = resolveOptions(options);
  const { wanted, label } = checkId(id);
  const res = await request(`/api/query?id_list=${label}`, opts, label);
  const bytes = await readCapped(res, Math.min(opts.maxBytes, MAX_FEED_BYTES), opts, label);
  return toMetadata(firstEntry(new TextDecoder().decode(bytes), label), wanted, label);
}

const startsWith = (b: Uint8Array, ascii: string) => Buffer.from(b.subarray(0, ascii.length)).toString("latin1") === ascii;
const isTar = (b: Uint8Array) => b.length > 262 && Buffer.from(b.subarray(257, 262)).toString("latin1") === "ustar";

// Only the first 4 kB are inflated (≤ ~4 MB out), enough to see a tar header without a bomb's cost.
function gunzipHead(bytes: Uint8Array): Uint8Array | null {
  try {
    return gunzipSync(bytes.subarray(0, 4096), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

// arXiv serves a gzipped tar, a gzipped single .tex, or a PDF; fetch undoes a Content-Encoding itself.
function extension(bytes: Uint8Array, label: string): string {
  const pdfOnly = () => new ArxivError(`arXiv has only a PDF for ${label}, no LaTeX source`);
  if (bytes.length === 0) throw new ArxivError(`arXiv sent an empty source for ${label}`);
  if (startsWith(bytes, "%PDF")) throw pdfOnly();
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const head = gunzipHead(bytes);
    if (head && startsWith(head, "%PDF")) throw pdfOnly();
    return head && head.length > 0 && !isTar(head) ? ".tex.gz" : ".tar.gz";
  }
  return isTar(bytes) ? ".tar" : ".tex";
}

/** The e-print of one paper from `${baseUrl}/e-print/…`, named for the archive reader. */
export async function fetchArxivSource(id: ArxivId, options: ArxivOptions): Promise<ArxivSource> {
  const opts = resolveOptions(options);
  const { wanted, label } = checkId(id);
  const res = await request(`/e-print/${label}`, opts, label);
  const bytes = await readCapped(res, opts.maxBytes, opts, label);
  const fileName = `${wanted.id.replace(/\//g, "_")}${wanted.version ?? ""}${extension(bytes, label)}`;
  return { bytes, contentType: res.headers.get("content-type"), fileName };
}

export function toParsedSource(meta: ArxivMetadata): ParsedSource {
  return {
    identifier: `arXiv:${meta.id}`,
    kind: "ARXIV",
    title: meta.title,
    authors: meta.authors,
    url: meta.abstractUrl,
    license: meta.license,
    version: meta.version,
    category: meta.primaryCategory,
  };
}
