import { DomainError } from "./errors";

/**
 * The years a model, an invoice run or a ledger import may be for: a four-digit year this
 * century. One range, so the pane, the CLI and the stored settings accept the same years.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export function isModelYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A year typed into a field: "2027" is 2027; anything else is OUT_OF_RANGE naming the field. */
export function readYear(text: string, field: string): number {
  const year = /^\s*\d{4}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!isModelYear(year)) throw new DomainError("OUT_OF_RANGE", `${field}: '${text.trim()}' ska vara ett årtal från ${FIRST_YEAR} till ${LAST_YEAR}`);
  return year;
}
