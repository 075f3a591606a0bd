// The editor's calls to /api/items, with every outcome a value (never a throw): the editor decides
// what a conflict, a field error or a lost connection means for the user.
import type { ItemView } from "@/lib/items/get-item";
import type { ItemPatch } from "@/lib/items/schemas";
import type { FieldIssue } from "@/lib/items/draft";
import type { Revision, RevisionSummary } from "@/lib/items/revisions";
import type { CheckRunView } from "@/lib/checks/run-checks";
import type { ComputedExpected } from "@/lib/items/compute-expected";

type Status = ItemView["status"];
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: "conflict"; message: string; current: ItemView }
  | { ok: false; kind: "invalid"; message: string; issues: FieldIssue[] }
  | { ok: false; kind: "offline" | "error"; message: string };

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json" }, cache: "no-store" });
  } catch {
    return { ok: false, kind: "offline", message: "No connection." };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: body as T };
  const message = typeof body.error === "string" ? body.error : `The server answered ${response.status}.`;
  if (response.status === 409 && body.details && typeof body.details === "object" && "current" in body.details) {
    return { ok: false, kind: "conflict", message, current: (body.details as { current: ItemView }).current };
  }
  if (response.status === 422 && Array.isArray(body.issues)) {
    const issues = (body.issues as { path: string; message: string }[]).map((i) => ({
      path: i.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: i.message,
    }));
    return { ok: false, kind: "invalid", message: "The server refused some fields; they are marked.", issues };
  }
  return { ok: false, kind: "error", message };
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const itemApi = {
  get: (id: string) => call<ItemView>(`/api/items/${id}`),
  save: (id: string, version: number, patch: ItemPatch) => call<{ version: number; status: Status }>(`/api/items/${id}`, json("PUT", { version, ...patch })),
  submit: (id: string, version: number) => call<{ version: number; status: Status }>(`/api/items/${id}/submit`, json("POST", { version })),
  restore: (id: string, revision: number, version: number) =>
    call<{ version: number; status: Status }>(`/api/items/${id}/revisions/${revision}/restore`, json("POST", { version })),
  revisions: (id: string) => call<{ revisions: RevisionSummary[] }>(`/api/items/${id}/revisions`),
  revision: (id: string, version: number) => call<Revision>(`/api/items/${id}/revisions/${version}`),
  latestChecks: (id: string) => call<CheckRunView | null>(`/api/items/${id}/checks`),
  runChecks: (id: string) => call<CheckRunView>(`/api/items/${id}/checks`, { method: "POST" }),
  computeExpected: (id: string) => call<ComputedExpected>(`/api/items/${id}/expected`, { method: "POST" }),
};
