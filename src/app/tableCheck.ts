import { Finding, checkPrintedTable, checkTable } from "../core/tablecheck";
import { PrintedTable, printedGridOf, readPrintedTable } from "../core/printedTable";
import type { SourceTable } from "../core/cells";
import { KNOWN_RULES } from "../model/tableRules";
import { WorkbookPort } from "../workbook/port";
import { CellValue, isCellError } from "../core/cells";
import { parseRange, rangeA1 } from "../core/a1";

export const FINDING_FILL = "#F4B6B6";

export interface LocatedFinding extends Finding {
  sheet: string;
  address: string;
}

/** Runs the table check on the selection, marks each finding's cell and returns where they are. */
export async function checkSelection(wb: WorkbookPort, rules: readonly string[]): Promise<LocatedFinding[]> {
  const range = await wb.readSelection();
  const cell = (v: CellValue) => (isCellError(v) ? v.error : v);
  // Read as printed, with the line rules the model knows as well as the user's.
  const findings = checkTable(range.values.map((r) => r.map(cell)), rules, { knownRules: KNOWN_RULES });
  const start = parseRange(range.address).start;
  const located = findings.map((f) => ({ ...f, sheet: range.sheet, address: rangeA1({ row: start.row + f.rowNumber - 1, col: start.col + f.columnNumber - 1 }, 1, 1) }));
  if (located.length > 0) await wb.markCells(located.map((f) => ({ sheet: f.sheet, address: f.address, fill: FINDING_FILL })));
  return located;
}

/** A table file checked as printed (`samkalk check`): its notices, findings and how many rows were checked. */
export function checkTableFile(table: SourceTable, rules: readonly string[]): { printed: PrintedTable; findings: Finding[]; checkedRows: number } {
  // Read as printed: header rows, sections, subtotals and blocks get their roles before anything is summed.
  const printed = readPrintedTable(printedGridOf(table));
  const findings = checkPrintedTable(printed, { rules, knownRules: KNOWN_RULES });
  return { printed, findings, checkedRows: printed.blocks.reduce((n, b) => n + b.rows.filter((r) => r.role !== "section").length, 0) };
}
