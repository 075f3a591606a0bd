// The client's address as the web server (scripts/server.mjs) recorded it from the socket or from trusted
// proxies (TRUST_PROXY). Client-supplied forwarding headers are never read here.
import { CLIENT_ADDRESS_HEADER } from "../../scripts/server/request-guard.mjs";

export { CLIENT_ADDRESS_HEADER };

type HeaderBag = Headers | Record<string, unknown> | undefined;

/** "unknown" when the app runs without that server (e.g. `next start` directly): one shared bucket. */
export function clientAddressOf(headers: HeaderBag): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
