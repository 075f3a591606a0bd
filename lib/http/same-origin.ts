// Cross-site request forgery: a state-changing request must come from the app's own origin. Pure.
// SameSite=Lax cookies do not stop a page on another port of the same host (same site, other origin), so
// the browser's Origin and Sec-Fetch-Site headers decide. Requests without either come from scripts and
// tools, not from a browser page, and carry no ambient browser credentials worth forging.

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/**
 * Why the request is refused as cross-site, or null when it may proceed. `appUrl` is the configured public
 * URL (APP_URL); without it the Origin must name the host the request was sent to.
 */
export function crossSiteReason(headers: Headers, appUrl: string | undefined): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (!sameOrigin(origin, headers.get("host"), appUrl)) return `requests from ${origin === "null" ? "an opaque origin" : origin} are not accepted`;
    return null;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return `a ${site} request is not accepted`;
  return null;
}

function sameOrigin(origin: string, host: string | null, appUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (appUrl) return parsed.origin === new URL(appUrl).origin;
  return host !== null && parsed.host === host.toLowerCase();
}
