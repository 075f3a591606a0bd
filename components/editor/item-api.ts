// The editor's calls to /api/items, with every outcome a value (never a throw): the editor decides
// what a conflict, a refusal, a field error or a lost connection means for the user.
import type { ItemView } from "@/lib/items/get-item";
import type { ItemPatch } from "@/lib/items/schemas";
import type { FieldIssue } from "@/lib/items/draft";
import type { Revision, RevisionSummary } from "@/lib/items/revisions";
import type { CheckRunView } from "@/lib/checks/run-checks";
import type { ComputedExpected } from "@/lib/items/compute-expected";
import type { SubmitBlocker } from "@/lib/items/submit-gate";

type Status = ItemView["status"];
type Saved = { version: number; status: Status; fieldsHash: string };
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: "conflict"; message: string; current: ItemView }
  /** 409: the item is submitted for review and the request did not confirm withdrawing it */
  | { ok: false; kind: "withdraw"; message: string }
  /** 422 (or 413): refused as sent; `issues` locate field errors, `blockers` the checks that stop a submit */
  | { ok: false; kind: "invalid"; message: string; issues: FieldIssue[]; blockers: SubmitBlocker[] }
  | { ok: false; kind: "offline" | "error"; message: string };

type ErrorBody = { error?: unknown; issues?: unknown; details?: { current?: ItemView; withdrawRequired?: boolean; blockers?: SubmitBlocker[] } };

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json" }, cache: "no-store" });
  } catch {
    return { ok: false, kind: "offline", message: "No connection." };
  }
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  if (response.ok) return { ok: true, data: body as T };
  const message = typeof body.error === "string" ? body.error : `The server answered ${response.status}.`;
  if (response.status === 409 && body.details?.current) return { ok: false, kind: "conflict", message, current: body.details.current };
  if (response.status === 409 && body.details?.withdrawRequired) return { ok: false, kind: "withdraw", message };
  if (response.status === 422 || response.status === 413) {
    const issues = (Array.isArray(body.issues) ? (body.issues as { path: string; message: string }[]) : []).map((i) => ({
      path: i.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: i.message,
    }));
    return { ok: false, kind: "invalid", message, issues, blockers: body.details?.blockers ?? [] };
  }
  return { ok: false, kind: "error", message };
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
/** `withdraw: true` only when the user confirmed that saving a submitted item withdraws it from review. */
const confirmation = (withdraw: boolean) => (withdraw ? { withdraw: true } : {});

export const itemApi = {
  get: (id: string) => call<ItemView>(`/api/items/${id}`),
  save: (id: string, version: number, patch: ItemPatch, withdraw: boolean) => call<Saved>(`/api/items/${id}`, json("PUT", { version, ...patch, ...confirmation(withdraw) })),
  submit: (id: string, version: number) => call<Saved>(`/api/items/${id}/submit`, json("POST", { version })),
  applySuggestion: (id: string, commentId: string, version: number) => call<Saved>(`/api/items/${id}/comments/${commentId}/apply`, json("POST", { version })),
  restore: (id: string, revision: number, version: number, withdraw: boolean) =>
    call<Saved>(`/api/items/${id}/revisions/${revision}/restore`, json("POST", { version, ...confirmation(withdraw) })),
  revisions: (id: string) => call<{ revisions: RevisionSummary[] }>(`/api/items/${id}/revisions`),
  revision: (id: string, version: number) => call<Revision>(`/api/items/${id}/revisions/${version}`),
  latestChecks: (id: string) => call<CheckRunView | null>(`/api/items/${id}/checks`),
  runChecks: (id: string) => call<CheckRunView>(`/api/items/${id}/checks`, { method: "POST" }),
  computeExpected: (id: string) => call<ComputedExpected>(`/api/items/${id}/expected`, { method: "POST" }),
};
