import { DomainError } from "../core/errors";
import type { SourceTable } from "../core/cells";

export type { RowError, SourceCell, SourceTable } from "../core/cells";
import { CsvTable, checkFileSize, parseCsvBytes } from "./csv";

export function fromCsv(table: CsvTable): SourceTable {
  return { file: table.file, headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers };
}

/** Reads CSV or xlsx bytes, chosen by the file name (xlsx is parsed lazily: exceljs is large). */
export async function readSourceFile(bytes: Uint8Array, file: string): Promise<SourceTable> {
  checkFileSize(bytes.length, file);
  if (/\.xlsx$/i.test(file)) {
    const { readXlsxTable } = await import("./xlsxTable");
    return readXlsxTable(bytes, file);
  }
  if (/\.xls$/i.test(file)) throw new DomainError("INVALID_ARGUMENT", "det gamla .xls-formatet stöds inte; spara som .xlsx eller CSV", { file });
  return fromCsv(parseCsvBytes(bytes, file));
}

