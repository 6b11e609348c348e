import { Finding, checkPrintedTable, checkTable } from "../core/tablecheck";
import { PrintedTable, printedGridOf, readPrintedTable } from "../core/printedTable";
import type { SourceTable } from "../core/cells";
import { KNOWN_RULES } from "../model/tableRules";
import { WorkbookPort } from "../workbook/port";
import { listSetting } from "../core/listSetting";
import { CellValue, isCellError } from "../core/cells";
import { parseRange, rangeA1 } from "../core/a1";

export const FINDING_FILL = "#F4B6B6";

export interface LocatedFinding extends Finding {
  sheet: string;
  address: string;
}

/** The document setting that remembers Tabellkoll's marks with the fill each cell had before. */
export const TABLE_CHECK_MARKS_SETTING = "tableCheckMarks";

interface StoredMark {
  sheet: string;
  address: string;
  /** The cell's fill before it was marked; null for none. */
  before: string | null;
}

const isStoredMark = (m: unknown): m is StoredMark => {
  const mark = m as Partial<StoredMark> | null;
  return typeof mark?.sheet === "string" && typeof mark.address === "string" && (typeof mark.before === "string" || mark.before === null);
};
const storedMarks = (text: string | undefined) => listSetting(text, isStoredMark);

const markKey = (m: { sheet: string; address: string }) => `${m.sheet}!${m.address}`;

function inRange(m: StoredMark, sheet: string, address: string): boolean {
  if (m.sheet !== sheet) return false;
  const { start, end } = parseRange(address);
  const at = parseRange(m.address).start;
  return at.row >= start.row && at.row <= end.row && at.col >= start.col && at.col <= end.col;
}

/**
 * Runs the table check on the selection and marks each finding's cell. A cell marked by an
 * earlier check of the same range that no longer has a finding gets its own fill back, so a
 * fixed cell loses its mark; marks on other ranges stay.
 */
export async function checkSelection(wb: WorkbookPort, rules: readonly string[]): Promise<LocatedFinding[]> {
  const range = await wb.readSelection();
  const cell = (v: CellValue) => (isCellError(v) ? v.error : v);
  // Read as printed, with the line rules the model knows as well as the user's.
  const findings = checkTable(range.values.map((r) => r.map(cell)), rules, { knownRules: KNOWN_RULES });
  const start = parseRange(range.address).start;
  const located = findings.map((f) => ({ ...f, sheet: range.sheet, address: rangeA1({ row: start.row + f.rowNumber - 1, col: start.col + f.columnNumber - 1 }, 1, 1) }));
  const earlier = storedMarks((await wb.getSettings())[TABLE_CHECK_MARKS_SETTING]);
  const found = new Set(located.map(markKey));
  const fixed = earlier.filter((m) => inRange(m, range.sheet, range.address) && !found.has(markKey(m)));
  const kept = earlier.filter((m) => !fixed.includes(m));
  const keptKeys = new Set(kept.map(markKey));
  const fresh = [...new Map(located.filter((f) => !keptKeys.has(markKey(f))).map((f) => [markKey(f), f])).values()];
  if (fixed.length + fresh.length === 0) return located;
  const before = await wb.markCells([
    ...fixed.map((m) => ({ sheet: m.sheet, address: m.address, fill: m.before })),
    ...fresh.map((f) => ({ sheet: f.sheet, address: f.address, fill: FINDING_FILL })),
  ]);
  const marks = [...kept, ...fresh.map((f, i) => ({ sheet: f.sheet, address: f.address, before: before[fixed.length + i] ?? null }))];
  await wb.saveSettings({ [TABLE_CHECK_MARKS_SETTING]: JSON.stringify(marks) });
  return located;
}

/** Takes every mark Tabellkoll has made away, giving each cell its own fill back; answers how many. */
export async function clearCheckMarks(wb: WorkbookPort): Promise<number> {
  const marks = storedMarks((await wb.getSettings())[TABLE_CHECK_MARKS_SETTING]);
  if (marks.length > 0) await wb.markCells(marks.map((m) => ({ sheet: m.sheet, address: m.address, fill: m.before })));
  await wb.saveSettings({ [TABLE_CHECK_MARKS_SETTING]: "[]" });
  return marks.length;
}

/** A table file checked as printed (`samkalk check`): its notices, findings and how many rows were checked. */
export function checkTableFile(table: SourceTable, rules: readonly string[]): { printed: PrintedTable; findings: Finding[]; checkedRows: number } {
  // Read as printed: header rows, sections, subtotals and blocks get their roles before anything is summed.
  const printed = readPrintedTable(printedGridOf(table));
  const findings = checkPrintedTable(printed, { rules, knownRules: KNOWN_RULES });
  return { printed, findings, checkedRows: printed.blocks.reduce((n, b) => n + b.rows.filter((r) => r.role !== "section").length, 0) };
}
