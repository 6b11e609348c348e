/** A1 addresses: column letters and 1-based rows, e.g. "B12" ⇄ { row: 11, col: 1 } (0-based). */
export interface CellPosition {
  row: number;
  col: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(pos: CellPosition): string {
  return `${columnLetters(pos.col)}${pos.row + 1}`;
}

/** "A" → 0, "AB" → 27 (0-based). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel's sheet: 1 048 576 rows and 16 384 columns, A to XFD. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** Written as an address, but not necessarily on the sheet (row 0, column XFE …). */
function readA1(address: string): CellPosition | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

const onSheet = (p: CellPosition) => p.row >= 0 && p.row < SHEET_ROWS && p.col < SHEET_COLUMNS;

/** "B12" or "$B$12" → { row: 11, col: 1 }, or null when it is no cell address or no cell of Excel's sheet ("A0", "XFE1"). */
export function tryParseA1(address: string): CellPosition | null {
  const position = readA1(address);
  return position && onSheet(position) ? position : null;
}

/** Why `address` is no cell of a sheet, in Swedish; null when it is one. */
export function a1Refusal(address: string): string | null {
  const position = readA1(address);
  if (!position) return `'${address}' är ingen celladress`;
  if (!onSheet(position)) return `'${address}' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD`;
  return null;
}

export function parseA1(address: string): CellPosition {
  const position = tryParseA1(address);
  if (!position) throw new Error(a1Refusal(address)!);
  return position;
}

/**
 * Why a block of `height` × `width` cells from `start` does not fit on the sheet ("går förbi
 * bladets sista rad (1 048 576)"); null when it fits, or is empty.
 */
export function blockRefusal(start: CellPosition, height: number, width: number): string | null {
  if (height <= 0 || width <= 0) return null;
  const where = `på ${rangeA1(start, height, width)}`;
  if (start.row + height > SHEET_ROWS) return `${where} går förbi bladets sista rad (1 048 576)`;
  if (start.col + width > SHEET_COLUMNS) return `${where} går förbi bladets sista kolumn (XFD)`;
  return null;
}

export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** "B2:D10" or "B2" (and "Blad!B2:D10", whose sheet part is dropped). */
export function parseRange(address: string): RangePosition {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  const start = parseA1(a);
  const end = b ? parseA1(b) : start;
  return { start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) }, end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) } };
}

export function rangeA1(start: CellPosition, height: number, width: number): string {
  const end = { row: start.row + height - 1, col: start.col + width - 1 };
  return height === 1 && width === 1 ? toA1(start) : `${toA1(start)}:${toA1(end)}`;
}
