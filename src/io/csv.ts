import Papa from "papaparse";
import { DomainError } from "../core/errors";
import { LIMITS } from "../core/limits";
import { normaliseHeader } from "../core/cells";

export { normaliseHeader } from "../core/cells";
import { checkFileSize } from "./fileSize";

export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/**
 * Swedish Excel writes CSV as Windows-1252, UTF-8 with BOM, or ("Unicode text") UTF-16 LE.
 * A BOM decides; otherwise strict UTF-8 is tried and Windows-1252 taken if it fails, which is
 * safe because 1252 text with å, ä or ö is never valid UTF-8 by accident in practice.
 */
export function decodeBytes(bytes: Uint8Array, file = ""): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
    } catch {
      // The BOM says UTF-8, yet a byte is not: a file stitched from UTF-8 and Windows-1252 parts.
      // Decoding it leniently would turn "Örby" into "�rby" and make a new member of it.
      throw mixedEncoding(file, new TextDecoder("utf-8").decode(body.subarray(0, firstInvalidUtf8(body))));
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  // UTF-16 without a BOM: Latin text has a NUL in every other byte. Read as 8-bit it looks like a
  // table of nothing, which would let a check report "no findings" on a file it never read.
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes);
    // UTF-8 å, ä, ö read as Windows-1252 become "Ã¥", "Ã¤", "Ã¶": a file stitched from both.
    const mixed = /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/.exec(text);
    if (mixed) throw mixedEncoding(file, text.slice(0, mixed.index));
    return { text, encoding: "windows-1252" };
  }
}

export { checkFileSize } from "./fileSize";

/** The refusal of a file in two encodings, at the row and column where the text before it ends. */
function mixedEncoding(file: string, before: string): DomainError {
  const lines = before.replace(/\r\n?/g, "\n").split("\n");
  const delimiter = detectDelimiter(before);
  const field = lines[lines.length - 1].replace(/"[^"]*"/g, "").split(delimiter).length;
  // The header is the first line that is not blank (parseCsvText skips those above it).
  const headerIndex = lines.findIndex((l) => /[^\s;,"]/.test(l));
  const header = headerIndex >= 0 && headerIndex < lines.length - 1 ? lines[headerIndex].split(delimiter)[field - 1]?.replace(/"/g, "").trim() : undefined;
  return new DomainError("INVALID_ARGUMENT", "filen blandar teckenkodningar (UTF-8 och Windows-1252); spara om den med en enda kodning, t.ex. \"CSV UTF-8\" i Excel", {
    file,
    row: lines.length,
    column: header || String(field),
  });
}

/** Where the first byte that is not part of a valid UTF-8 sequence starts. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] > 0x9f) || (b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] > 0x8f)) return i;
    i += n;
  }
  return bytes.length;
}

/**
 * The header line of CSV text: the first line with more than blanks and separators in it, as
 * parseCsvText skips the lines above it. Quoted text, which may hold separators and line breaks,
 * is left out of the line (a quoted field that is not blank leaves an "x" in its place).
 */
function headerLine(text: string): string | undefined {
  return text.replace(/"([^"]*)"/g, (_, inside: string) => (inside.trim() === "" ? "" : "x")).split(/\r\n?|\n/).find((l) => /[^\s;,]/.test(l));
}

/** The separator of the header line: ";" (Swedish Excel), tab, or ",". Quoted text is ignored. */
export function detectDelimiter(text: string): string {
  const line = headerLine(text) ?? text.split(/\r\n?|\n/, 1)[0];
  const count = (c: string) => line.split(c).length - 1;
  if (count(";") > 0) return ";";
  if (count("\t") > 0) return "\t";
  return ",";
}

export interface CsvTable {
  file: string;
  encoding: Encoding;
  delimiter: string;
  headers: string[];
  rows: string[][];
  /** rowNumbers[i] is the file row (1-based, header included) of rows[i], for error messages. */
  rowNumbers: number[];
  /** The file row of the header (blank lines above it are skipped). */
  headerRowNumber: number;
}

/**
 * Parses CSV text into a header and data rows with papaparse. Wholly empty lines are dropped;
 * a row with more fields than the header, or a broken quote, is an error naming file and row.
 */
export function parseCsvText(raw: string, file: string, encoding: Encoding = "utf-8"): CsvTable {
  // Files stitched together by hand mix CRLF and LF, which defeats papaparse's newline guess.
  const text = raw.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, newline: "\n", skipEmptyLines: false });
  const lines = result.data;
  const quoteError = result.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    throw new DomainError("INVALID_ARGUMENT", "ett citattecken (\") stängs aldrig", { file, row: (quoteError.row ?? 0) + 1 });
  }
  const isEmpty = (line: string[]) => line.every((f) => f.trim() === "");
  const headerIndex = lines.findIndex((l) => !isEmpty(l));
  if (headerIndex < 0) throw new DomainError("MISSING_VALUE", "filen är tom: den ska ha en rubrikrad och minst en datarad", { file });
  const headers = lines[headerIndex].map((h) => h.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isEmpty(line)) continue;
    if (line.length > headers.length && line.slice(headers.length).some((f) => f.trim() !== "")) {
      throw new DomainError("INVALID_ARGUMENT", `raden har ${line.length} fält men rubrikraden ${headers.length}`, { file, row: i + 1 });
    }
    if (rows.length >= LIMITS.importRows) {
      throw new DomainError("OUT_OF_RANGE", `filen har fler än ${LIMITS.importRows.toLocaleString("sv-SE")} datarader, som är största tillåtna antal. Dela upp den i flera filer`, { file, row: i + 1 });
    }
    const bad = line.findIndex((f) => CONTROL.test(f));
    if (bad >= 0) {
      const code = line[bad].match(CONTROL)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      throw new DomainError("INVALID_ARGUMENT", `fältet innehåller ett styrtecken (U+${code}), som inte hör hemma i en tabell; kontrollera filens kodning eller ta bort tecknet`, { file, row: i + 1, column: headers[bad] || `kolumn ${bad + 1}` });
    }
    rows.push(line.length === headers.length ? line : Array.from({ length: headers.length }, (_, j) => line[j] ?? ""));
    rowNumbers.push(i + 1);
  }
  return { file, encoding, delimiter, headers, rows, rowNumbers, headerRowNumber: headerIndex + 1 };
}

function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return "utf-16le";
  if (even > pairs * 0.3 && odd < pairs * 0.05) return "utf-16be";
  return null;
}

/** Control characters (NUL, escape …) have no place in a table cell; a tab or line break inside quotes does. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function parseCsvBytes(bytes: Uint8Array, file: string): CsvTable {
  checkFileSize(bytes.length, file);
  const { text, encoding } = decodeBytes(bytes, file);
  return parseCsvText(text, file, encoding);
}

/** Finds a column by any of its accepted Swedish or English names, ignoring case and spaces. */
export function findColumn(headers: readonly string[], names: readonly string[]): number {
  const wanted = names.map(normaliseHeader);
  return headers.findIndex((h) => wanted.includes(normaliseHeader(h)));
}

