import { Amount } from "./money";
import { DomainError } from "./errors";

/**
 * What a cell or CSV field says about a number. "Missing" (n/a, saknas) is not zero: an agreed
 * amount of n/a means there is no contract. "Blank" counts as zero in sums, as in Excel's SUM,
 * and each caller decides what it means elsewhere.
 */
export type NumberValue =
  | { kind: "number"; value: Amount; unit: NumberUnit; decimals: number; accounting?: true }
  | { kind: "missing" }
  | { kind: "blank" };

/**
 * The unit printed with a number. Hours and rates are numbers too ("200 timmar", "650 kr/h"):
 * hours × kr/h gives kr. `accounting` marks a bare "(285 000)" read as negative.
 */
export type NumberUnit = "none" | "kr" | "tkr" | "percent" | "hours" | "kr/h" | "kr/mån" | "kr/år" | "pieces";

const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const MISSING = new Set(["n/a", "na", "#n/a", "saknas", "uppgift saknas"]);
const MINUS = /^[-\u2212\u2013]/;
const UNITS: readonly [RegExp, NumberUnit][] = [
  [/\s*kr\s*\/\s*(h|tim|timme)$/, "kr/h"],
  [/\s*kr\s*\/\s*(mån|månad)$/, "kr/mån"],
  [/\s*kr\s*\/\s*år$/, "kr/år"],
  [/\s*tkr$/, "tkr"],
  [/\s*(kr|sek|:-)$/, "kr"],
  [/\s*%$/, "percent"],
  [/\s*(timmar|timme|tim|h)$/, "hours"],
  [/\s*st$/, "pieces"],
];

/** The forms most exports use, read without the general machinery: "1234", "-1 234 567,89". */
const COMMON = /^(-?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/;

/** Longer text is no number a cell can hold; refused before decimal.js spends minutes on it. */
export const MAX_NUMBER_TEXT = 300;

/**
 * Parses every Swedish number form (decimal comma, space or NBSP thousands, units, "-" for zero),
 * or throws NOT_A_NUMBER naming the text. A sign printed inside parentheses wins: "(+ 334 100)" is
 * +334 100 and "(-285 000)" −285 000, as boards print decided changes; only a bare "(285 000)"
 * follows the accounting convention and is negative, flagged so the reader can say so.
 */
export function parseNumberText(raw: string): NumberValue {
  if (raw.length > MAX_NUMBER_TEXT) {
    throw new DomainError("NOT_A_NUMBER", `texten '${raw.slice(0, 40)}…' har ${raw.length.toLocaleString("sv-SE")} tecken och är inget tal (ett tal har högst ${MAX_NUMBER_TEXT} tecken)`);
  }
  const parsed = readNumberText(raw);
  if (parsed === null) throw notANumber(raw);
  return parsed;
}

/**
 * parseNumberText without the error: null for text that is no number. For readers that take
 * text as text (a printed table's labels): building an Error with its stack for each of 100 000
 * labels was most of the time of reading a printed key.
 */
export function readNumberText(raw: string): NumberValue | null {
  if (raw.length > MAX_NUMBER_TEXT) return null;
  const common = COMMON.exec(raw);
  if (common) {
    const whole = common[2].length > 3 && /\D/.test(common[2]) ? common[2].replace(/\D/g, "") : common[2];
    const fraction = common[3];
    return { kind: "number", value: new Amount(`${common[1]}${whole}${fraction ? `.${fraction}` : ""}`), unit: "none", decimals: fraction ? fraction.length : 0 };
  }
  const text = raw.replace(SPACES, " ").trim();
  if (text === "") return { kind: "blank" };
  const lower = text.toLowerCase();
  if (MISSING.has(lower)) return { kind: "missing" };

  let body = lower;
  let parenthesised = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    parenthesised = true;
    body = body.slice(1, -1).trim();
  }
  let unit: NumberUnit = "none";
  const found = UNITS.find(([pattern]) => pattern.test(body));
  if (found) {
    unit = found[1];
    body = body.replace(found[0], "").trim();
  } else if (body.startsWith("sek ")) {
    unit = "kr";
    body = body.slice(4).trim();
  }
  // "-" and "- kr" are how Swedish Excel's accounting format shows zero.
  if (!parenthesised && /^[-\u2212\u2013]$/.test(body)) return { kind: "number", value: new Amount(0), unit, decimals: 0 };

  let negative = false;
  let signed = false;
  if (MINUS.test(body)) {
    negative = true;
    signed = true;
    body = body.slice(1).trim();
  } else if (body.startsWith("+")) {
    signed = true;
    body = body.slice(1).trim();
  }
  const accounting = parenthesised && !signed;
  if (accounting) negative = true;

  const digits = normaliseDigits(body);
  if (digits === null) return null;
  let value = new Amount(digits);
  const point = digits.indexOf(".");
  const decimals = point < 0 ? 0 : digits.length - point - 1;
  if (negative) value = value.negated();
  if (unit === "tkr") value = value.times(1000);
  if (unit === "percent") value = value.dividedBy(100);
  return accounting ? { kind: "number", value, unit, decimals, accounting: true } : { kind: "number", value, unit, decimals };
}

/**
 * Plain digits with "." as decimal point, or null. Accepts decimal comma with space, NBSP or dot
 * thousands ("1 134 354,50", "1.134.354,50"), and a machine-style decimal point ("1234.5"). A lone
 * dot before exactly three digits ("1.500") is ambiguous between the two and refused.
 */
function normaliseDigits(body: string): string | null {
  if (/^\d{1,3}( \d{3})+(,\d+)?$/.test(body) || /^\d+(,\d+)?$/.test(body)) {
    return body.replace(/ /g, "").replace(",", ".");
  }
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(body) || /^\d{1,3}(\.\d{3}){2,}$/.test(body)) {
    return body.replace(/\./g, "").replace(",", ".");
  }
  if (/^\d*\.\d+$/.test(body) && !/^[1-9]\d{0,2}\.\d{3}$/.test(body)) {
    return body.startsWith(".") ? `0${body}` : body;
  }
  if (/^,\d+$/.test(body)) return `0${body.replace(",", ".")}`;
  return null;
}

export function notANumber(raw: string): DomainError {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return new DomainError("NOT_A_NUMBER", `texten '${shown}' är inget tal`);
}

/** A number that must be there: blank and n/a are errors naming what was expected. */
export function parseRequiredNumber(raw: string, what = "ett tal"): Amount {
  const parsed = parseNumberText(raw);
  if (parsed.kind === "number") return parsed.value;
  throw new DomainError("MISSING_VALUE", `${what} saknas`);
}

export interface FormatOptions {
  decimals?: number;
  unit?: "kr" | "none";
}

const NBSP = "\u00a0";

/** "1 134 354 kr", "-53 000", "16 560 000,00 kr" — NBSP between groups so a number never wraps. */
export function formatAmount(value: Amount, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 0;
  const fixed = value.toFixed(decimals, Amount.ROUND_HALF_UP);
  const negative = fixed.startsWith("-") && !/^-0(\.0*)?$/.test(fixed);
  const [whole, fraction] = fixed.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const text = `${negative ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
  return options.unit === "kr" ? `${text}${NBSP}kr` : text;
}

/** A fraction as Swedish percent text: 0.023 → "2,30 %". */
export function formatPercent(fraction: Amount, decimals = 2): string {
  return `${formatAmount(fraction.times(100), { decimals })}${NBSP}%`;
}
