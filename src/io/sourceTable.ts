import { DomainError } from "../core/errors";
import { CsvTable, checkFileSize, normaliseHeader, parseCsvBytes } from "./csv";

/** A cell as read from a file: CSV gives text, xlsx gives numbers, dates and text too. */
export type SourceCell = string | number | boolean | Date | null;

/** A table read from a file, before it is mapped to domain records. */
export interface SourceTable {
  file: string;
  headers: string[];
  rows: SourceCell[][];
  /** File row of each data row (1-based, header = 1), for error messages. */
  rowNumbers: number[];
}

export interface RowError {
  file: string;
  row: number;
  column: string;
  message: string;
}

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

/** A field of a record and the Swedish (and English) headers that name it in exports. */
export interface FieldSpec<F extends string> {
  field: F;
  label: string;
  headers: string[];
  required: boolean;
}

export type ColumnMapping<F extends string> = Partial<Record<F, number>>;

/** Recognises columns by their header; the user can change the mapping in the preview. */
export function guessMapping<F extends string>(headers: readonly string[], fields: readonly FieldSpec<F>[]): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const used = new Set<number>();
  for (const spec of fields) {
    const wanted = spec.headers.map(normaliseHeader);
    const index = headers.findIndex((h, i) => !used.has(i) && wanted.includes(normaliseHeader(h)));
    if (index >= 0) {
      mapping[spec.field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Two columns with the same header make a mapping ambiguous: refuse rather than guess. */
export function duplicatedHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const h of headers) {
    const n = normaliseHeader(h);
    if (n === "") continue;
    if (seen.has(n)) twice.add(h.trim());
    seen.add(n);
  }
  return [...twice];
}

export function missingRequired<F extends string>(mapping: ColumnMapping<F>, fields: readonly FieldSpec<F>[]): FieldSpec<F>[] {
  return fields.filter((f) => f.required && mapping[f.field] === undefined);
}
