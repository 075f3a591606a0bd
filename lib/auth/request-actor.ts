import "server-only";
// The caller a route wrapper authenticated from the request itself (an API token), for the rest of that
// request: requireUser() returns it instead of looking at cookies, so a token request never falls back to
// a browser session.
import { AsyncLocalStorage } from "node:async_hooks";
import type { SessionUser } from "./types";

const storage = new AsyncLocalStorage<SessionUser>();

export function runAs<T>(actor: SessionUser, fn: () => Promise<T>): Promise<T> {
  return storage.run(actor, fn);
}

export function requestActor(): SessionUser | null {
  return storage.getStore() ?? null;
}
