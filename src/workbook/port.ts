import type { CellInput, CellValue, TableData } from "../core/cells";

export type { CellErrorValue, CellInput, CellValue, TableData } from "../core/cells";
export { isCellError, isFormula, looksLikeFormula } from "../core/cells";

/**
 * The workbook port: everything the task pane, the CLI and the standalone page need from a
 * workbook, as a few batch-sized operations so that Office.js needs a fixed number of
 * context.sync() calls whatever the number of rows. Two implementations: officeWorkbook
 * (Excel through Office.js) and embeddedWorkbook (HyperFormula, in process).
 */

export interface TableSpec {
  name: string;
  sheet: string;
  /** Where a new table starts (default A1); an existing table keeps its place. */
  topLeft?: string;
  headers: string[];
  rows: CellInput[][];
  /** Excel number format per column (null = General), e.g. "# ##0" or "yyyy-mm-dd". */
  numberFormats?: (string | null)[];
}

export interface FlagRule {
  /** Cells whose text equals this get the fill colour. */
  text: string;
  fill: string;
}

/** A whole sheet written in one go: its previous content is cleared first. */
export interface SheetSpec {
  sheet: string;
  cells: CellInput[][];
  topLeft?: string;
  /** Number formats for whole columns of the block (index = column in the block). */
  numberFormats?: (string | null)[];
  /** Number formats of single cells or ranges, e.g. { address: "B9", format: "yyyy-mm-dd" }. */
  cellFormats?: { address: string; format: string }[];
  /** Conditional fills for one column of the block (index in the block). */
  flagColumn?: { column: number; rules: FlagRule[] };
  /** Rows (index in the block) shown in bold, e.g. totals. */
  boldRows?: number[];
  /** Tables to define over parts of the block after writing. */
  tables?: { name: string; topLeft: string; width: number; height: number }[];
}

export interface RangeData {
  sheet: string;
  /** A1 address of the range, e.g. "B2:D10". */
  address: string;
  values: CellValue[][];
  /** The formula of each cell, or null for constants. */
  formulas: (string | null)[][];
}

export interface CellMark {
  sheet: string;
  address: string;
  /** The background colour; null takes the fill away (Excel's fill.clear()). */
  fill: string | null;
}

/** A chart over a block already on a sheet: categories (years) in its first column, one series per further column. */
export interface ChartSpec {
  sheet: string;
  /** The chart's name; an earlier chart of that name on the sheet is replaced. */
  name: string;
  kind: "line";
  title: string;
  /** The data block with its header row, e.g. "H1:K4". */
  dataAddress: string;
  /** The cell the chart's top left corner is placed over. */
  topLeft: string;
}

export interface WorkbookPort {
  readonly host: "excel" | "embedded";
  sheetNames(): Promise<string[]>;
  /** Several tables in one round trip; a table that does not exist is null. */
  readTables(names: readonly string[]): Promise<(TableData | null)[]>;
  /** Tables and the workbook's settings together, in the round trip that reads the tables (the model and the year it is read for). */
  readTablesAndSettings(names: readonly string[]): Promise<{ tables: (TableData | null)[]; settings: Record<string, string> }>;
  /** Creates or replaces tables, validated first and written in one batch. */
  writeTables(specs: readonly TableSpec[]): Promise<void>;
  /**
   * Writes whole sheets (creating them if needed), replacing their content; `remove` names sheets
   * of an earlier run to delete in the same write (missing ones are ignored). A target or removed
   * sheet holding a table named in `keepTables` is refused before anything is written.
   */
  writeSheets(specs: readonly SheetSpec[], options?: SheetWriteOptions): Promise<void>;
  deleteTable(name: string): Promise<void>;
  readSelection(): Promise<RangeData>;
  readRange(sheet: string, address: string): Promise<RangeData>;
  /**
   * Fills cells, and answers each mark's fill as it was before (of its first cell; null for
   * none), so that the marks can be taken back without losing the user's own colours.
   */
  markCells(marks: readonly CellMark[]): Promise<(string | null)[]>;
  selectRange(sheet: string, address: string): Promise<void>;
  /**
   * Copies sheets with SAMKALK formulas replaced by their current values; returns the new names.
   * `replace` names earlier copies: they are deleted only once the new copies are made, and their
   * names go to the new copies.
   */
  copySheetsAsValues(sheets: readonly string[], suffix: string, replace?: readonly string[]): Promise<string[]>;
  /**
   * Excel only: opens a new workbook holding the sheets as values with their number formats
   * (Excel.createWorkbook, ExcelApi 1.8); false where Excel cannot, so the caller copies sheets.
   */
  newWorkbookAsValues?(sheets: readonly string[]): Promise<boolean>;
  /** Adds (or replaces) a chart over data the sheet already holds. */
  addChart(spec: ChartSpec): Promise<void>;
  /**
   * Excel only: the calls of the last write after which Excel's undo stack is cleared, so Ctrl+Z
   * cannot take it back (empty when it can). See UNDO_CLEARING_CALLS in undoCalls.ts.
   */
  lastWriteUndo?(): readonly string[];
  getSettings(): Promise<Record<string, string>>;
  saveSettings(settings: Record<string, string>): Promise<void>;
}

export interface SheetWriteOptions {
  remove?: readonly string[];
  /** Tables never deleted by the write (the model's): a sheet holding one is refused. */
  keepTables?: readonly string[];
  /**
   * Refuse a target or removed sheet with content that no sheet write made: the user's own.
   * Every write remembers its sheets in the workbook's settings (writtenSheets.ts) either way.
   */
  ownSheetsOnly?: boolean;
  /**
   * Sheets known to be Samkalk's by another record of the product's (the invoice run's own list),
   * for a workbook whose sheets were written before every write was remembered.
   */
  knownOwn?: readonly string[];
}
