// Keyset pagination cursors: an opaque token for the (timestamp, id) of the last row on a page, where the
// timestamp is the list's sort key (createdAt for seeds, updatedAt for items).
import { z } from "zod";

export type Cursor = { at: Date; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

const ZDecoded = z.tuple([z.string().datetime(), z.string().uuid()]);

/** Undefined for a missing cursor; throws a ZodError for a malformed one. */
export function decodeCursor(token: string | undefined): Cursor | undefined {
  if (!token) return undefined;
  const parts = Buffer.from(token, "base64url").toString("utf8").split("|");
  const [at, id] = ZDecoded.parse(parts);
  return { at: new Date(at), id };
}

/** Prisma `where` for rows strictly after the cursor in (key desc, id desc) order. */
export function afterCursor<K extends "createdAt" | "updatedAt" = "createdAt">(cursor: Cursor | undefined, key: K = "createdAt" as K) {
  if (!cursor) return {};
  return { OR: [{ [key]: { lt: cursor.at } }, { [key]: cursor.at, id: { lt: cursor.id } }] } as {
    OR: [Record<K, { lt: Date }>, Record<K, Date> & { id: { lt: string } }];
  };
}
