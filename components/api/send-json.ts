// The browser's one way to call the app's JSON API outside the editor: every outcome is a value.
export type FieldErrors = Record<string, string>;
export type SendResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; fieldErrors: FieldErrors };

export async function sendJson<T>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: "No connection to the server. Nothing was changed.", fieldErrors: {} };
  }
  const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  const fieldErrors: FieldErrors = {};
  if (Array.isArray(parsed.issues)) {
    for (const issue of parsed.issues as { path: string; message: string }[]) fieldErrors[issue.path || "form"] ??= issue.message;
  }
  const error = Object.keys(fieldErrors).length
    ? Object.values(fieldErrors).join(" ")
    : typeof parsed.error === "string" ? parsed.error : `The server answered ${response.status}.`;
  return { ok: false, status: response.status, error, fieldErrors };
}
