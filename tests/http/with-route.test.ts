// The route wrapper on its own: cross-site refusals, body types, size and depth limits, unreadable uploads.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readForm, readJson, withRoute } from "../../lib/http/with-route";

const echoJson = withRoute(async (request: Request) => ({ got: await readJson(request) }));
const echoForm = withRoute(async (request: Request) => ({ fields: [...(await readForm(request, 2048)).keys()] }), { accepts: ["application/json", "multipart/form-data"] });
const call = (handler: typeof echoJson, init: RequestInit & { headers?: Record<string, string> }) =>
  handler(new Request("http://localhost:3000/api/x", { method: "POST", ...init, headers: { host: "localhost:3000", ...init.headers } }), {});

describe("withRoute", () => {
  it("answers invalid input with 422, the first problem and where it is in the error line, and every problem listed", async () => {
    const strict = withRoute(async (request: Request) => z.object({ gold: z.string().max(3, "At most 3 characters."), pred: z.string() }).parse(await readJson(request)));
    const response = await call(strict, { body: '{"gold":"abcdef","pred":1}', headers: { "content-type": "application/json" } });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe("Invalid input: gold: At most 3 characters. (and 1 more)");
    expect(body.issues).toEqual([{ path: "gold", message: "At most 3 characters." }, { path: "pred", message: expect.any(String) }]);
  });

  it("runs a same-origin JSON request", async () => {
    const response = await call(echoJson, { body: '{"a":1}', headers: { "content-type": "application/json", origin: "http://localhost:3000" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ got: { a: 1 } });
  });

  it("refuses another origin, another port of the host included, before reading anything", async () => {
    for (const origin of ["http://localhost:8080", "http://evil.example", "null"]) {
      const response = await call(echoJson, { body: '{"a":1}', headers: { "content-type": "application/json", origin } });
      expect(response.status, origin).toBe(403);
      expect((await response.json()).error).toMatch(/Cross-site request refused/);
    }
    const sameSite = await call(echoJson, { body: "{}", headers: { "content-type": "application/json", "sec-fetch-site": "same-site" } });
    expect(sameSite.status).toBe(403);
  });

  it("refuses bodies a form could send (text/plain, urlencoded, multipart where not accepted) with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await call(echoJson, { body: '{"a":1}', headers: { "content-type": type } });
      expect(response.status, type).toBe(415);
    }
  });

  it("answers 413 past the body limit, whether or not a length is declared", async () => {
    const big = JSON.stringify({ text: "x".repeat(1024 * 1024 + 10) });
    const declared = await call(echoJson, { body: big, headers: { "content-type": "application/json", "content-length": String(big.length) } });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await call(echoJson, { body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit & { headers: Record<string, string> });
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error).toMatch(/1,048,576 bytes/);
  });

  it("answers 422 for malformed or absurdly nested JSON", async () => {
    const bad = await call(echoJson, { body: "{oops", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(422);
    const deep = await call(echoJson, { body: `${"[".repeat(20_000)}${"]".repeat(20_000)}`, headers: { "content-type": "application/json" } });
    expect(deep.status).toBe(422);
    expect(JSON.stringify(await deep.json())).toMatch(/nested more than 64 levels/);
  });

  it("reads multipart where accepted and says why an unreadable or oversized upload was refused", async () => {
    const form = new FormData();
    form.set("file", new Blob(["hello"]), "a.txt");
    expect(await (await echoForm(new Request("http://localhost:3000/x", { method: "POST", body: form }), {})).json()).toEqual({ fields: ["file"] });
    const cut = await call(echoForm, { body: "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(cut.status).toBe(422);
    expect((await cut.json()).error).toMatch(/could not be read as multipart/);
    const over = await call(echoForm, { body: "x".repeat(4096), headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "4096" } });
    expect(over.status).toBe(413);
  });
});
