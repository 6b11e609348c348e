import { columnIndex, columnLetters } from "../core/a1";

/**
 * What a formula in a file refers to, read from its text (the file's own syntax: English
 * function names, "," between arguments, no leading "="): cells, ranges, whole columns and rows,
 * sheet names, defined names. Enough to find a formula's precedents and dependents, to move a
 * shared formula to another cell and to bound whole-column references, without a full parser.
 */

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

export interface ReferenceToken {
  kind: "reference";
  start: number;
  end: number;
  /** The sheet as written (unquoted), or null for the formula's own sheet. */
  sheet: string | null;
  /** 0-based corners; whole columns span every row, whole rows every column. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  shape: "cells" | "columns" | "rows";
  /** Written as a range (A1:A1), not a single cell, even when it covers one cell. */
  range: boolean;
  /** $ flags of the top row, left column, bottom row and right column. */
  absolute: [boolean, boolean, boolean, boolean];
}

export interface NameToken {
  kind: "name";
  start: number;
  end: number;
  name: string;
}

export interface FormulaReferences {
  references: ReferenceToken[];
  names: NameToken[];
  /** Why the formula cannot be followed (an external workbook, a 3D or structured reference). */
  unsupported?: string;
}

const TOKEN = new RegExp(
  [
    /("(?:[^"]|"")*")/.source, // 1 string literal
    /(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA))/.source, // 2 error literal
    /(\[[^\]]*\](?:'|[^\s,;()+\-*/&=<>^%"]*!)?)/.source, // 3 external workbook [1]Sheet! or structured reference [Col]
    /((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)?)!)?/.source + // 4 sheet prefix
      /(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![\w.(!\u00C0-\uFFFF])/.source, // 5 reference
    /([A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)/.source, // 6 identifier: function or name
    /(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/.source, // 7 number
    /([^])/.source, // 8 anything else
  ].join("|"),
  "gy",
);

interface Corner {
  row: number | null;
  col: number | null;
  rowAbs: boolean;
  colAbs: boolean;
}

function corner(text: string): Corner {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d{1,7})?$/.exec(text)!;
  if (m[2] === undefined) return { row: Number(text.replace("$", "")) - 1, col: null, rowAbs: text.startsWith("$"), colAbs: false };
  return { col: columnIndex(m[2]), colAbs: m[1] === "$", row: m[4] === undefined ? null : Number(m[4]) - 1, rowAbs: m[3] === "$" };
}

/** Two ends of a span, smaller first, each with its $ flag. */
function ordered(a: number, b: number, aAbs: boolean, bAbs: boolean): [number, number, boolean, boolean] {
  return a <= b ? [a, b, aAbs, bAbs] : [b, a, bAbs, aAbs];
}

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Characters after which a run of letters and digits is not a reference: \w . ( ! and non-ASCII. */
const continuesName = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 40 || c === 33 || c > 127;
/** Operators and separators the plain reader passes over: + - * / ^ & % < > = , ( ) and space. */
const PASSED = new Set([...'+-*/^&%<>=,() '].map((c) => c.charCodeAt(0)));

/** A corner such as $B$7 starting at `at`: its end and parts; null when there is none. */
function plainCorner(text: string, at: number): { end: number; row: number; col: number; rowAbs: boolean; colAbs: boolean } | null {
  let i = at;
  const colAbs = text.charCodeAt(i) === 36;
  if (colAbs) i++;
  let col = 0;
  const lettersStart = i;
  while (i < text.length && isLetter(text.charCodeAt(i))) col = col * 26 + ((text.charCodeAt(i++) | 0x20) - 96);
  if (i === lettersStart || i - lettersStart > 3) return null;
  const rowAbs = text.charCodeAt(i) === 36;
  if (rowAbs) i++;
  const digitsStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart || i - digitsStart > 7) return null;
  return { end: i, row: Number(text.slice(digitsStart, i)) - 1, col: col - 1, rowAbs, colAbs };
}

/**
 * The references of a formula made of cells, ranges of cells, numbers, operators and function
 * calls only (=C1+B2, ROUND(B2/$E$2*100,0), SUM(A1:A9)), read by hand: the same tokens the
 * general reader gives, five times as fast, for the 100 000 formulas of a filled-down column.
 * Undefined for anything else (a name, a sheet, a string, a whole column), which the general
 * reader then reads.
 */
