import "server-only";
// The one wrapper for route handlers. Before the handler: a request with `Authorization: Bearer fw_…` is
// authenticated as that API token's user (401 unknown/expired/revoked/deactivated, 429 past its rate limit)
// and requireUser() returns that user for the rest of the request; a state-changing request must declare a
// body type the route reads (JSON, or multipart where the route says so) and, unless it carries a token,
// come from the app's own origin (a token request carries no browser cookies: there is nothing to forge).
// After it: validation errors → 422, AppError → its status, anything else → a logged generic 500.
// Handlers return plain data (sent as JSON) or a Response.
import { ZodError } from "zod";
import { getEnv } from "../env";
import { AppError, isAppError } from "../errors";
import { runAs } from "../auth/request-actor";
import { authenticateToken, bearerOf } from "../tokens/authenticate-token";
import { crossSiteReason, isStateChanging } from "./same-origin";

type Handler<C> = (request: Request, context: C) => Promise<unknown>;
type BodyType = "application/json" | "multipart/form-data";
export type RouteOptions = { accepts?: readonly BodyType[] };

const JSON_ONLY: readonly BodyType[] = ["application/json"];
/** Deeper JSON than this is refused before any schema walks it (test values nest a level or two). */
const MAX_JSON_DEPTH = 64;

export function withRoute<C>(handler: Handler<C>, options: RouteOptions = {}): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      const bearer = bearerOf(request.headers.get("authorization"));
      if (isStateChanging(request.method)) {
        if (bearer === null) assertSameOrigin(request);
        assertBodyType(request, options.accepts ?? JSON_ONLY);
      }
      const run = () => handler(request, context);
      const result = bearer === null ? await run() : await runAs(await authenticateToken(bearer), run);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return Response.json({ error: invalidInputSummary(issues), issues }, { status: 422 });
  }
  if (isAppError(error)) {
    const headers = error.retryAfter !== undefined ? { "Retry-After": String(error.retryAfter) } : undefined;
    return Response.json({ error: error.message, code: error.code, details: error.details }, { status: error.status, headers });
  }
  console.error(error);
  return Response.json({ error: "Internal error" }, { status: 500 });
}

/** Refuse a request that a page of another origin (another port of this host included) made the browser send. */
export function assertSameOrigin(request: Request): void {
  const reason = crossSiteReason(request.headers, getEnv().APP_URL);
  if (reason) throw new AppError("FORBIDDEN", `Cross-site request refused: ${reason}.`);
}

function assertBodyType(request: Request, accepts: readonly BodyType[]): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "" && !hasBody(request)) return;
  if (!accepts.includes(type as BodyType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the request body as ${accepts.join(" or ")}${type ? `, not ${type}` : ""}.`);
  }
}

function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  return (length !== null && length !== "0") || request.headers.has("transfer-encoding");
}

export function tooLarge(limit: number, what = "The request body"): AppError {
  return new AppError("TOO_LARGE", `${what} is larger than the limit of ${limit.toLocaleString("en")} bytes.`);
}

/** The body as text, refused with 413 once it passes `maxBytes` (read as a stream: no length is trusted). */
async function readText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Parse a JSON body under API_MAX_BODY_BYTES (or the route's own limit); malformed or absurdly nested JSON is
 * a 422, not a 500. An empty body reads as {} (the route's schema then says what is missing).
 */
export async function readJson(request: Request, maxBytes = getEnv().API_MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(request, maxBytes);
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidBody("The request body is not valid JSON.");
  }
  if (depthExceeds(value, MAX_JSON_DEPTH)) throw invalidBody(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  return value;
}

/** A multipart body under `maxBytes`; an unreadable or truncated one is a 422 that says so. */
export async function readForm(request: Request, maxBytes: number): Promise<FormData> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes, "The upload");
  try {
    return await request.formData();
  } catch {
    throw new AppError("INVALID", `The upload could not be read as multipart form data (is it over the limit of ${maxBytes.toLocaleString("en")} bytes, or cut off?).`);
  }
}

/** "Invalid input: gold: too large: … (and 2 more)": the first problem, where it is, in the one-line error. */
export function invalidInputSummary(issues: { path: string; message: string }[]): string {
  const [first] = issues;
  if (!first) return "Invalid input";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `Invalid input: ${first.path ? `${first.path}: ` : ""}${first.message}${more}`;
}

function invalidBody(message: string): ZodError {
  return new ZodError([{ code: "custom", path: [], message, input: undefined }]);
}

/** Iterative, so hostile nesting cannot overflow the stack here either. */
export function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
