// An arXiv import end to end against a local fixture server (never the internet): metadata becomes the
// Source, the e-print tarball's LaTeX becomes seeds with the paper's macros; offline is a clear 422.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { errorResponse } from "../../lib/http/with-route";
import type { SessionUser } from "../../lib/auth/types";
import { runImport } from "../../lib/imports/run-import";
import { makeTarGz } from "../support/archives";
import { makeUser, useTestDatabase } from "../support/db";

const FEED = readFileSync(new URL("../../lib/imports/fixtures/arxiv/2101.00001v2.xml", import.meta.url), "utf8");
const MAIN = String.raw`\documentclass{article}
\newcommand{\dd}{\mathrm{d}}
\newcommand{\ket}[1]{\left|#1\right\rangle}
\begin{document}
\section{Exercises}
\begin{problem}[Quality factor]
A mass $m$ on a spring $k$ loses energy at the rate $\dd E/\dd t = -\gamma E$. Find the quality factor $Q$.
\end{problem}
\begin{solution}
$Q = \omega_0/\gamma$ with $\omega_0 = \sqrt{k/m}$.
\end{solution}
\input{more}
\end{document}
`;
const MORE = String.raw`\begin{exercise}
Find $\langle x \rangle$ in the state $\ket{\psi}$ of a driven oscillator at resonance.
\end{exercise}
`;

describe("arXiv import", () => {
  useTestDatabase();
  let server: Server;
  let lead: SessionUser;
  beforeAll(async () => {
    lead = await makeUser("LEAD");
    const tarball = await makeTarGz([{ name: "main.tex", data: MAIN }, { name: "more.tex", data: MORE }]);
    server = createServer((req, res) => {
      if (req.url?.startsWith("/api/query")) {
        res.writeHead(200, { "content-type": "application/atom+xml" });
        res.end(FEED);
      } else if (req.url?.startsWith("/e-print/2101.00001")) {
        res.writeHead(200, { "content-type": "application/gzip" });
        res.end(tarball);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.ARXIV_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.ARXIV_BASE_URL;
    resetEnvCache();
    await new Promise((resolve) => server.close(resolve));
  });

  it("creates the source with its metadata and macros, and seeds from the paper's problems", async () => {
    const report = await runImport(lead, { arxivId: "arXiv:2101.00001v2" }, {});
    expect(report).toMatchObject({ format: "arxiv", created: 2, errors: [] });
    const source = await getDb().source.findUniqueOrThrow({ where: { identifier: "arXiv:2101.00001" }, include: { seeds: { orderBy: { location: "asc" } } } });
    expect(source).toMatchObject({ kind: "ARXIV", version: "v2", title: expect.stringContaining("Damped Oscillators") });
    expect(source.macros).toMatchObject({ "\\dd": "\\mathrm{d}", "\\ket": "\\left|#1\\right\\rangle" });
    expect(source.seeds.map((s) => [s.title, s.location])).toEqual([["Quality factor", "main.tex:6"], [null, "more.tex:1"]]);
    expect(source.seeds[0].solution).toContain("\\omega_0/\\gamma");
    expect((await runImport(lead, { arxivId: "2101.00001v2" }, {})).duplicates).toBe(2);
  });

  it("answers 422 with a clear message for an unknown paper, a bad id, and no connection", async () => {
    const unknown = errorResponse(await runImport(lead, { arxivId: "2101.99999" }, {}).catch((e: unknown) => e));
    expect(unknown.status).toBe(422);
    const bad = errorResponse(await runImport(lead, { arxivId: "not-an-id" }, {}).catch((e: unknown) => e));
    expect(((await bad.json()) as { error: string }).error).toMatch(/is not an arXiv id/);
    process.env.ARXIV_BASE_URL = "http://127.0.0.1:9";
    resetEnvCache();
    const offline = errorResponse(await runImport(lead, { arxivId: "2101.00001" }, {}).catch((e: unknown) => e));
    expect(offline.status).toBe(422);
    expect(((await offline.json()) as { error: string }).error).toMatch(/Cannot reach arXiv/);
    process.env.ARXIV_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resetEnvCache();
  });
});
