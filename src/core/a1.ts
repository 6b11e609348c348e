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

export function parseA1(address: string): CellPosition {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) throw new Error(`'${address}' är ingen celladress`);
  const col = m[1].toUpperCase().split("").reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
  return { row: Number(m[2]) - 1, col };
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
