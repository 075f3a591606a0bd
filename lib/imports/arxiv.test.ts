// The arXiv client against a local fixture server that plays export.arxiv.org and arxiv.org/e-print:
// fictional papers, every failure mode an importer must explain, and no request ever leaves the machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import * as tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArxivError, fetchArxivMetadata, fetchArxivSource, parseArxivId, toParsedSource } from "./arxiv";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/arxiv/${name}`, import.meta.url));
const TEX = "\\documentclass{article}\n\\begin{document}\nFind the period of a pendulum of length $L$.\n\\end{document}\n";

const FEEDS: Record<string, string> = {
  "2101.00001": "2101.00001v2.xml",
  "2101.00001v2": "2101.00001v2.xml",
  "hep-th/9901001": "hep-th_9901001v1.xml",
  "1501.00002": "1501.00002v1.xml",
  "2202.00003": "api-error.xml",
  "2303.00303": "entity-expansion.xml",
  "2909.00001": "not-a-feed.html",
  "2112.00042": "2101.00001v2.xml", // answers about another paper
};

async function tarGz(): Promise<Uint8Array> {
  const pack = tar.pack();
  pack.entry({ name: "main.tex" }, TEX);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

let server: Server;
let baseUrl: string;
let tarball: Uint8Array;
const userAgents: string[] = [];

function fail(res: ServerResponse, id: string): boolean {
  const errors: Record<string, [number, Record<string, string>]> = {
    "2303.00404": [404, {}],
    "2404.00429": [429, { "Retry-After": "30" }],
    "2505.00503": [503, {}],
    "2606.00500": [500, {}],
  };
  const hit = errors[id];
  if (hit) res.writeHead(hit[0], hit[1]).end("no");
  if (id === "2707.00001") setTimeout(() => res.end(), 2_000).unref(); // never answers in time
  if (id === "2707.00002") {
    res.writeHead(200).write("\x1f\x8b"); // headers and a first byte, then silence
    setTimeout(() => res.end(), 2_000).unref();
  }
  if (id === "2808.00001") {
    res.writeHead(200); // chunked: the size is only known while streaming
    for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1024, 0x61));
    res.end();
  }
  if (id === "2808.00002") res.writeHead(200, { "Content-Length": "100000" }).end(Buffer.alloc(100_000, 0x61));
  return Boolean(hit) || id.startsWith("2707.") || id.startsWith("2808.");
}

function ePrint(res: ServerResponse, id: string): void {
  const bodies: Record<string, [string, Uint8Array]> = {
    "2101.00001": ["application/gzip", tarball],
    "2101.00001v2": ["application/gzip", tarball],
    "1501.00002": ["application/gzip", gzipSync(TEX)],
    "hep-th/9901001": ["text/plain; charset=utf-8", Buffer.from(TEX)],
    "2202.00003": ["application/pdf", Buffer.from("%PDF-1.5\n% fictional\n")],
  };
  const body = bodies[id];
  if (!body) res.writeHead(404).end();
  else res.writeHead(200, { "Content-Type": body[0] }).end(body[1]);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  userAgents.push(req.headers["user-agent"] ?? "");
  const url = new URL(req.url ?? "/", "http://fixture.test");
  if (url.pathname === "/api/query") {
    const id = url.searchParams.get("id_list") ?? "";
    if (fail(res, id)) return;
    if (id === "2910.00001") return void res.writeHead(200).end("<feed><entry></feed>");
    res.writeHead(200, { "Content-Type": "application/atom+xml; charset=utf-8" }).end(fixture(FEEDS[id] ?? "empty.xml"));
  } else if (url.pathname.startsWith("/e-print/")) {
    const id = url.pathname.slice("/e-print/".length);
    if (!fail(res, id)) ePrint(res, id);
  } else res.writeHead(404).end();
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  tarball = await tarGz();
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const id = (s: string) => parseArxivId(s)!;
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected an ArxivError");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(ArxivError);
      return (e as ArxivError).message;
    },
  );

