import { CellValue, SourceCell, SourceTable, isCellError } from "../core/cells";
import { columnLetters, parseRange } from "../core/a1";
import { DomainError } from "../core/errors";
import { WorkbookPort } from "../workbook/port";

/**
 * The selected range as a source table: its first row the headers, the rest rows numbered as on
 * the sheet. An error value in a cell is refused, naming the cell by the sheet's row and column
 * letter (D4, wherever the selection starts), rather than read as text.
 */
export async function selectionAsTable(wb: WorkbookPort): Promise<SourceTable> {
  const range = await wb.readSelection();
  const start = parseRange(range.address).start;
  if (range.values.length < 2) throw new DomainError("MISSING_VALUE", "markera en tabell med rubrikrad och minst en rad under den", { sheet: range.sheet });
  const cell = (v: CellValue, r: number, c: number): SourceCell => {
    if (isCellError(v)) throw new DomainError("INVALID_ARGUMENT", `cellen har felvärdet ${v.error}`, { sheet: range.sheet, row: start.row + r + 1, column: columnLetters(start.col + c) });
    return v;
  };
  const [head, ...rest] = range.values;
  return {
    file: `blad ${range.sheet}`,
    sheet: range.sheet,
    headers: head.map((v, c) => String(cell(v, 0, c) ?? "").trim()),
    rows: rest.map((row, r) => row.map((v, c) => cell(v, r + 1, c))),
    rowNumbers: rest.map((_, r) => start.row + r + 2),
    headerRowNumber: start.row + 1,
  };
}
