import type { RowError } from "./cells";
import { count } from "./plural";

/**
 * How a row error reads, once, for the pane's list, stderr and notices alike:
 * "blad Avtal, tabell Avtal, rad 3, kolumn Avtalat: … ", the column left out when there is none.
 */
export function rowErrorText(error: RowError): string {
  return `${error.file}, rad ${error.row}${error.column ? `, kolumn ${error.column}` : ""}: ${error.message}`;
}

/** A printed table's notice (a line and a column of a file) in the same words. */
export function noticeText(file: string, notice: { line: number; column: string; message: string }): string {
  return rowErrorText({ file, row: notice.line, column: notice.column, message: notice.message });
}

/** The first `limit` errors, one a line, and how many more there are. */
export function rowErrorLines(errors: readonly RowError[], limit = 20): string {
  const lines = errors.slice(0, limit).map(rowErrorText);
  return `${lines.join("\n")}${errors.length > limit ? `\n… och ${count(errors.length - limit, "fel", "fel")} till` : ""}`;
}
