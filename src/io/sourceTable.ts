import { DomainError } from "../core/errors";
import type { SourceTable } from "../core/cells";

export type { RowError, SourceCell, SourceTable } from "../core/cells";
import type { CsvTable } from "./csv";
import { checkFileSize } from "./fileSize";

export function fromCsv(table: CsvTable): SourceTable {
  return { file: table.file, headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers, headerRowNumber: table.headerRowNumber };
}

/** Reads CSV or xlsx bytes, chosen by the file name (xlsx is parsed lazily: exceljs is large). */
export async function readSourceFile(bytes: Uint8Array, file: string): Promise<SourceTable> {
  checkFileSize(bytes.length, file);
  if (/\.xlsx$/i.test(file)) {
    const { readTableXlsx } = await import("./xlsxReader");
    return readTableXlsx(bytes, file);
  }
  if (/\.xls$/i.test(file)) throw new DomainError("INVALID_ARGUMENT", "det gamla .xls-formatet stöds inte; spara som .xlsx eller CSV", { file });
  // The CSV parser (papaparse) is loaded when a CSV is first read, not with the page.
  const { parseCsvBytes } = await import(/* webpackChunkName: "csv" */ "./csv");
  return fromCsv(parseCsvBytes(bytes, file));
}

