import ExcelJS from "exceljs";
import { Amount } from "../core/money";
import { formatAmount } from "../core/numberText";
import { CellInput, isFormula } from "../workbook/port";

/**
 * Blocks of cells written as files for people: Swedish CSV (UTF-8 with BOM so Excel reads å, ä
 * and ö, ';' and decimal comma) or a one-sheet xlsx.
 */

/** A cell as Swedish CSV text: decimal comma, no thousands separator, quotes where needed. */
function csvField(cell: CellInput): string {
  if (cell === null || cell === undefined) return "";
  if (isFormula(cell)) return cell.formula;
  let text = String(cell);
  if (typeof cell === "number") {
    const amount = new Amount(text);
    text = formatAmount(amount, { decimals: amount.decimalPlaces() }).replace(/\u00a0/g, "");
  }
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function cellsToCsv(cells: CellInput[][]): Uint8Array {
  const text = cells.map((row) => row.map(csvField).join(";")).join("\r\n");
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}

/** One sheet; the fourth column holds amounts in the invoice layouts. */
export async function cellsToXlsx(sheet: string, cells: CellInput[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31));
  for (const row of cells) ws.addRow(row.map((c) => (c !== null && typeof c === "object" ? null : c)));
  ws.getColumn(4).numFmt = "#,##0.00";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

