import { amountFromCellNumber } from "../core/cellNumber";
import ExcelJS from "exceljs";
import { formatAmount } from "../core/numberText";
import { CellInput, amountToCellNumber, isAmount, isFormula, looksLikeFormula } from "../core/cells";
import { SHEET_NAME, validName } from "../core/names";

/**
 * Blocks of cells written as files for people: Swedish CSV (UTF-8 with BOM so Excel reads å, ä
 * and ö, ';' and decimal comma) or a one-sheet xlsx.
 */

/**
 * A cell as Swedish CSV text: decimal comma, no thousands separator, quotes where needed. Exact
 * amounts are formatted from their decimal digits. Text that a spreadsheet would run as a formula
 * (= + - @, tab, CR) gets a leading apostrophe (OWASP's advice on CSV injection).
 */
function csvField(cell: CellInput): string {
  if (cell === null || cell === undefined) return "";
  let text: string;
  if (isFormula(cell)) text = cell.formula;
  else if (isAmount(cell) || typeof cell === "number") {
    const amount = isAmount(cell) ? cell : amountFromCellNumber(cell);
    text = formatAmount(amount, { decimals: amount.decimalPlaces() }).replace(/[\u00a0\u202f]/g, "");
  } else {
    text = String(cell);
    if (typeof cell === "string" && looksLikeFormula(cell)) text = `'${text}`;
  }
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function cellsToCsv(cells: CellInput[][]): Uint8Array {
  const text = cells.map((row) => row.map(csvField).join(";")).join("\r\n");
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}

/**
 * One sheet, named as Excel allows (a member "A/B" or "History" gets a valid name). Number formats
 * per column (null = General); without them the fourth column holds amounts, as in the invoice layouts.
 */
export async function cellsToXlsx(sheet: string, cells: CellInput[][], numberFormats?: readonly (string | null)[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(validName(sheet, SHEET_NAME));
  for (const row of cells) ws.addRow(row.map((c) => (isAmount(c) ? amountToCellNumber(c) : isFormula(c) ? { formula: c.formula.replace(/^=/, "") } : c)));
  if (numberFormats) numberFormats.forEach((format, i) => format && (ws.getColumn(i + 1).numFmt = format));
  else ws.getColumn(4).numFmt = "#,##0.00";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

