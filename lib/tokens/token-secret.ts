// API token secrets: `fw_` + 32 random bytes in base62 (43 characters). Only the SHA-256 of the whole token
// is stored (right for secrets with 256 bits of entropy: nothing to guess, so no slow hash is needed), with a
// short prefix to recognise a token in lists. Pure (node:crypto only).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "fw_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_BYTES = 32;
/** 62^43 > 2^256 > 62^42: every 32-byte secret fits in 43 base62 digits. */
const SECRET_CHARS = 43;
/** Characters of the secret kept for display (fw_ + 8): 48 bits, far from enough to use, enough to recognise. */
const DISPLAY_CHARS = 8;
const SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${SECRET_CHARS}}$`);

export function base62(bytes: Uint8Array, width: number): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
  let out = "";
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(width, "0");
}

/** A new token: the secret (shown once), its hash (stored) and its display prefix. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + base62(randomBytes(SECRET_BYTES), SECRET_CHARS);
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + DISPLAY_CHARS) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has a token's shape (anything else cannot be one: no database lookup needed). */
export function looksLikeToken(value: string): boolean {
  return SHAPE.test(value);
}
