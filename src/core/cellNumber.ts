import { Amount } from "./amount";
import { DomainError, Location } from "./errors";

/**
 * The one conversion from a number a cell holds (a double) to an exact amount. Excel stores its
 * results as binary doubles (2 386 801,6 may be saved as 2386801.5999999999) and shows them to
 * 15 significant digits: the amount is the shortest decimal that reads back as the double once
 * rounded to 15 significant digits, so 2386801.5999999999 is 2 386 801,6 and 0.1 + 0.2 is 0,3.
 */
export const EXCEL_DIGITS = 15;

export function amountFromCellNumber(value: number, where: Location = {}): Amount {
  if (!Number.isFinite(value)) {
    throw new DomainError("NOT_A_NUMBER", `${Number.isNaN(value) ? "NaN" : value > 0 ? "oändligt" : "minus oändligt"} är inget tal en cell kan hålla`, where);
  }
  // toPrecision gives at most 15 digits; Number and String give back the shortest of them.
  const rounded = excelDouble(value);
  // Next to the largest double, 15 digits round past it (1.7976931348623151e308 becomes
  // 1.79769313486232e308, which is Infinity): no amount a cell shows, so refused, not guessed.
  if (!Number.isFinite(rounded)) throw new DomainError("NOT_A_NUMBER", `talet ${value} är större än Excel kan visa med 15 värdesiffror`, where);
  return new Amount(String(rounded));
}

/**
 * The same rounding kept as a double, for hot paths that must not build a Decimal per cell (a
 * 100 000-cell weight range): its shortest text is the amount amountFromCellNumber gives.
 */
export function excelDouble(value: number): number {
  return Number.isInteger(value) && Math.abs(value) < 1e15 ? value : Number(value.toPrecision(EXCEL_DIGITS));
}

/** Significant digits of an amount, trailing zeros of a whole number not counted (1 000 000 has one). */
export function significantDigits(value: Amount): number {
  return value.isZero() ? 1 : value.sd(false);
}

/** Refuses an amount a cell could not hold: Excel keeps 15 significant digits and drops the rest. */
export function checkCellDigits(value: Amount, text: string, where: Location = {}): Amount {
  if (significantDigits(value) > EXCEL_DIGITS) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new DomainError("PRECISION", `talet '${shown}' har ${significantDigits(value)} värdesiffror; Excel håller högst ${EXCEL_DIGITS} och skulle avrunda det. Avrunda talet i filen`, where);
  }
  return value;
}
