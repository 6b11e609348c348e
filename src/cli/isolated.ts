import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { DomainError, PostedError, receivedError } from "../core/errors";
import { TASKS, TaskName } from "./workerTasks";
import { LIMITS } from "../core/limits";
import { readSourceFile } from "../io/sourceTable";
import type { SourceTable } from "../core/cells";

/**
 * Runs a task on a user's file in a worker thread: a file that makes a parser loop is stopped
 * after a time limit with a Swedish message, and the heap can be capped so that memory is
 * returned early (a capped task that runs out is run once more without the cap, never refused for it).
 * Under ts-jest the sources are not compiled and no worker can start: the task runs in process.
 */

export interface IsolationOptions {
  file: string;
  /** What is being done, for the timeout message, e.g. "omräkningen". */
  what: string;
  seconds: number;
  heapMb?: number;
  /**
   * The worker's young generation (V8's nursery for short-lived objects). A task that makes
   * millions of small objects spends less time collecting them with a larger one.
   */
  youngGenerationMb?: number;
  /** Told when the task ran out of its capped heap and runs again without the cap. */
  onUncapped?: () => void;
  /**
   * Buffers among the arguments that are moved to the worker, not copied, and gone from this
   * thread afterwards; so the uncapped run, if there is one, is given `retryArgs` without them.
   */
  transfer?: { buffers: ArrayBuffer[]; retryArgs: readonly unknown[] };
}

/** Time limits can be raised (or lowered) by whoever runs the CLI. */
export function timeLimitSeconds(standard: number): number {
  const configured = Number(process.env.SAMKALK_TIME_LIMIT_SECONDS);
  return Number.isFinite(configured) && configured > 0 ? configured : standard;
}

export async function isolated<K extends TaskName>(task: K, args: Parameters<(typeof TASKS)[K]>, options: IsolationOptions): Promise<Awaited<ReturnType<(typeof TASKS)[K]>>> {
  type Result = Awaited<ReturnType<(typeof TASKS)[K]>>;
  if (!__filename.endsWith(".js")) return (await (TASKS[task] as (...a: unknown[]) => Promise<unknown>)(...args)) as Result;
  try {
    return (await inWorker(task, args, options, options.heapMb, options.transfer?.buffers)) as Result;
  } catch (error) {
    if (options.heapMb !== undefined && (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
      options.onUncapped?.();
      return (await inWorker(task, options.transfer?.retryArgs ?? args, options, undefined, undefined)) as Result;
    }
    throw error;
  }
}

function inWorker(task: TaskName, args: readonly unknown[], options: IsolationOptions, heapMb: number | undefined, transfer: ArrayBuffer[] | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const limits = { ...(heapMb ? { maxOldGenerationSizeMb: heapMb } : {}), ...(options.youngGenerationMb ? { maxYoungGenerationSizeMb: options.youngGenerationMb } : {}) };
    const worker = new Worker(join(__dirname, "worker.js"), { workerData: { task, args }, ...(transfer && transfer.length > 0 ? { transferList: transfer } : {}), ...(Object.keys(limits).length > 0 ? { resourceLimits: limits } : {}) });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new DomainError("OUT_OF_RANGE", `${options.what} tog mer än ${options.seconds.toLocaleString("sv-SE")} s och avbröts; filen kan vara skadad eller för stor. Öppna och spara den i Excel, eller dela upp den`, { file: options.file }))),
      options.seconds * 1000,
    );
    worker.once("message", (m: { ok: true; result: unknown } | { ok: false; error: PostedError }) => settle(() => (m.ok ? resolve(m.result) : reject(receivedError(m.error)))));
    // Each ending says its own cause: a worker that ran out of memory or died did not time out.
    worker.once("error", (error) => settle(() => reject(workerFailure(error, options, heapMb))));
    worker.once("exit", (code) => settle(() => reject(new DomainError("INVALID_ARGUMENT", `${options.what} avbröts oväntat (arbetstråden avslutades med kod ${code}); försök igen, och hör av dig om det upprepas`, { file: options.file }))));
  });
}

function workerFailure(error: Error, options: IsolationOptions, heapMb: number | undefined): Error {
  // Out of its capped heap, the task is run again without the cap (the caller decides that).
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    if (heapMb !== undefined) return error;
    return new DomainError("OUT_OF_RANGE", `${options.what} behövde mer minne än datorn kunde ge och avbröts; dela upp filen eller kör på en dator med mer minne`, { file: options.file });
  }
  return new DomainError("INVALID_ARGUMENT", `${options.what} avbröts av ett oväntat fel (${error.message})`, { file: options.file });
}

/** A CSV or xlsx table for a CLI command; an xlsx file is parsed in a worker with a time limit. */
export async function readSourceFileInWorker(bytes: Uint8Array, file: string): Promise<SourceTable> {
  if (!/\.xlsx$/i.test(file)) return readSourceFile(bytes, file);
  return isolated("xlsxTable", [bytes, file], { file, what: "läsningen av filen", seconds: timeLimitSeconds(LIMITS.xlsxParseSeconds) });
}
