import { Outcome } from "../core/reconciliation";
import { CallOff, PriceEntry } from "../core/catalogue";
import { CellInput, CellValue, SourceTable, TableData, isCellError } from "../core/cells";
import { parseA1, rangeA1 } from "../core/a1";
import { ColumnMapping, FieldSpec, tableFormats, tableHeaders } from "../model/fields";
import { ImportResult } from "../model/records";
import { CONTRACTS, ImportedContract, contractTableRows, importContracts } from "../model/contracts";
import { OUTCOMES, importOutcomes, outcomeTableRows } from "../model/outcomes";
import { CALL_OFFS, PRICES, callOffTableRows, importCallOffs, importPrices, priceTableRows } from "../model/catalogue";
import { WorkbookPort } from "../workbook/port";
import { freeSheetFor } from "./outputSheets";

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
  contracts: { table: CONTRACTS.name, noun: "avtal", fields: CONTRACTS.fields, read: importContracts, headers: tableHeaders(CONTRACTS), formats: tableFormats(CONTRACTS), rows: (r: readonly ImportedContract[]) => contractTableRows(r) },
  outcomes: { table: OUTCOMES.name, noun: "utfall", fields: OUTCOMES.fields, read: importOutcomes, headers: tableHeaders(OUTCOMES), formats: tableFormats(OUTCOMES), rows: (r: readonly Outcome[]) => outcomeTableRows(r) },
  prices: { table: PRICES.name, noun: "prislista", fields: PRICES.fields, read: importPrices, headers: tableHeaders(PRICES), formats: tableFormats(PRICES), rows: (r: readonly PriceEntry[]) => priceTableRows(r) },
  calloffs: { table: CALL_OFFS.name, noun: "avrop", fields: CALL_OFFS.fields, read: importCallOffs, headers: tableHeaders(CALL_OFFS), formats: tableFormats(CALL_OFFS), rows: (r: readonly CallOff[]) => callOffTableRows(r) },
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
