import { Amount } from "../core/money";
import { parseNumberText } from "../core/numberText";
import { sv } from "../core/swedishDigits";
import { amountFromCellNumber, checkCellDigits } from "../core/cellNumber";
import { CivilDate, DateSystem, fromExcelSerial, makeDate, parseDate, toExcelSerial } from "../core/dates";
import { isDomainError } from "../core/errors";
import { CellInput, RowError, SourceCell, SourceTable } from "../core/cells";
import { duplicatedHeaders, normaliseHeader } from "../core/cells";
import { ColumnMapping, FieldSpec, TableModel, guessMapping, missingRequired } from "./fields";
import { LIMITS } from "../core/limits";

/** What a field reader may need to know about the file a cell comes from. */
export interface ReadContext {
  /** How the file counts date serials: an xlsx workbook's own system, "1900" for CSV. */
  dateSystem: DateSystem;
}

const CSV_CONTEXT: ReadContext = { dateSystem: "1900" };

/** Reads one field of one row; throws a DomainError that the caller locates. */
export type FieldReader<T> = (cell: SourceCell, context?: ReadContext) => T;

export const readText: FieldReader<string> = (cell) => {
  const text = cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  if (text.length > LIMITS.cellText) throw new Error(`texten har ${text.length.toLocaleString("sv-SE")} tecken; en Excel-cell rymmer högst ${LIMITS.cellText.toLocaleString("sv-SE")}`);
  return text;
};

export const readAmount: FieldReader<Amount | null> = (cell) => {
  if (cell === null || cell === "") return null;
  if (typeof cell === "number") return amountFromCellNumber(cell);
  const text = String(cell);
  const parsed = parseNumberText(text);
  return parsed.kind === "number" ? checkCellDigits(parsed.value, text) : null;
};

export const readWholeMonths: FieldReader<number | null> = (cell) => {
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 0) return cell;
  if (typeof cell === "string" && /^\d{1,4}$/.test(cell)) return Number(cell);
  // A number cell or a date cell quoted as the user sees it ("2,5", "2027-12-31"), not as JavaScript writes it.
  const written = cell === null ? "" : typeof cell === "number" ? sv(cell) : readText(cell);
  const text = written.replace(/\s*(mån(ader)?|months?|m)\.?$/i, "").trim();
  if (text === "" || /^(nej|ingen|-)$/i.test(text)) return null;
  const parsed = parseNumberText(text);
  if (parsed.kind !== "number" || !parsed.value.isInteger() || parsed.value.isNegative()) throw new Error(`'${written}' är inget helt antal månader`);
  return parsed.value.toNumber();
};

export const readDate: FieldReader<CivilDate | null> = (cell, context = CSV_CONTEXT) => {
  if (cell === null || cell === "") return null;
  if (cell instanceof Date) return makeDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === "number") return fromExcelSerial(cell, context.dateSystem);
  // A CSV saved from a sheet whose date column had no date format holds the Excel serial.
  const text = String(cell);
  if (text.length <= 7 && /^\s*\d{5}\s*$/.test(text)) return fromExcelSerial(Number(text));
  return parseDate(text);
};

export interface ImportResult<R> {
  records: R[];
  /** The file row (header = 1) of each record, for errors found after the import. */
  rows: number[];
  errors: RowError[];
}

/**
 * Maps every row of a source table to a record with the given column mapping. Every problem is
 * collected as a row error (file, row, column, message) instead of stopping at the first one, so
 * the preview can list them all; a result with errors must not be written.
 */
export function importRecords<F extends string, R>(
  table: SourceTable,
  fields: readonly FieldSpec<F>[],
  mapping: ColumnMapping<F>,
  build: (get: <T>(field: F, reader: FieldReader<T>) => T) => R,
  /** A check of the whole record, e.g. end before start: the column and message, or null. */
  check: (record: R) => { column: string; message: string } | null = () => null,
): ImportResult<R> {
  const errors: RowError[] = [];
  // A column read under a header that another column also has (even one told apart only by an
  // invisible character) is ambiguous: which one holds the figures is not ours to guess.
  // A field mapped to nothing ("(saknas)" in the preview) may stand in the mapping as undefined.
  const mapped = Object.values(mapping).filter((i): i is number => i !== undefined).map((i) => table.headers[i]);
  const ambiguous = new Set([...duplicatedHeaders(mapped), ...duplicatedHeaders(table.headers).filter((h) => mapped.some((m) => normaliseHeader(m) === normaliseHeader(h)))]);
  for (const h of ambiguous) {
    errors.push({ file: table.file, row: 1, column: h, message: `kolumnen ${h} finns flera gånger; ta bort eller byt namn på den som inte gäller` });
  }
  for (const f of missingRequired(mapping, fields)) {
    errors.push({ file: table.file, row: 1, column: f.label, message: `kolumnen ${f.label} saknas (väntade en rubrik som ${f.headers.slice(0, 3).join(", ")})` });
  }
  if (errors.length > 0) return { records: [], rows: [], errors };
  const context: ReadContext = { dateSystem: table.dateSystem ?? "1900" };
  if (table.rows.length === 0) return { records: [], rows: [], errors: [{ file: table.file, row: 2, column: "", message: "filen har inga datarader under rubrikraden" }] };
  const records: R[] = [];
  const rows: number[] = [];
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i];
    let ok = true;
    const get = <T>(field: F, reader: FieldReader<T>): T => {
      const index = mapping[field];
      try {
        return reader(index === undefined ? null : cells[index] ?? null, context);
      } catch (error) {
        ok = false;
        const label = fields.find((f) => f.field === field)!.label;
        const column = index === undefined ? label : table.headers[index] || label;
        const message = isDomainError(error) || error instanceof Error ? error.message : String(error);
        errors.push({ file: table.file, row, column, message });
        return null as T;
      }
    };
    const record = build(get);
    if (!ok) return;
    const problem = check(record);
    if (problem) errors.push({ file: table.file, row, ...problem });
    else {
      records.push(record);
      rows.push(row);
    }
  });
  return { records, rows, errors };
}

export function excelDate(date: CivilDate | null): number | null {
  return date ? toExcelSerial(date) : null;
}

/** A reader of a table model's rows from a source table, its columns recognised by header. */
export function readRows<F extends string, R>(model: TableModel<F>, build: Parameters<typeof importRecords<F, R>>[3], check?: Parameters<typeof importRecords<F, R>>[4]) {
  return (s: SourceTable) => importRecords(s, model.fields, guessMapping(s.headers, model.fields), build, check);
}

/**
 * A model table that the model reads and the pane can import without code of its own: how its
 * rows become records and records become rows again. Registered once in MODEL (tables.ts).
 */
export interface ReadableTable<F extends string, R> extends TableModel<F> {
  read: (source: SourceTable) => ImportResult<R>;
  rows: (records: readonly R[]) => CellInput[][];
  /** Importable from a file on the pane's model screen, under this noun. */
  importNoun?: string;
}

