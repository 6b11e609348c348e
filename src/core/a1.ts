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

/** "B12" or "$B$12" → { row: 11, col: 1 }, or null when it is no cell address. */
export function tryParseA1(address: string): CellPosition | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

export function parseA1(address: string): CellPosition {
  const position = tryParseA1(address);
  if (!position) throw new Error(`'${address}' är ingen celladress`);
  return position;
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
