import { amountFromCellNumber } from "../core/cellNumber";
import { Amount } from "../core/money";
import { sv } from "../core/swedishDigits";
import { isDomainError } from "../core/errors";
import { NumberValue, notANumber, parseNumberText } from "../core/numberText";
import { CivilDate, fromExcelSerial, parseDate } from "../core/dates";
import { FunctionError, toFunctionError } from "./functionError";
import { columnLetters } from "../core/a1";

/** What Excel hands a custom function: numbers, text, booleans, "" or null for blanks. */
export type ExcelScalar = number | string | boolean | null | undefined;
export type ExcelMatrix = ExcelScalar[][];
/** What a function returns to a cell: a value, or an error shown in that cell only. */
export type CellResult = number | string | FunctionError;

/**
 * A JS number from Excel read as Excel shows it: to 15 significant digits, so that a cell
 * computed as 0.1+0.2 counts as 0,3 and not 0.30000000000000004.
 */
export function amountFromExcel(value: number): Amount {
  if (!Number.isFinite(value)) throw new FunctionError("#VALUE!", `${value} är inget ändligt tal`);
  return amountFromCellNumber(value);
}

function describeValue(value: ExcelScalar): string {
  return typeof value === "string" ? `texten '${value}'` : String(value);
}

/** A scalar as a number value (blank, missing or number). Booleans are refused: TRUE is no amount. */
export function readNumberValue(input: ExcelScalar | ExcelMatrix, argument: string): NumberValue {
  const value = singleValue(input, argument);
  if (value === null || value === undefined || value === "") return { kind: "blank" };
  if (typeof value === "number") {
    const amount = amountFromExcel(value);
    if (amount.abs().greaterThanOrEqualTo(EXCEL_EXACT_LIMIT)) throw new FunctionError("#VALUE!", `${argument}: talet är större än Excel kan räkna exakt (högst 15 siffror)`);
    return { kind: "number", value: amount, unit: "none", decimals: amount.decimalPlaces() };
  }
  if (typeof value === "boolean") throw new FunctionError("#VALUE!", `${argument}: ${describeValue(value)} är inget tal`);
  let parsed: NumberValue;
  try {
    parsed = parseNumberText(value);
  } catch (error) {
    if (isDomainError(error)) throw toFunctionError(notANumber(value), argument);
    throw error;
  }
  if (parsed.kind === "number" && parsed.value.abs().greaterThanOrEqualTo(EXCEL_EXACT_LIMIT)) {
    throw new FunctionError("#VALUE!", `${argument}: talet är större än Excel kan räkna exakt (högst 15 siffror)`);
  }
  return parsed;
}

/** Excel keeps 15 significant digits: whole numbers from 10^15 up are no longer exact there. */
const EXCEL_EXACT_LIMIT = new Amount("1e15");

/** An exact amount as the number a cell gets; a result too large for Excel is #NUM!. */
export function toExcelNumber(amount: Amount): number {
  if (amount.abs().greaterThanOrEqualTo(EXCEL_EXACT_LIMIT)) throw new FunctionError("#VALUE!", "resultatet är större än Excel kan visa exakt (högst 15 siffror)");
  return amount.toNumber();
}

/** A one-cell range counts as its value; a larger range where one value belongs is #VALUE!. */
function singleValue(input: ExcelScalar | ExcelMatrix, argument: string): ExcelScalar {
  if (!Array.isArray(input)) return basicValue(input, argument);
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) return basicValue(input[0][0], argument);
  throw new FunctionError("#VALUE!", `${argument} ska vara ett enda värde, inte ett område`);
}

/**
 * A rich value (a data type, e.g. the formatted date another SAMKALK function returned, since the
 * metadata lets data types into `any` parameters) counts as its basic value, as a cell shows it;
 * any other object is refused, never read as text.
 */
function basicValue(value: unknown, argument: string): ExcelScalar {
  if (value === null || typeof value !== "object") return value as ExcelScalar;
  if ("basicValue" in value) return basicValue((value as { basicValue: unknown }).basicValue, argument);
  throw new FunctionError("#VALUE!", `${argument}: värdet är varken ett tal, en text eller ett datum`);
}

/**
 * An argument with every rich value in it (scalar or each cell of a range) as its basic value, so
 * no body ever meets a data type: Excel passes them into every `any` parameter, e.g. the date
 * UPPSAGNINGSDAG returns handed on to AVTALSSLUT. Keeps where the range starts on the sheet.
 */
export function basicArgument<T>(input: T, argument: string): T {
  if (!Array.isArray(input)) return basicValue(input, argument) as T;
  const matrix = input as unknown as unknown[][];
  const plain = matrix.map((row, r) =>
    Array.isArray(row) ? row.map((cell, c) => basicValue(cell, `${argument}, ${positionIn(matrix as ExcelMatrix, r, c)}`)) : basicValue(row, argument),
  );
  return withOrigin(plain, (matrix as unknown as Record<symbol, RangeOrigin | undefined>)[ORIGIN]) as T;
}

