import { DomainError, PostedError, receivedError } from "../core/errors";
import { LIMITS } from "../core/limits";
import type { SourceTable, WorkbookSnapshot } from "../core/cells";

/**
 * Reads an xlsx file off the page's thread: in a browser, in the "xlsx-worker" Web Worker with a
 * time limit (a file that makes the parser loop ends with a Swedish message instead of a frozen
 * page); elsewhere (Node, jsdom) in process. The CLI has its own worker thread (cli/isolated.ts).
 */

type Reply<T> = { ok: true; result: T } | { ok: false; error: PostedError };

/** Where the worker script is, beside the page (webpack emits it as xlsx-worker.js). */
const WORKER_URL = "xlsx-worker.js";

function inWorker<T>(task: "workbook" | "table", bytes: Uint8Array, file: string, seconds: number, createWorker: () => Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new DomainError("OUT_OF_RANGE", `läsningen av filen tog mer än ${seconds.toLocaleString("sv-SE")} s och avbröts; filen kan vara skadad eller för stor. Öppna och spara den i Excel, eller dela upp den`, { file }));
    }, seconds * 1000);
    const finish = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<Reply<T>>) => {
      finish();
      const reply = event.data;
      if (reply.ok) resolve(reply.result);
      else reject(receivedError(reply.error));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || "xlsx-läsaren kunde inte starta"));
    };
    worker.postMessage({ task, bytes, file });
  });
}

const hasWorkers = () => typeof Worker !== "undefined" && typeof (globalThis as { document?: unknown }).document !== "undefined";

export interface ReadOptions {
  seconds?: number;
  /** For tests: how to start the worker. */
  createWorker?: () => Worker;
}

export async function readWorkbookXlsx(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  if (options.createWorker || hasWorkers()) return inWorker("workbook", bytes, file, options.seconds ?? LIMITS.xlsxParseSeconds, options.createWorker ?? (() => new Worker(WORKER_URL)));
  return (await import(/* webpackChunkName: "xlsx" */ "./xlsxWorkbook")).readWorkbookFile(bytes, file);
}

export async function readTableXlsx(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<SourceTable> {
  if (options.createWorker || hasWorkers()) return inWorker("table", bytes, file, options.seconds ?? LIMITS.xlsxParseSeconds, options.createWorker ?? (() => new Worker(WORKER_URL)));
  return (await import(/* webpackChunkName: "xlsx" */ "./xlsxTable")).readXlsxTable(bytes, file);
}
