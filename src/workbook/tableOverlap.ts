import { DomainError } from "../core/errors";
import { rangeA1 } from "../core/a1";

/** Where a table stands on its sheet: its corner (0-based) and size, header row included. */
export interface TablePlace {
  name: string;
  sheet: string;
  row: number;
  col: number;
  width: number;
  height: number;
}

const rangeOf = (t: TablePlace) => rangeA1({ row: t.row, col: t.col }, t.height, t.width);

/** The first other table a place shares a cell with, on the same sheet. */
export function overlappingTable(place: TablePlace, tables: Iterable<TablePlace>): TablePlace | undefined {
  for (const t of tables) {
    if (t.name.toLowerCase() === place.name.toLowerCase() || t.sheet.toLowerCase() !== place.sheet.toLowerCase()) continue;
    const apart = t.row + t.height <= place.row || place.row + place.height <= t.row || t.col + t.width <= place.col || place.col + place.width <= t.col;
    if (!apart) return t;
  }
  return undefined;
}

/** As Excel: a table cannot share a cell with another table; refused in Swedish, naming both ranges. */
export function refuseOverlap(place: TablePlace, tables: Iterable<TablePlace>): void {
  const other = overlappingTable(place, tables);
  if (!other) return;
  throw new DomainError(
    "INVALID_ARGUMENT",
    `tabellen ${place.name} (${rangeOf(place)}) skulle dela celler med tabellen ${other.name} (${rangeOf(other)}) på bladet ${place.sheet}; två tabeller kan inte överlappa i Excel. Flytta den ena tabellen`,
    { sheet: place.sheet, table: place.name },
  );
}
