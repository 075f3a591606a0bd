// The export's worker thread: loads the encoders, then serves (see export-tasks.ts).
import { EXPORT_TASKS } from "./export-tasks";
import { serveTasks } from "./serve";

serveTasks(EXPORT_TASKS);
