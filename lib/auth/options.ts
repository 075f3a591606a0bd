import "server-only";
// next-auth 4 configuration: credentials provider, JWT sessions carrying the user id and role.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { getEnv } from "../env";
import { clientAddressOf } from "../http/client-address";
import { safeCallbackPath } from "./callback-url";
import { signInWithPassword } from "./sign-in";
import { tooManyAttemptsCode } from "./sign-in-messages";
import type { Role } from "./types";

const SESSION_HOURS = 12;

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword(credentials, clientAddressOf(req?.headers));
          } catch (error) {
            // next-auth passes the message of a thrown error to the client as `error`.
            if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(tooManyAttemptsCode(getEnv().SIGNIN_WINDOW_MINUTES));
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // Where next-auth sends the browser after sign-in or sign-out: only paths of this app.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(path)}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.role = (user as unknown as { role: Role }).role;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.id, email: token.email ?? "", name: token.name ?? "", role: token.role };
        return session;
      },
    },
  };
}
