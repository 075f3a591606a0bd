// Call a route handler (app/api/**/route.ts) as the server would, optionally with an API token.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Called = { status: number; body: Record<string, unknown>; headers: Headers };

export async function callRoute(
  handler: unknown,
  { method = "GET", url, token, body, headers = {}, params = {} }: { method?: string; url: string; token?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> },
): Promise<Called> {
  const request = new Request(`http://localhost:3000${url}`, {
    method,
    headers: {
      host: "localhost:3000",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
