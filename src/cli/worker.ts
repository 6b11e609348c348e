import { parentPort, workerData } from "node:worker_threads";
import { postedError } from "../core/errors";
import { TASKS, TaskName } from "./workerTasks";

/** The worker thread's entry: runs one task and posts its result or its error back. */
const { task, args } = workerData as { task: TaskName; args: unknown[] };
(TASKS[task] as (...a: unknown[]) => Promise<unknown>)(...args).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: postedError(error) }),
);
