import { ChartSpec, SheetSpec, TableSpec } from "./port";
import { CellInput, isAmount, isFormula } from "../core/cells";
import { CellPosition, RangePosition, a1Refusal, blockRefusal, parseRange, tryParseA1 } from "../core/a1";

/** Excel's rules for table names: a letter or _ first, then letters, digits, _ and ., no spaces. */
const TABLE_NAME = /^[\p{L}_][\p{L}\p{N}_.]{0,254}$/u;
const SHEET_NAME = /^[^\\/?*[\]:]{1,31}$/;

/** Thrown before anything is written: the workbook is untouched. */
export class WriteValidationError extends Error {}

function checkCell(cell: CellInput, where: string): void {
  if (typeof cell === "number" && !Number.isFinite(cell)) throw new WriteValidationError(`${where}: ${cell} kan inte skrivas till en cell`);
  if (isAmount(cell) && cell.precision(true) > 15) throw new WriteValidationError(`${where}: beloppet har fler än 15 siffror, vilket en Excel-cell inte kan lagra exakt`);
  if (typeof cell === "string" && cell.length > 32_767) throw new WriteValidationError(`${where}: texten är längre än Excels gräns på 32 767 tecken`);
  if (isFormula(cell) && cell.formula.length > 8_192) throw new WriteValidationError(`${where}: formeln är längre än Excels gräns på 8 192 tecken`);
}

/** The cell at `address`, refused in Swedish when it is no cell of Excel's sheet. */
function cellAt(address: string): CellPosition {
  const position = tryParseA1(address);
  if (!position) throw new WriteValidationError(a1Refusal(address)!);
  return position;
}

/** The range at `address` ("B2:D10", "Blad!B2"), refused as cellAt refuses its corners. */
function rangeAt(address: string): RangePosition {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  local.split(":").forEach(cellAt);
  return parseRange(address);
}

/** Refuses `what` ("tabellen Medlemmar") when its block runs past the sheet's last row or column. */
function checkFits(what: string, start: CellPosition, height: number, width: number): void {
  const refusal = blockRefusal(start, height, width);
  if (refusal) throw new WriteValidationError(`${what} ${refusal}`);
}

export function validateTableSpec(spec: TableSpec): void {
  if (!TABLE_NAME.test(spec.name)) throw new WriteValidationError(`'${spec.name}' är inget giltigt tabellnamn`);
  if (!SHEET_NAME.test(spec.sheet)) throw new WriteValidationError(`'${spec.sheet}' är inget giltigt bladnamn`);
  const start = spec.topLeft ? cellAt(spec.topLeft) : { row: 0, col: 0 };
  if (spec.headers.length === 0) throw new WriteValidationError(`tabellen ${spec.name} har inga kolumner`);
  const seen = new Set<string>();
  spec.headers.forEach((h, c) => {
    if (h.trim() === "") throw new WriteValidationError(`tabellen ${spec.name}: kolumn ${c + 1} saknar rubrik`);
    if (seen.has(h.toLowerCase())) throw new WriteValidationError(`tabellen ${spec.name}: rubriken '${h}' finns två gånger`);
    seen.add(h.toLowerCase());
  });
  spec.rows.forEach((row, r) => {
    if (row.length !== spec.headers.length) throw new WriteValidationError(`tabellen ${spec.name}, rad ${r + 2}: ${row.length} celler men ${spec.headers.length} kolumner`);
    row.forEach((cell, c) => checkCell(cell, `tabellen ${spec.name}, rad ${r + 2}, kolumn ${spec.headers[c]}`));
  });
  // Where a new table goes; an existing table keeps its own place, which only the host knows.
  checkFits(`tabellen ${spec.name}`, start, spec.rows.length + 1, spec.headers.length);
}

export function validateSheetSpec(spec: SheetSpec): void {
  if (!SHEET_NAME.test(spec.sheet)) throw new WriteValidationError(`'${spec.sheet}' är inget giltigt bladnamn`);
  const start = spec.topLeft ? cellAt(spec.topLeft) : { row: 0, col: 0 };
  spec.cells.forEach((row, r) => row.forEach((cell, c) => checkCell(cell, `blad ${spec.sheet}, rad ${r + 1}, kolumn ${c + 1}`)));
  checkFits(`blad ${spec.sheet}: blocket`, start, spec.cells.length, spec.cells.reduce((widest, row) => Math.max(widest, row.length), 0));
  for (const f of spec.cellFormats ?? []) rangeAt(f.address);
  for (const t of spec.tables ?? []) {
    if (!TABLE_NAME.test(t.name)) throw new WriteValidationError(`'${t.name}' är inget giltigt tabellnamn`);
    checkFits(`tabellen ${t.name}`, cellAt(t.topLeft), t.height, t.width);
  }
}

export function validateChartSpec(spec: ChartSpec): void {
  if (!SHEET_NAME.test(spec.sheet)) throw new WriteValidationError(`'${spec.sheet}' är inget giltigt bladnamn`);
  if (spec.name.trim() === "" || spec.name.length > 255) throw new WriteValidationError("diagrammet behöver ett namn (högst 255 tecken)");
  const { start, end } = rangeAt(spec.dataAddress);
  if (end.row - start.row < 1 || end.col - start.col < 1) throw new WriteValidationError(`diagrammets data ${spec.dataAddress} behöver en rubrikrad, minst en rad och minst en serie`);
  cellAt(spec.topLeft);
}
