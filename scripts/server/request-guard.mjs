// Pure helpers of the web server (scripts/server.mjs), in plain JavaScript so the server needs no compiler.

/** The header that carries the client's address to the app. The server always overwrites it. */
export const CLIENT_ADDRESS_HEADER = "x-fieldwork-client-address";

/** Methods the app serves; anything else (TRACE, TRACK, CONNECT, …) is answered 405 before Next.js. */
export const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The client's address. With `trustedHops` = 0 it is the socket's peer; behind N reverse proxies that each
 * append to X-Forwarded-For it is the entry N hops from the right, so addresses a client wrote itself (to
 * the left) are never believed. Like Express's numeric `trust proxy`.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedHops
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trustedHops) {
  const socket = normalise(socketAddress ?? "") || "unknown";
  if (!trustedHops) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header.split(",").map((s) => normalise(s.trim())).filter(Boolean).reverse();
  const chain = [socket, ...hops];
  return chain[Math.min(trustedHops, chain.length - 1)];
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an address-like token → "". */
function normalise(address) {
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return /^[0-9a-fA-F:.]{2,45}$/.test(plain) ? plain : "";
}

/** Headers for the few answers the server gives itself (the app's pages get theirs from Next.js). */
export const BARE_SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cache-control": "no-store",
};
