import { DomainError } from "./errors";

/** A calendar date without time zone: contracts end on a day, not at an instant. */
export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function makeDate(year: number, month: number, day: number): CivilDate {
  if (
    !Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) ||
    year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
  ) {
    throw new DomainError("INVALID_DATE", `${year}-${pad(month)}-${pad(day)} är inget giltigt datum`);
  }
  return { year, month, day };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatIsoDate(date: CivilDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Reads the date forms seen in Swedish exports: 2022-04-30, 2022-04-30 00:00, 20220430,
 * 30/4 2022, 30.4.2022. Throws INVALID_DATE for anything else, including 2022-02-30.
 */
/** Digits at [start, start + length) as a number, or -1: no regex match for the common case. */
function digitsAt(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function parseDate(text: string): CivilDate {
  // ISO dates (2022-04-30) are nearly all of what registers export.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digitsAt(text, 0, 4);
    const m = digitsAt(text, 5, 2);
    const d = digitsAt(text, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return makeDate(y, m, d);
  }
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return makeDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return makeDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.](\d{1,2})[ .](\d{4})$/.exec(t) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return makeDate(+m[3], +m[2], +m[1]);
  throw new DomainError("INVALID_DATE", `'${t}' är inget datum (skriv ÅÅÅÅ-MM-DD)`);
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isMonthEnd(date: CivilDate): boolean {
  return date.day === daysInMonth(date.year, date.month);
}

/**
 * Adds (or with a negative n subtracts) whole months. A date on the last day of its month lands
 * on the last day of the target month (6 months before 30 April is 31 October); other days are
 * clamped to the target month's length.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const day = isMonthEnd(date) ? last : Math.min(date.day, last);
  return makeDate(year, month, day);
}

/** Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil. */
export function toEpochDays(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return makeDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/**
 * A workbook counts its dates in one of two systems, stored in the file (workbookPr date1904):
 * "1900", where serial 1 is 1900-01-01 and Excel's fictitious 1900-02-29 is serial 60, or "1904"
 * (old Mac Excel, LibreOffice on request), where serial 0 is 1904-01-01. 2027-04-30 is 46 507 in
 * the first and 45 045 in the second.
 */
export type DateSystem = "1900" | "1904";

// In the 1900 system day 0 is 1899-12-30 for every date after the fictitious 1900-02-29.
const EPOCH: Record<DateSystem, number> = { "1900": toEpochDays({ year: 1899, month: 12, day: 30 }), "1904": toEpochDays({ year: 1904, month: 1, day: 1 }) };
const FIRST_SERIAL: Record<DateSystem, number> = { "1900": 61, "1904": 0 };
const FIRST_DATE: Record<DateSystem, string> = { "1900": "1900-03-01", "1904": "1904-01-01" };

export function toExcelSerial(date: CivilDate, system: DateSystem = "1900"): number {
  const serial = toEpochDays(date) - EPOCH[system];
  if (serial < FIRST_SERIAL[system]) throw new DomainError("INVALID_DATE", `${formatIsoDate(date)} ligger före arbetsbokens första datum (${FIRST_DATE[system]})`);
  return serial;
}

/** An Excel date serial in the workbook's date system (the time of day, if any, is dropped). */
export function fromExcelSerial(serial: number, system: DateSystem = "1900"): CivilDate {
  const last = toEpochDays({ year: 9999, month: 12, day: 31 }) - EPOCH[system];
  if (!Number.isFinite(serial) || serial < FIRST_SERIAL[system] || serial >= last + 1) {
    throw new DomainError("INVALID_DATE", `${serial} är inget datum (Excel-datum från ${FIRST_DATE[system]} till 9999-12-31${system === "1904" ? " i 1904-datumsystemet" : ""})`);
  }
  return fromEpochDays(Math.floor(serial) + EPOCH[system]);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDays(toEpochDays(date) + days);
}

export function todayLocal(now: Date = new Date()): CivilDate {
  return makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const SWEDISH_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** "mars", "Mar.", "april", "maj" → 3, 3, 4, 5: a Swedish month name by its first three letters; null otherwise. */
export function swedishMonth(text: string): number | null {
  const m = /^([a-zåäö]{3})[a-zåäö]*\.?$/.exec(text.trim().toLowerCase());
  const i = m ? SWEDISH_MONTHS.indexOf(m[1]) : -1;
  return i < 0 ? null : i + 1;
}
