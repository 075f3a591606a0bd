import "server-only";
// An import's reading and parsing, in the import worker thread with IMPORT_PARSE_MS and IMPORT_MEMORY_MB (a
// 10 KB .tex.gz that inflated to 10 MB once held the event loop 29 s and took 5 GB). What the worker refuses
// — a bomb, an unsafe archive, a resource-exhaustion YAML — and what overruns its budget is a located 422.
import { AppError } from "../errors";
import { isOverBudget, isPoolBusy, isRefusedInput } from "../workers/errors";
import { runTask } from "../workers/run-task";
import type { ParsedUpload } from "./parse-upload";
import type { ParseRequest } from "./read-and-parse";

export async function parseUploadOffThread(request: ParseRequest): Promise<ParsedUpload> {
  try {
    return await runTask("imports.parse", request);
  } catch (e) {
    if (isOverBudget(e)) {
      const setting = e.kind === "time" ? "IMPORT_PARSE_MS" : "IMPORT_MEMORY_MB";
      throw new AppError("INVALID", `${request.upload.fileName} is too large or complex to import: reading it ${e.message.replace(/^it /, "")} (${setting}); nothing was imported.`);
    }
    if (isRefusedInput(e)) throw new AppError("INVALID", e.message);
    if (isPoolBusy(e)) throw new AppError("RATE_LIMITED", e.message);
    throw e;
  }
}
