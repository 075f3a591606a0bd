import { describe, expect, it } from "vitest";
import { signInErrorMessage, tooManyAttemptsCode } from "./sign-in-messages";

describe("signInErrorMessage", () => {
  it("names the configured window, not a fixed one", () => {
    expect(signInErrorMessage(tooManyAttemptsCode(15))).toBe("Too many sign-in attempts. Wait 15 minutes and try again.");
    expect(signInErrorMessage(tooManyAttemptsCode(3))).toBe("Too many sign-in attempts. Wait 3 minutes and try again.");
    expect(signInErrorMessage(tooManyAttemptsCode(1))).toBe("Too many sign-in attempts. Wait a minute and try again.");
  });

  it("says wrong credentials for next-auth's code and something generic otherwise", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorMessage("TOO_MANY_ATTEMPTS:abc")).toBe("Sign-in failed. Try again.");
    expect(signInErrorMessage(undefined)).toBe("Sign-in failed. Try again.");
  });
});
