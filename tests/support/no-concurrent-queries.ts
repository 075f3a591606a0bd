// Every Vitest file: pg warns when two queries run at once on one client (an error in pg 9). Prisma does
// that inside interactive transactions when it loads relations with separate queries; the schema's
// relationJoins loads them in one. Any such warning fails the test that caused it.
import { afterEach } from "vitest";

const seen: string[] = [];
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && /already executing a query/.test(warning.message)) seen.push(warning.message);
});

afterEach(() => {
  if (seen.length) {
    const message = seen.splice(0).join("\n");
    throw new Error(`Concurrent queries on one pg client during this test:\n${message}`);
  }
});
