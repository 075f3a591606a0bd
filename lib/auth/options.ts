import "server-only";
// next-auth 4 configuration: credentials provider, JWT sessions carrying the user id and role.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { getEnv } from "../env";
import { signInWithPassword, TOO_MANY_ATTEMPTS } from "./sign-in";
import type { Role } from "./types";

const SESSION_HOURS = 12;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

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
            return await signInWithPassword(credentials, clientIp(req?.headers));
          } catch (error) {
            // next-auth passes the message of a thrown error to the client as `error`.
            if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(TOO_MANY_ATTEMPTS);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
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
