import { Outcome } from "../core/reconciliation";
import { CONTRACT_TABLE_FORMATS, CONTRACT_TABLE_HEADERS, ImportedContract, contractTableRows } from "../model/contracts";
import { OUTCOME_TABLE_FORMATS, OUTCOME_TABLE_HEADERS, outcomeTableRows } from "../model/outcomes";
import { CALL_OFF_TABLE_FORMATS, CALL_OFF_TABLE_HEADERS, PRICE_TABLE_FORMATS, PRICE_TABLE_HEADERS, callOffTableRows, priceTableRows } from "../model/catalogue";
import { CallOff, PriceEntry } from "../core/catalogue";
import { WorkbookPort } from "../workbook/port";
import { CellInput, CellValue, TableData, isCellError } from "../core/cells";
import { TABLES } from "../model/tables";
import { freeSheetFor } from "./outputSheets";
import { parseA1, rangeA1 } from "../core/a1";
import { SourceTable } from "../core/cells";
import { ColumnMapping, FieldSpec } from "../model/fields";
import { ImportResult } from "../model/records";
import { CONTRACT_FIELDS, importContracts } from "../model/contracts";
import { OUTCOME_FIELDS, importOutcomes } from "../model/outcomes";
import { CALL_OFF_FIELDS, PRICE_FIELDS, importCallOffs, importPrices } from "../model/catalogue";

/** What "Ångra import" needs: the table as it was before the import (null if it did not exist). */
export interface ImportUndo {
  table: string;
  sheet: string;
  previous: TableData | null;
  /** The previous rows with their formulas (a calculated column stays a formula on undo). */
  previousCells?: CellInput[][];
}

export type ImportKind = "contracts" | "outcomes" | "prices" | "calloffs";

/**
 * Each kind of import, once: the fields a file's columns are mapped to, how a mapped file becomes
 * records, which table they are written to and how a record becomes a row. The import screen, the
 * undo and the tests all read this table.
 */
export const IMPORT_TABLES = {
  contracts: { table: TABLES.contracts, noun: "avtal", fields: CONTRACT_FIELDS, read: importContracts, headers: CONTRACT_TABLE_HEADERS, formats: CONTRACT_TABLE_FORMATS, rows: (r: readonly ImportedContract[]) => contractTableRows(r) },
  outcomes: { table: TABLES.outcomes, noun: "utfall", fields: OUTCOME_FIELDS, read: importOutcomes, headers: OUTCOME_TABLE_HEADERS, formats: OUTCOME_TABLE_FORMATS, rows: (r: readonly Outcome[]) => outcomeTableRows(r) },
  prices: { table: TABLES.prices, noun: "prislista", fields: PRICE_FIELDS, read: importPrices, headers: PRICE_TABLE_HEADERS, formats: PRICE_TABLE_FORMATS, rows: (r: readonly PriceEntry[]) => priceTableRows(r) },
  calloffs: { table: TABLES.callOffs, noun: "avrop", fields: CALL_OFF_FIELDS, read: importCallOffs, headers: CALL_OFF_TABLE_HEADERS, formats: CALL_OFF_TABLE_FORMATS, rows: (r: readonly CallOff[]) => callOffTableRows(r) },
} as const;

/** What a screen needs of an import kind, without its record type. */
export interface ImportKindSpec {
  table: string;
  noun: string;
  fields: readonly FieldSpec<string>[];
  read: (source: SourceTable, mapping: ColumnMapping<string>) => ImportResult<unknown>;
}

export const importKind = (kind: ImportKind): ImportKindSpec => IMPORT_TABLES[kind] as unknown as ImportKindSpec;

export type ImportRecord<K extends ImportKind> = Parameters<(typeof IMPORT_TABLES)[K]["rows"]>[0][number];

const asInput = (v: CellValue): CellInput => (isCellError(v) ? v.error : v);

/** Writes imported records to their table as one all-or-nothing write, keeping what it replaced. */
export async function writeImport<K extends ImportKind>(wb: WorkbookPort, kind: K, records: readonly ImportRecord<K>[]): Promise<ImportUndo> {
  const spec = IMPORT_TABLES[kind];
  const [previous] = await wb.readTables([spec.table]);
  const rows = (spec.rows as (r: readonly ImportRecord<K>[]) => CellInput[][])(records);
  const sheet = previous?.sheet ?? (await freeSheetFor(wb, spec.table));
  const previousCells = previous && previous.rows.length > 0 ? await cellsWithFormulas(wb, previous) : undefined;
  await wb.writeTables([{ name: spec.table, sheet, headers: spec.headers, rows, numberFormats: spec.formats }]);
  return { table: spec.table, sheet, previous, ...(previousCells ? { previousCells } : {}) };
}

async function cellsWithFormulas(wb: WorkbookPort, table: TableData): Promise<CellInput[][]> {
  const start = parseA1(table.topLeft);
  const body = await wb.readRange(table.sheet, rangeA1({ row: start.row + 1, col: start.col }, table.rows.length, table.headers.length));
  return table.rows.map((row, r) => row.map((v, c) => (body.formulas[r]?.[c] ? { formula: body.formulas[r][c]! } : asInput(v))));
}

/** Puts the table back as it was before the import, formulas included. */
export async function undoImport(wb: WorkbookPort, undo: ImportUndo): Promise<void> {
  if (!undo.previous) {
    await wb.deleteTable(undo.table);
    return;
  }
  await wb.writeTables([{ name: undo.table, sheet: undo.sheet, headers: undo.previous.headers, rows: undo.previousCells ?? undo.previous.rows.map((r) => r.map(asInput)) }]);
}