describe("parseArxivId", () => {
  it.each([
    ["arXiv:2101.00001v2", { id: "2101.00001", version: "v2" }],
    ["  2101.00001 ", { id: "2101.00001", version: null }],
    ["0704.0001", { id: "0704.0001", version: null }],
    ["1412.9999v12", { id: "1412.9999", version: "v12" }],
    ["hep-th/9901001", { id: "hep-th/9901001", version: null }],
    ["ARXIV:cond-mat/0703001v3", { id: "cond-mat/0703001", version: "v3" }],
    ["math.GT/0309136", { id: "math/0309136", version: null }],
    ["arxiv.org/abs/2101.00001", { id: "2101.00001", version: null }],
    ["https://arxiv.org/abs/hep-th/9901001v2", { id: "hep-th/9901001", version: "v2" }],
    ["https://export.arxiv.org/pdf/2101.00001v1.pdf", { id: "2101.00001", version: "v1" }],
  ])("reads %j", (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each([
    "", "   ", "2101.0001", "1412.00001", "2113.00001", "0612.0001", "2101.00001v0", "2101.00001v", "2101.000011",
    "2101.00001 extra", "hep-th/990100", "hep-th/9913001", "hep_th/9901001", "9901001", "doi:10.1000/xyz",
    "https://example.com/abs/2101.00001", "arXiv:", "../../etc/passwd",
  ])("refuses %j", (input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});

describe("fetchArxivMetadata", () => {
  it("reads title, authors, license link, category and the version from the entry id", async () => {
    const meta = await fetchArxivMetadata(id("2101.00001"), { baseUrl: `${baseUrl}/` });
    expect(meta).toEqual({
      id: "2101.00001",
      version: "v2",
      title: "Graded Exercises on Damped Oscillators & Driven Resonance in Coupled Pendula",
      authors: ["Ada Fictitia", "Bruno Imaginario"],
      license: "http://creativecommons.org/licenses/by/4.0/",
      primaryCategory: "physics.class-ph",
      abstractUrl: "https://arxiv.org/abs/2101.00001v2",
      published: "2021-01-01T09:30:00Z",
    });
    expect(userAgents.at(-1)).toBe("Fieldwork/0.1 (+https://example.invalid/fieldwork)");
    expect(toParsedSource(meta)).toEqual({
      identifier: "arXiv:2101.00001",
      kind: "ARXIV",
      title: meta.title,
      authors: meta.authors,
      url: "https://arxiv.org/abs/2101.00001v2",
      license: "http://creativecommons.org/licenses/by/4.0/",
      version: "v2",
      category: "physics.class-ph",
    });
  });

  it("reads old-style ids, <arxiv:license> and numeric character references", async () => {
    const meta = await fetchArxivMetadata(id("hep-th/9901001"), { baseUrl });
    expect(meta.title).toBe("Toy Problems in Two-Dimensional \u201cGauge\u201d Theories");
    expect(meta.license).toBe("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    expect(meta.version).toBe("v1");
    expect(meta.abstractUrl).toBe("https://arxiv.org/abs/hep-th/9901001v1");
  });

  it("gives a null license when the feed has none", async () => {
    const meta = await fetchArxivMetadata(id("1501.00002"), { baseUrl });
    expect(meta.license).toBeNull();
    expect(meta.title).toBe("Heat Capacity of a Three\u2011Level System: Exercises");
  });

  it.each([
    ["2112.99999", "arXiv has no paper 2112.99999"], // empty feed
    ["2202.00003", "arXiv has no paper 2202.00003"], // API error entry
    ["2303.00404", "arXiv has no paper 2303.00404"], // HTTP 404
    ["2112.00042", "arXiv answered with http://arxiv.org/abs/2101.00001v2 when asked for 2112.00042"],
    ["2404.00429", "arXiv is rate limiting requests or busy (HTTP 429); retry after 30 s"],
    ["2505.00503", "arXiv is rate limiting requests or busy (HTTP 503); wait a minute and retry"],
    ["2606.00500", "arXiv answered HTTP 500 Internal Server Error for 2606.00500"],
  ])("explains %s", async (paper, message) => {
    expect(await rejection(fetchArxivMetadata(id(paper), { baseUrl }))).toBe(message);
  });

  it("refuses DOCTYPE entities, malformed XML and non-feeds without expanding anything", async () => {
    expect(await rejection(fetchArxivMetadata(id("2303.00303"), { baseUrl }))).toMatch(/not an arXiv Atom feed \(it declares a DOCTYPE\)/);
    expect(await rejection(fetchArxivMetadata(id("2910.00001"), { baseUrl }))).toMatch(/not an arXiv Atom feed \(malformed XML/);
    expect(await rejection(fetchArxivMetadata(id("2909.00001"), { baseUrl }))).toMatch(/not an arXiv Atom feed \(unexpected structure\)/);
  });

  it("refuses hand-built ids that are not arXiv ids", async () => {
    expect(await rejection(fetchArxivMetadata({ id: "../admin", version: null }, { baseUrl }))).toBe('"../admin" is not an arXiv id');
  });
});

describe("fetchArxivSource", () => {
  it("downloads a gzipped tar as <id><version>.tar.gz", async () => {
    const source = await fetchArxivSource(id("2101.00001v2"), { baseUrl });
    expect(source.fileName).toBe("2101.00001v2.tar.gz");
    expect(source.contentType).toBe("application/gzip");
    expect(Buffer.from(source.bytes).equals(Buffer.from(tarball))).toBe(true);
  });

  it("names a gzipped single file .tex.gz and a plain one .tex, with / replaced by _", async () => {
    const gz = await fetchArxivSource(id("1501.00002"), { baseUrl });
    expect(gz.fileName).toBe("1501.00002.tex.gz");
    expect(gunzipSync(gz.bytes).toString()).toBe(TEX);
    const plain = await fetchArxivSource(id("hep-th/9901001"), { baseUrl });
    expect(plain.fileName).toBe("hep-th_9901001.tex");
    expect(plain.contentType).toBe("text/plain; charset=utf-8");
  });

  it("explains PDF-only papers and missing ones", async () => {
    expect(await rejection(fetchArxivSource(id("2202.00003"), { baseUrl }))).toBe("arXiv has only a PDF for 2202.00003, no LaTeX source");
    expect(await rejection(fetchArxivSource(id("2303.00404v1"), { baseUrl }))).toBe("arXiv has no paper 2303.00404v1");
  });

  it("stops at maxBytes, whether or not the size is announced", async () => {
    for (const paper of ["2808.00001", "2808.00002"]) {
      expect(await rejection(fetchArxivSource(id(paper), { baseUrl, maxBytes: 4096 }))).toBe(
        `arXiv's answer for ${paper} is larger than 4,096 bytes; it was not downloaded`,
      );
    }
  });
});

describe("network failures", () => {
  it("times out before the headers and in the middle of the body", async () => {
    expect(await rejection(fetchArxivMetadata(id("2707.00001"), { baseUrl, timeoutMs: 200 }))).toBe("arXiv did not answer within 0.2 s");
    expect(await rejection(fetchArxivSource(id("2707.00002"), { baseUrl, timeoutMs: 200 }))).toBe("arXiv did not answer within 0.2 s");
  });

  it("says the default timeout in seconds", async () => {
    const fetchImpl = (async () => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    }) as typeof fetch;
    expect(await rejection(fetchArxivMetadata(id("2101.00001"), { baseUrl, fetchImpl }))).toBe("arXiv did not answer within 15 s");
  });

  it("names the base URL and the cause when arXiv cannot be reached", async () => {
    const offline = `http://127.0.0.1:${await freePort()}`;
    expect(await rejection(fetchArxivMetadata(id("2101.00001"), { baseUrl: offline }))).toBe(
      `Cannot reach arXiv at ${offline}: ECONNREFUSED — check the connection or ARXIV_BASE_URL`,
    );
    const fetchImpl = (async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND arxiv.invalid"), { code: "ENOTFOUND" }) });
    }) as typeof fetch;
    expect(await rejection(fetchArxivSource(id("2101.00001"), { baseUrl: "https://arxiv.invalid", fetchImpl }))).toBe(
      "Cannot reach arXiv at https://arxiv.invalid: ENOTFOUND — check the connection or ARXIV_BASE_URL",
    );
  });

  it("refuses a base URL that is not http(s) and nonsense options", async () => {
    expect(await rejection(fetchArxivMetadata(id("2101.00001"), { baseUrl, timeoutMs: -1 }))).toMatch(/^Invalid arXiv option timeoutMs: /);
    expect(await rejection(fetchArxivMetadata(id("2101.00001"), { baseUrl: "ftp://arxiv.org" }))).toBe('arXiv base URL "ftp://arxiv.org" must be an http(s) URL — check ARXIV_BASE_URL');
  });
});
