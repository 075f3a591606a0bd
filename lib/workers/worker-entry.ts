// The app's task worker: loads every task's modules (so no task's time budget pays for that), then serves.
import { serveTasks } from "./serve";
import { TASKS } from "./tasks";

serveTasks(TASKS);
