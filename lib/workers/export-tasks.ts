// The tasks of the export worker threads (export-worker-entry.ts loads this module; the server side only
// imports its types): a batch of a release's rows encoded for one data file, or for every file of its split
// (release creation). A registry apart from tasks.ts,
// so these threads load the export's modules only.
import { encodeAll, encodeBatch } from "../export/bundle/encode-batch";

export const EXPORT_TASKS = {
  "export.encode": encodeBatch,
  "export.encodeAll": encodeAll,
};

export type ExportTasks = typeof EXPORT_TASKS;
