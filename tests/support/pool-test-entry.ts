// A worker entry for the pool's own tests: tasks that answer, spin forever, eat memory, refuse or fail.
import { RefusedInput } from "../../lib/workers/errors";
import { serveTasks } from "../../lib/workers/serve";
import type { TaskContext } from "../../lib/workers/pool";

export const TEST_TASKS = {
  echo: (input: { value: unknown }) => input.value,
  spin: (_input: object, { reportPosition }: TaskContext) => {
    reportPosition(7, 3);
    for (;;) {
      // a tight loop: nothing but terminating the thread stops it
    }
  },
  allocate: (_input: object) => {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(100_000).fill(hoard.length));
  },
  refuse: (_input: object) => {
    throw new RefusedInput("the input is a bomb");
  },
  fail: (_input: object) => {
    throw new Error("a bug");
  },
};

serveTasks(TEST_TASKS);
