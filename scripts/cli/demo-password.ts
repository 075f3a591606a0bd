// The demo accounts' password: DEMO_PASSWORD, or one generated on first start and kept in the data dir.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getDataDir } from "../../lib/db/data-dir";
import { getEnv } from "../../lib/env";

function passwordFile(): string {
  return path.join(getDataDir(), "demo-password.txt");
}

/** The demo password if one is known (env or data dir), without creating one. */
export function peekDemoPassword(): string | undefined {
  const fromEnv = getEnv().DEMO_PASSWORD;
  if (fromEnv) return fromEnv;
  return existsSync(passwordFile()) ? readFileSync(passwordFile(), "utf8").trim() : undefined;
}

export function getDemoPassword(): string {
  const known = peekDemoPassword();
  if (known) return known;
  const file = passwordFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = `demo-${randomBytes(6).toString("base64url")}`;
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