/** A required number; blank and n/a are errors naming the argument. */
export function readNumber(value: ExcelScalar, argument: string): Amount {
  const parsed = readNumberValue(value, argument);
  if (parsed.kind === "number") return parsed.value;
  throw new FunctionError(parsed.kind === "missing" ? "#N/A" : "#VALUE!", `${argument}: värde saknas`);
}

/** An optional argument: omitted or blank gives the default. */
export function readOptionalNumber(value: ExcelScalar, argument: string, fallback: Amount): Amount {
  const parsed = readNumberValue(value, argument);
  return parsed.kind === "number" ? parsed.value : fallback;
}

/** An optional whole number within [min, max], e.g. decimals 0–2. */
export function readInteger(value: ExcelScalar, argument: string, fallback: number, min: number, max: number): number {
  const n = readOptionalNumber(value, argument, new Amount(fallback));
  if (!n.isInteger() || n.lessThan(min) || n.greaterThan(max)) {
    throw new FunctionError("#VALUE!", `${argument} ska vara ett heltal från ${min} till ${max}, inte ${sv(n)}`);
  }
  return n.toNumber();
}

/** A date as an Excel serial or as text (2025-04-30, 30/4 2025 …). */
export function readDate(input: ExcelScalar | ExcelMatrix, argument: string): CivilDate {
  const value = singleValue(input, argument);
  try {
    if (typeof value === "number") return fromExcelSerial(value);
    if (typeof value === "string" && value.trim() !== "") return parseDate(value);
  } catch (error) {
    if (isDomainError(error)) throw toFunctionError(error, argument);
    throw error;
  }
  throw new FunctionError("#VALUE!", `${argument}: ${value === null || value === undefined || value === "" ? "datum saknas" : `${describeValue(value)} är inget datum`}`);
}

/** "rad 3" in a column, "kolumn 2" in a row, "rad 3, kolumn 2" in a block (1-based in the range). */
/** Where a range argument starts on its sheet (0-based), when the host says: messages then name the cell. */
export interface RangeOrigin {
  row: number;
  col: number;
}

const ORIGIN = Symbol("samkalk.rangeOrigin");

/** Marks a range argument with where it starts on the sheet. */
export function withOrigin<T>(matrix: T, origin: RangeOrigin | null | undefined): T {
  if (origin && Array.isArray(matrix)) Object.defineProperty(matrix, ORIGIN, { value: origin, enumerable: false });
  return matrix;
}

/** "A1:B5", "Blad1!B2:B5", "'Mitt blad'!B2" → the top-left cell (0-based); null for anything else. */
export function originOfAddress(address: string | undefined): RangeOrigin | null {
  const cell = address?.split("!").pop()?.split(":")[0]?.replace(/\$/g, "");
  const m = cell ? /^([A-Za-z]{1,3})(\d{1,7})$/.exec(cell) : null;
  if (!m) return null;
  const col = m[1].toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/**
 * Where a cell of a range argument is, in a message: the sheet cell ("cell B3") when the host told
 * where the range starts, else its place in the range.
 */
export function positionIn(matrix: ExcelMatrix, row: number, column: number): string {
  const origin = (matrix as unknown as Record<symbol, RangeOrigin | undefined>)[ORIGIN];
  if (origin) return `cell ${columnLetters(origin.col + column)}${origin.row + row + 1}`;
  const rows = matrix.length;
  const columns = matrix[0]?.length ?? 0;
  if (columns === 1) return `rad ${row + 1}`;
  if (rows === 1) return `kolumn ${column + 1}`;
  return `rad ${row + 1}, kolumn ${column + 1}`;
}

/** Every cell of a range in reading order, with its number value; errors name the position. */
export function readRange(matrix: ExcelMatrix, argument: string): NumberValue[] {
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0])) {
    return [readNumberValue(matrix as unknown as ExcelScalar, argument)];
  }
  const values: NumberValue[] = [];
  matrix.forEach((row, r) => row.forEach((cell, c) => values.push(readNumberValue(cell, `${argument}, ${positionIn(matrix, r, c)}`))));
  return values;
}

/** Results laid out in the shape of the input range (a column stays a column, a row a row). */
export function inShapeOf<T>(matrix: ExcelMatrix, values: readonly T[]): T[][] {
  if (!Array.isArray(matrix) || !Array.isArray(matrix[0])) return [[values[0]]];
  const columns = matrix[0].length;
  return matrix.map((_, r) => values.slice(r * columns, (r + 1) * columns));
}

export function asMatrix(value: ExcelScalar | ExcelMatrix): ExcelMatrix {
  return Array.isArray(value) ? value : [[value]];
}
