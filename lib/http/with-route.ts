import "server-only";
// The one wrapper for route handlers: maps validation errors to 422, AppError to its status, anything
// else to a logged generic 500. Handlers return plain data (sent as JSON) or a Response.
import { ZodError } from "zod";
import { isAppError } from "../errors";

type Handler<C> = (request: Request, context: C) => Promise<unknown>;

export function withRoute<C>(handler: Handler<C>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      const result = await handler(request, context);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return Response.json({ error: "Invalid input", issues }, { status: 422 });
  }
  if (isAppError(error)) {
    return Response.json({ error: error.message, code: error.code, details: error.details }, { status: error.status });
  }
  console.error(error);
  return Response.json({ error: "Internal error" }, { status: 500 });
}

/** Parse a JSON body; a malformed body is a 422, not a 500. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ZodError([{ code: "custom", path: [], message: "The request body is not valid JSON.", input: undefined }]);
  }
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