function plainReferences(formula: string): FormulaReferences | undefined {
  const references: ReferenceToken[] = [];
  for (let i = 0; i < formula.length; ) {
    const c = formula.charCodeAt(i);
    if (PASSED.has(c)) {
      i++;
    } else if (isDigit(c)) {
      // A number, as the general reader takes it: 12, 1.5, 1.5E-3; 1:3 is a range of rows.
      while (i < formula.length && isDigit(formula.charCodeAt(i))) i++;
      if (formula.charCodeAt(i) === 58) return undefined;
      if (formula.charCodeAt(i) === 46) for (i++; i < formula.length && isDigit(formula.charCodeAt(i)); ) i++;
      if ((formula.charCodeAt(i) | 0x20) === 101) {
        let j = i + 1;
        if (formula.charCodeAt(j) === 43 || formula.charCodeAt(j) === 45) j++;
        if (!isDigit(formula.charCodeAt(j))) return undefined;
        while (j < formula.length && isDigit(formula.charCodeAt(j))) j++;
        i = j;
      }
    } else if (isLetter(c) || c === 36) {
      const first = plainCorner(formula, i);
      if (first) {
        let end = first.end;
        let second = first;
        if (formula.charCodeAt(end) === 58) {
          const other = plainCorner(formula, end + 1);
          if (!other) return undefined;
          second = other;
          end = other.end;
        }
        if (end < formula.length && continuesName(formula.charCodeAt(end))) {
          if (second !== first || formula.charCodeAt(end) !== 40 || first.colAbs || first.rowAbs) return undefined;
          // LOG10( is a function's name, not a cell.
          i = end + 1;
          continue;
        }
        const [top, bottom, topAbs, bottomAbs] = ordered(first.row, second.row, first.rowAbs, second.rowAbs);
        const [left, right, leftAbs, rightAbs] = ordered(first.col, second.col, first.colAbs, second.colAbs);
        references.push({ kind: "reference", start: i, end, sheet: null, top, bottom, left, right, shape: "cells", range: second !== first, absolute: [topAbs, leftAbs, bottomAbs, rightAbs] });
        i = end;
        continue;
      }
      if (c === 36) return undefined;
      // A function's name, followed by its bracket; anything else (a name, TRUE) is for the general reader.
      let end = i;
      while (end < formula.length && (isLetter(formula.charCodeAt(end)) || isDigit(formula.charCodeAt(end)) || formula.charCodeAt(end) === 46 || formula.charCodeAt(end) === 95)) end++;
      if (formula.charCodeAt(end) !== 40) return undefined;
      i = end + 1;
    } else return undefined;
  }
  return { references, names: [] };
}

/** The references and names in a formula's text. */
export function formulaReferences(formula: string): FormulaReferences {
  const plain = plainReferences(formula);
  if (plain) return plain;
  return generalReferences(formula);
}

/** The general reader: every token of the formula by one expression (exported for the test that holds the plain reader to it). */
export function generalReferences(formula: string): FormulaReferences {
  const result: FormulaReferences = { references: [], names: [] };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(formula)) !== null) {
    const start = m.index;
    const end = TOKEN.lastIndex;
    if (m[3] !== undefined) {
      result.unsupported ??= /^\[\d+\]/.test(m[3]) ? "extern länk till en annan arbetsbok" : "strukturerad tabellreferens";
    } else if (m[5] !== undefined) {
      const sheet = m[4] ? unquote(m[4].slice(0, -1)) : null;
      if (sheet !== null && /^\[/.test(sheet)) result.unsupported ??= "extern länk till en annan arbetsbok";
      if (sheet !== null && !m[4].startsWith("'") && sheet.includes(":")) result.unsupported ??= "referens över flera blad (3D)";
      const [a, b = a] = m[5].split(":");
      const [p, q] = [corner(a), corner(b)];
      const shape = p.row === null ? "columns" : p.col === null ? "rows" : "cells";
      const [top, bottom, topAbs, bottomAbs] = ordered(p.row ?? 0, q.row ?? 0, p.rowAbs, q.rowAbs);
      const [left, right, leftAbs, rightAbs] = ordered(p.col ?? 0, q.col ?? 0, p.colAbs, q.colAbs);
      result.references.push({
        kind: "reference",
        start,
        end,
        sheet,
        top,
        bottom: shape === "columns" ? MAX_ROW : bottom,
        left,
        right: shape === "rows" ? MAX_COL : right,
        shape,
        range: m[5].includes(":"),
        absolute: [topAbs, leftAbs, bottomAbs, rightAbs],
      });
    } else if (m[6] !== undefined) {
      const next = formula[end];
      if (next === "(") continue;
      if (next === "[") {
        result.unsupported ??= "strukturerad tabellreferens";
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(m[6])) continue;
      result.names.push({ kind: "name", start, end, name: m[6] });
    }
  }
  return result;
}

