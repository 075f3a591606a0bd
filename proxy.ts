// Runs before every page and API route: (1) a fresh CSP nonce per request, passed to Next.js (which puts it
// on its scripts) and sent as the Content-Security-Policy; (2) redirects the signed-out to /login (pages) or
// answers 401 (API). Authorisation itself lives in the data layer.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./lib/env";
import { contentSecurityPolicy, newNonce } from "./lib/http/csp";

const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health"];

export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), getEnv().NODE_ENV !== "production");
  const response = await route(request, csp);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

async function route(request: NextRequest, csp: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const pass = () => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers } });
  };
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass();
  const token = await getToken({ req: request, secret: getEnv().NEXTAUTH_SECRET });
  if (token) return pass();
  if (pathname.startsWith("/api/")) {
    // API tokens (Authorization: Bearer) are checked by the route itself.
    if (request.headers.get("authorization")?.startsWith("Bearer ")) return pass();
    return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|css|js|woff2?)$).*)"],
};
