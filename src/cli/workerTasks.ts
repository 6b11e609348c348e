import type { RecalcOptions } from "../app/recalculate";
import { ZipArchive } from "../io/zipArchive";

/**
 * The work the CLI runs in a worker thread (isolated.ts): everything that parses an xlsx file,
 * whose size and shape the user's file decides. A task takes and returns plain data.
 */

/** Unpacks every part once under the archive's cap, whatever its headers claim, before exceljs sees the file. */
function checkInflation(bytes: Uint8Array, file: string): void {
  const archive = ZipArchive.open(bytes, file);
  for (const entry of archive.entries) archive.read(entry.name);
}

export const TASKS = {
  async recalc(bytes: Uint8Array, file: string, options: RecalcOptions, unpacked?: Map<string, Uint8Array>) {
    const { recalculateXlsx } = await import("../app/recalculate");
    return recalculateXlsx(bytes, file, options, unpacked);
  },
  async xlsxTable(bytes: Uint8Array, file: string) {
    checkInflation(bytes, file);
    const { readXlsxTable } = await import("../io/xlsxTable");
    return readXlsxTable(bytes, file);
  },
  async workbook(bytes: Uint8Array, file: string) {
    checkInflation(bytes, file);
    const { readWorkbookFile } = await import("../io/xlsxWorkbook");
    return readWorkbookFile(bytes, file);
  },
};

export type TaskName = keyof typeof TASKS;
