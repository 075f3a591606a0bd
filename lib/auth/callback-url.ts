// Where to go after signing in: only a path of this app. Pure; used by the sign-in page, the form and next-auth.

const BASE = "http://fieldwork.invalid";
const MAX_LENGTH = 2048;

/**
 * `raw` when it is a same-origin path, else "/". A path must start with one "/" that is not followed by "/"
 * or "\" (browsers read both as another host), checked on the text as given and after URL-decoding, and
 * may hold no control characters (browsers drop tabs and newlines, so "/\t/evil.com" means "//evil.com").
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > MAX_LENGTH) return "/";
  const decoded = decodeFully(raw);
  if (decoded === null) return "/";
  for (const candidate of [raw, decoded]) {
    if (/[\u0000-\u001f\u007f]/.test(candidate)) return "/";
    if (!/^\/(?![/\\])/.test(candidate)) return "/";
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // Back to the sign-in page would loop.
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return "/";
  return raw;
}

/** Decode until stable (double-encoding hides a second slash just as well); null when malformed. */
function decodeFully(text: string): string | null {
  let current = text;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}
