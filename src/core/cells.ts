import type { DateSystem } from "./dates";
import type { Location } from "./errors";
import { Amount } from "./money";
import { sv } from "./swedishDigits";
import { identityText, visibleText } from "./memberIdentity";
/**
 * Cells and tables as plain data: what the workbook port, the file formats (io) and the model
 * all pass around. Nothing here knows Excel, HyperFormula or a file format.
 */

/** An error value in a cell, e.g. #N/A with the message a function gave it. */
export interface CellErrorValue {
  error: string;
  message?: string;
}

export type CellValue = string | number | boolean | null | CellErrorValue;

/**
 * What may be written to a cell. A string is always stored as text, even when it starts with
 * "=", "+", "-" or "@": only an explicit { formula } becomes a formula, so imported text can
 * never inject one.
 */
export type CellInput = string | number | boolean | null | Amount | { formula: string };

/** An exact amount, kept as such until a port or a file writer puts it in a cell. */
export function isAmount(input: unknown): input is Amount {
  return Amount.isDecimal(input);
}

/**
 * The number a cell stores for an exact amount. Excel keeps 15 significant digits, so an amount
 * with more cannot be written without changing it: refuse rather than round.
 */
export function amountToCellNumber(amount: Amount): number {
  if (amount.precision(true) > 15) throw new RangeError(`beloppet ${sv(amount)} har fler än 15 siffror, vilket en Excel-cell inte kan lagra exakt`);
  return Number(amount.toString());
}

export interface TableData {
  name: string;
  sheet: string;
  /** Top-left cell of the header row, e.g. "A1". */
  topLeft: string;
  headers: string[];
  rows: CellValue[][];
}

/** A cell as read from a file: CSV gives text, xlsx gives numbers, dates and text too. */
export type SourceCell = string | number | boolean | Date | null;

/** A table read from a file, before it is mapped to domain records. */
export interface SourceTable {
  file: string;
  headers: string[];
  rows: SourceCell[][];
  /** File row of each data row (1-based, header = 1), for error messages. */
  rowNumbers: number[];
  /** File row of the header when it is not row 1; a gap in the rows is a blank row. */
  headerRowNumber?: number;
  /** How the file counts date serials (an xlsx workbook's date1904); "1900" when absent. */
  dateSystem?: DateSystem;
  /** The sheet of a table read from a selected range (its `file` then reads "blad <sheet>"). */
  sheet?: string;
}

/** Where a problem with a whole source table sits: its sheet for a selected range, else its file. */
export function sourceLocation(table: Pick<SourceTable, "file" | "sheet">): Location {
  return table.sheet !== undefined ? { sheet: table.sheet } : { file: table.file };
}

export interface RowError {
  file: string;
  row: number;
  column: string;
  message: string;
}

/** Where a named table sits in a sheet. */
export interface TableEntry {
  name: string;
  sheet: string;
  row: number;
  col: number;
  width: number;
  height: number; // including the header row
}

/** Everything a workbook holds, in a form that xlsx files and tests can carry. */
export interface WorkbookSnapshot {
  sheets: { name: string; cells: CellInput[][]; values?: CellValue[][] }[];
  tables: TableEntry[];
  settings: Record<string, string>;
  numberFormats: Record<string, string>; // "Sheet!A1" → format
  /** Array formulas: "Sheet!C2" (the anchor) → the range its result spills into, e.g. "C2:C5". */
  spills?: Record<string, string>;
  /** The results a file's formulas had when it was saved ("Sheet!C2" → value), as Excel cached them. */
  cached?: Record<string, CellValue>;
  /** Defined names: name → what it refers to, e.g. "Vikter" → "'Fördelning'!$B$3:$B$6". */
  names?: Record<string, string>;
  /** How the workbook's date serials count; "1900" when absent (what the readers give). */
  dateSystem?: DateSystem;
  /** Bold text and fill colours ("#RRGGBB") as shown, so a saved file looks like the page. */
  styles?: Record<string, CellStyle>;
}

export interface CellStyle {
  bold?: boolean;
  fill?: string;
}

/** Text that Excel would read as a formula or a command if written as a value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export function isFormula(input: CellInput): input is { formula: string } {
  return typeof input === "object" && input !== null && !isAmount(input) && "formula" in input;
}

export function isCellError(value: CellValue): value is CellErrorValue {
  return typeof value === "object" && value !== null && "error" in value;
}

/** Headers are compared as names are (memberIdentity.ts: case, spaces, invisible characters), without a trailing ":" or "*". */
export function normaliseHeader(header: string): string {
  return identityText(header).replace(/[:*]$/, "").trimEnd();
}

/** Two columns with the same header make a mapping ambiguous: refuse rather than guess. */
export function duplicatedHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const h of headers) {
    const n = normaliseHeader(h);
    if (n === "") continue;
    if (seen.has(n)) twice.add(visibleText(h).trim());
    seen.add(n);
  }
  return [...twice];
}
