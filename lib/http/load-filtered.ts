// List pages: run a listing with the filters from the query string; filters that do not parse become a
// message to show above the (empty) list instead of an error page.
import { ZodError } from "zod";

export type Filtered<T> = { page: T | null; error: string | null };

export async function loadFiltered<T>(load: () => Promise<T>): Promise<Filtered<T>> {
  try {
    return { page: await load(), error: null };
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    return { page: null, error: `Invalid filter: ${e.issues.map((i) => `${i.path.join(".")} — ${i.message}`).join("; ")}` };
  }
}
