// The git-ignored data folder (default .data/): embedded PostgreSQL files and generated local secrets.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getEnv } from "../env";

const ZSecrets = z.object({ pgPassword: z.string().min(16), nextauthSecret: z.string().min(32) });
export type TSecrets = z.infer<typeof ZSecrets>;

export function getDataDir(): string {
  return path.resolve(getEnv().FIELDWORK_DATA_DIR);
}

/** Secrets generated on first start and kept in the data dir (mode 0600), never in the repository. */
export function loadOrCreateSecrets(dataDir = getDataDir()): TSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = ZSecrets.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: TSecrets = {
    pgPassword: randomBytes(18).toString("base64url"),
    nextauthSecret: randomBytes(32).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
