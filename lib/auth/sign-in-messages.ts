// What the sign-in form says for each outcome (pure: the server builds the code, the browser shows the text).

const PREFIX = "TOO_MANY_ATTEMPTS:";

/** The error code next-auth carries to the browser when the rate limit refuses a sign-in. */
export function tooManyAttemptsCode(windowMinutes: number): string {
  return `${PREFIX}${windowMinutes}`;
}

export function tooManyAttemptsMessage(windowMinutes: number): string {
  const wait = windowMinutes === 1 ? "a minute" : `${windowMinutes} minutes`;
  return `Too many sign-in attempts. Wait ${wait} and try again.`;
}

/** The sentence for an error code next-auth returned. */
export function signInErrorMessage(code: string | null | undefined): string {
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code?.startsWith(PREFIX)) {
    const minutes = Number(code.slice(PREFIX.length));
    if (Number.isInteger(minutes) && minutes > 0) return tooManyAttemptsMessage(minutes);
  }
  return "Sign-in failed. Try again.";
}
