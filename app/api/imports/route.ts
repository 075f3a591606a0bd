// POST /api/imports — import seeds: multipart (file + format, sourceId, license, map, dryRun) or JSON
//   {arxivId, …options}; dryRun previews without writing → the import report
// GET /api/imports — import history, newest first (?cursor, ?limit)
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readForm, readJson, searchParams, withRoute } from "@/lib/http/with-route";
import { listImports } from "@/lib/imports/list-imports";
import { runImport } from "@/lib/imports/run-import";
import { ZArxivImport } from "@/lib/imports/schemas";

export const GET = withRoute(async (request) => listImports(await requireUser(), searchParams(request)));

export const POST = withRoute(async (request) => {
  const actor = await requireUser();
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const body = (await readJson(request)) as Record<string, unknown>;
    const { arxivId } = ZArxivImport.parse(body);
    return runImport(actor, { arxivId }, { ...body, arxivId: undefined });
  }
  // The file itself is checked against IMPORT_MAX_BYTES by runImport; the form around it may add a little.
  const form = await readForm(request, getEnv().IMPORT_MAX_BYTES + 1024 * 1024);
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID", "Attach a file (form field \"file\").");
  const options = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "file" && typeof v === "string" && v !== ""));
  return runImport(actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, options);
}, { accepts: ["application/json", "multipart/form-data"] });
