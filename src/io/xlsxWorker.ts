/// <reference lib="webworker" />
import { postedError } from "../core/errors";
import { checkInflatedSizes } from "./inflatedSize";
import { readXlsxTable } from "./xlsxTable";
import { readWorkbookFile } from "./xlsxWorkbook";

/**
 * The browser's xlsx reader, in a Web Worker of its own (entry "xlsx-worker"): a file that makes
 * the parser loop cannot freeze the page or the task pane, and xlsxReader.ts stops it after a
 * time limit.
 */
export type XlsxTask = "workbook" | "table";

self.onmessage = async (event: MessageEvent<{ task: XlsxTask; bytes: Uint8Array; file: string }>) => {
  const { task, bytes, file } = event.data;
  try {
    await checkInflatedSizes(bytes, file);
    const result = task === "workbook" ? await readWorkbookFile(bytes, file) : await readXlsxTable(bytes, file);
    self.postMessage({ ok: true, result });
  } catch (error) {
    self.postMessage({ ok: false, error: postedError(error) });
  }
};
