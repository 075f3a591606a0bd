// Keyset pagination cursors: an opaque token for the (createdAt, id) of the last row on a page.
import { z } from "zod";

export type Cursor = { at: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

const ZDecoded = z.tuple([z.string().datetime(), z.string().uuid()]);

/** Undefined for a missing cursor; throws a ZodError for a malformed one. */
export function decodeCursor(token: string | undefined): Cursor | undefined {
  if (!token) return undefined;
  const parts = Buffer.from(token, "base64url").toString("utf8").split("|");
  const [at, id] = ZDecoded.parse(parts);
  return { at: new Date(at), id };
}

/** Prisma `where` for rows strictly after the cursor in (createdAt desc, id desc) order. */
export function afterCursor(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] };
}