function quoteSheet(sheet: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A reference as text, e.g. 'Blad 2'!$B$2:B9, A:A, 3:3. */
export function referenceText(ref: Omit<ReferenceToken, "kind" | "start" | "end">): string {
  const [r1, c1, r2, c2] = ref.absolute;
  const prefix = ref.sheet === null ? "" : `${quoteSheet(ref.sheet)}!`;
  const cell = (row: number, col: number, rowAbs: boolean, colAbs: boolean) => `${colAbs ? "$" : ""}${columnLetters(col)}${rowAbs ? "$" : ""}${row + 1}`;
  if (ref.shape === "columns") return `${prefix}${c1 ? "$" : ""}${columnLetters(ref.left)}:${c2 ? "$" : ""}${columnLetters(ref.right)}`;
  if (ref.shape === "rows") return `${prefix}${r1 ? "$" : ""}${ref.top + 1}:${r2 ? "$" : ""}${ref.bottom + 1}`;
  return `${prefix}${cell(ref.top, ref.left, r1, c1)}${ref.range ? `:${cell(ref.bottom, ref.right, r2, c2)}` : ""}`;
}

/**
 * A reference moved by (rows, cols) the way Excel moves a shared formula: relative parts follow,
 * $ parts stay. Null when the result would fall off the sheet (Excel shows #REF!).
 */
export function shiftReference<T extends Omit<ReferenceToken, "kind" | "start" | "end">>(ref: T, rows: number, cols: number): T | null {
  const [r1, c1, r2, c2] = ref.absolute;
  // A1:A$1 moved down reads A$1:A2: the ends are ordered again, each keeping its $ flag.
  const [top, bottom, topAbs, bottomAbs] = ordered(ref.shape === "columns" || r1 ? ref.top : ref.top + rows, ref.shape === "columns" || r2 ? ref.bottom : ref.bottom + rows, r1, r2);
  const [left, right, leftAbs, rightAbs] = ordered(ref.shape === "rows" || c1 ? ref.left : ref.left + cols, ref.shape === "rows" || c2 ? ref.right : ref.right + cols, c1, c2);
  if (top < 0 || left < 0 || bottom > MAX_ROW || right > MAX_COL) return null;
  return { ...ref, top, bottom, left, right, absolute: [topAbs, leftAbs, bottomAbs, rightAbs] };
}

/** Rewrites each reference of a formula (and optionally each name); the rest of the text is kept. */
export function rewriteFormula(
  formula: string,
  refs: FormulaReferences,
  reference: (ref: ReferenceToken) => string,
  name: (token: NameToken) => string = (t) => t.name,
): string {
  const tokens = [...refs.references, ...refs.names].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const t of tokens) {
    out += formula.slice(at, t.start) + (t.kind === "reference" ? reference(t) : name(t));
    at = t.end;
  }
  return out + formula.slice(at);
}

/** A shared formula's text as it reads in a cell (rows, cols) away from the formula's master cell. */
export function shiftFormula(formula: string, refs: FormulaReferences, rows: number, cols: number): string {
  return rewriteFormula(formula, refs, (ref) => {
    const moved = shiftReference(ref, rows, cols);
    return moved ? referenceText(moved) : "#REF!";
  });
}
