import bcrypt from "bcryptjs";

const COST = 11;
let dummyHash: string | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  // Compare against a real hash even for unknown emails so sign-in time does not reveal which exist.
  dummyHash ??= bcrypt.hashSync("fieldwork-dummy-password", COST);
  const ok = await bcrypt.compare(password, hash ?? dummyHash);
  return ok && Boolean(hash);
}
