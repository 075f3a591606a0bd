// GET/POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF); a POST must come from the app's origin
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { assertSameOrigin, errorResponse } from "@/lib/http/with-route";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  return NextAuth(request as never, { params: await context.params } as never, getAuthOptions());
}

async function post(request: Request, context: Context) {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return errorResponse(error);
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
