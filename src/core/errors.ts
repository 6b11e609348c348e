/**
 * Domain errors are values with a stable code and a Swedish message written for the user.
 * The core raises them; each host maps them at its edge (Excel error, MessageBar, exit code).
 */
export type ErrorCode =
  | "NOT_A_NUMBER"
  | "MISSING_VALUE"
  | "NEGATIVE_WEIGHT"
  | "ZERO_WEIGHTS"
  | "EMPTY_KEY"
  | "DUPLICATE_MEMBER"
  | "PERCENT_SUM"
  | "PRECISION"
  | "OUT_OF_RANGE"
  | "INVALID_DATE"
  | "INVALID_ARGUMENT"
  | "UNKNOWN_COLUMN"
  | "AMBIGUOUS_COLUMN"
  | "INVALID_RULE"
  | "DIVISION_BY_ZERO";

/** Where in a file, table or range a problem sits; rows count the header as row 1. */
export interface Location {
  /** Where, already in words, e.g. "blad Avrop, tabell Avrop". */
  source?: string;
  file?: string;
  sheet?: string;
  table?: string;
  row?: number;
  column?: string;
  cell?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly location: Location;

  constructor(code: ErrorCode, message: string, location: Location = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.location = location;
  }

  /** The same error with more of its location filled in (inner details win). */
  at(location: Location): DomainError {
    return new DomainError(this.code, this.message, { ...location, ...this.location });
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** "fil nyckel.csv, rad 3, kolumn Vikt" — the prefix every located message starts with. */
export function describeLocation(location: Location): string {
  const parts: string[] = [];
  if (location.source) parts.push(location.source);
  if (location.file) parts.push(`fil ${location.file}`);
  if (location.sheet) parts.push(`blad ${location.sheet}`);
  if (location.table) parts.push(`tabell ${location.table}`);
  if (location.cell) parts.push(`cell ${location.cell}`);
  if (location.row !== undefined) parts.push(`rad ${location.row}`);
  if (location.column) parts.push(`kolumn ${location.column}`);
  return parts.join(", ");
}

/** Message with its location in front, for stderr and lists of row errors. */
export function locatedMessage(error: DomainError): string {
  const where = describeLocation(error.location);
  return where ? `${where}: ${error.message}` : error.message;
}

/** An error as a worker posts it back: plain data that survives structured cloning. */
export type PostedError = { domain: true; code: ErrorCode; message: string; location: Location } | { domain: false; message: string };

export function postedError(error: unknown): PostedError {
  if (isDomainError(error)) return { domain: true, code: error.code, message: error.message, location: error.location };
  return { domain: false, message: error instanceof Error ? error.message : String(error) };
}

/** The error a worker posted, as the caller would have caught it: a DomainError stays one. */
export function receivedError(posted: PostedError): Error {
  return posted.domain ? new DomainError(posted.code, posted.message, posted.location) : new Error(posted.message);
}
