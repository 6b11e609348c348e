import { rangeA1 } from "../../src/core/a1";
import { isCellError } from "../../src/core/cells";
import { Finding, checkTable } from "../../src/core/tablecheck";
import { CheckedBlock } from "../../src/app/sheetLayout";
import { WorkbookPort } from "../../src/workbook/port";

/**
 * Runs the product's own table check on a table the product wrote, as it reads back from the
 * workbook (values computed by the engine, not the values we meant to write).
 */
export async function checkWritten(wb: WorkbookPort, sheet: string, block: CheckedBlock): Promise<Finding[]> {
  const range = await wb.readRange(sheet, rangeA1({ row: block.top, col: 0 }, block.height, block.width));
  const grid = range.values.map((row) => row.map((v) => (isCellError(v) ? v.error : v)));
  return checkTable(grid, block.rules, { ratioColumns: block.ratioColumns });
}

/** Every table written, checked; the findings with the table and sheet they came from. */
export async function checkAllWritten(wb: WorkbookPort, blocks: readonly { sheet: string; block: CheckedBlock }[]): Promise<string[]> {
  const out: string[] = [];
  for (const { sheet, block } of blocks) for (const f of await checkWritten(wb, sheet, block)) out.push(`${sheet} / ${block.title}: ${f.message}`);
  return out;
}
