import { FUNCTIONS } from "../functions/catalogue";
import { DomainError, isDomainError } from "../core/errors";
import type { DateSystem } from "../core/dates";
import { CellInput, CellValue } from "../core/cells";
import { SHEET_COLUMNS, SHEET_ROWS, rangeA1 } from "../core/a1";
import type { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { XlsxPackage } from "../io/xlsxPackage";
import { CellPatch, XmlCell, encodePieces, formulaElement, patchSheetXmlPieces } from "../io/sheetXml";
import { cachedValue, cellInput, constantValue } from "../io/xmlCellValue";
import { formulaFromFile, formulaToFile } from "../io/formulaText";
import { FormulaCell, FormulaGraph, Rect, RectIndex, SheetCells } from "./formulaGraph";
import { formulaReferences } from "../io/formulaReferences";
import { ArithmeticFormula, CellRef, evaluateArithmetic, parseArithmetic } from "./nativeArithmetic";
import { evaluateSamkalkCall, parseSamkalkCall } from "./nativeSamkalk";

/**
 * samkalk recalc on an xlsx file, edited in place: only SAMKALK formulas, the cells they read and
 * the formulas that read their results are evaluated, and only cells whose value changes are
 * rewritten in their sheet's XML. Every other part of the file, and every other cell, is copied
 * byte for byte: styles, comments, merged cells, validation, charts, hidden sheets, names.
 */

export interface RecalcOptions {
  /** Replace SAMKALK formulas by their values, for colleagues without the add-in. */
  valuesOnly?: boolean;
  /** Compute plain arithmetic dependents (=C1+B2) without the engine; on unless a test compares the two ways. */
  nativeArithmetic?: boolean;
  /** Compute SAMKALK calls over constants (FORDELA over weights) without the engine; on unless a test compares the two ways. */
  nativeSamkalk?: boolean;
}

export interface RecalcOutcome {
  bytes: Uint8Array;
  /** Formulas computed (by the engine, or plain arithmetic without it). */
  evaluated: number;
  /** Cells rewritten in the file. */
  written: number;
  /** Cells the engine could not evaluate, in Swedish, naming sheet and cell. */
  warnings: string[];
  /** Whether the file asks Excel to recalculate everything when opened. */
  fullCalcOnLoad: boolean;
  /**
   * Spilling formulas whose result range holds something (text, a number, a formula): as in Excel
   * they show #SPILL! and nothing in their way is written over. In Swedish, naming the blocking cell.
   */
  blockedSpills: string[];
  /**
   * Formulas without a cached value that no SAMKALK formula needed: left uncomputed in a plain
   * recalc, for Excel to compute on open (fullCalcOnLoad is then set); 0 with --values-only.
   */
  leftToExcel: number;
}

const CANNOT_EVALUATE: Record<string, string> = { "#NAME?": "okänd funktion eller namn", "#ERROR!": "formeln kan inte tolkas", "#CYCLE!": "cirkelreferens" };
/** SAMKALK's date functions count in the 1900 system, as Excel hands them dates there. */
const DATE_NAMES = FUNCTIONS.filter((f) => f.returnsDate);
const SAMKALK_DATE_FUNCTIONS = new RegExp(`\\b(SAMKALK\\.(${DATE_NAMES.flatMap((f) => [f.id, f.sv]).join("|")})|_xldudf_SAMKALK_(${DATE_NAMES.map((f) => f.id).join("|")}))\\(`, "i");
const MAX_ROUNDS = 12;
/**
 * Formulas whose result depends on the language Excel runs in: the engine would compute them the
 * English way (TEXT(x;"# ##0,00") with "." and "," swapped, numbers joined to text with ".",
 * VALUE("1,5") as #VALUE!). They keep Excel's cached value and Excel recomputes them on open.
 */
const LOCALE_FUNCTIONS = /\b(TEXT|VALUE|NUMBERVALUE|FIXED|DOLLAR|DATEVALUE|TIMEVALUE|CONCATENATE|TEXTJOIN)\s*\(/i;
/** Text functions: given a number, they work on its text, which has a decimal comma in Swedish Excel. */
const TEXT_FUNCTIONS = /\b(LEFT|RIGHT|MID|SUBSTITUTE|REPLACE|FIND|SEARCH|EXACT|UPPER|LOWER|PROPER|TRIM|CLEAN|REPT)\s*\(/i;
const STRING_LITERALS = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;
/** A string literal Swedish Excel reads as a number when it is calculated with: "1,5", "-1 234,50". */
const SWEDISH_NUMBER_LITERAL = /"\s*-?\d[\d\s\u00a0]*,\d+\s*"/;

/** Why a native formula cannot be computed the way Swedish Excel computes it, or undefined. */
export function languageDependent(text: string): string | undefined {
  const code = text.replace(STRING_LITERALS, (literal) => (literal.startsWith('"') ? '""' : "''"));
  const fn = LOCALE_FUNCTIONS.exec(code);
  if (fn) return `${fn[1].toUpperCase()} räknas med Excels svenska språkinställningar (decimalkomma, talformat)`;
  if (code.includes("&")) return "& gör tal till text med Excels decimalkomma";
  const textFunction = TEXT_FUNCTIONS.exec(code);
  if (textFunction) return `${textFunction[1].toUpperCase()} gör tal till text med Excels decimalkomma`;
  if (SWEDISH_NUMBER_LITERAL.test(text.replace(/'(?:[^']|'')*'/g, "''"))) return "ett tal skrivet som text med decimalkomma läses med Excels svenska språkinställningar";
  return undefined;
}
/** The last row and column (0-based) of an Excel sheet: 1 048 576 and XFD. */
const LAST_ROW = SHEET_ROWS - 1;
const LAST_COL = SHEET_COLUMNS - 1;

/**
 * The engine's modules, loaded when a recalculation first needs an engine: one whose SAMKALK
 * formulas read only constants, with plain arithmetic after them, never loads HyperFormula
 * (0,15 s of a 100 000-link running total).
 */
function engineModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { EmbeddedWorkbook } = require("../workbook/embeddedWorkbook") as typeof import("../workbook/embeddedWorkbook");
  const { recordingArraySizes } = require("../workbook/engineFunctions") as typeof import("../workbook/engineFunctions");
  const { fastEngineEdges } = require("../workbook/engineEdges") as typeof import("../workbook/engineEdges");
  /* eslint-enable @typescript-eslint/no-require-imports */
  fastEngineEdges();
  return { EmbeddedWorkbook, recordingArraySizes };
}

/** A cell's plain arithmetic: its shape's steps, and how far the cell is moved from the shape. */
interface PlacedArithmetic {
  arithmetic: ArithmeticFormula;
  sheet: SheetCells;
  rows: number;
  cols: number;
}

/** Where a reference of a moved formula reads: its $-fixed parts stay, the others move with the cell. */
const movedRow = (placed: PlacedArithmetic, ref: CellRef) => (ref.rowFixed ? ref.row : ref.row + placed.rows);
const movedCol = (placed: PlacedArithmetic, ref: CellRef) => (ref.colFixed ? ref.col : ref.col + placed.cols);

function address(cell: XmlCell): string {
  return rangeA1({ row: cell.row, col: cell.col }, 1, 1);
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
  if (a && b && typeof a === "object" && typeof b === "object") return a.error === b.error;
  return a === b;
}

class Recalculation {
  private readonly graph: FormulaGraph;
  private readonly loaded = new Set<XmlCell>();
  private readonly visitedRects = new Set<string>();
  private readonly covered = new Set<XmlCell>();
  /** Formula cells given to the engine as their cached value, with the reason. */
  private readonly useCached = new Map<XmlCell, string>();
  private readonly failed = new Map<XmlCell, string>();
  private stringList: string[] | null = null;
  private readonly strings = () => (this.stringList ??= this.workbook.sharedStrings());
  private readonly dateSystem: DateSystem;
  private workbookEngine: EmbeddedWorkbook | null = null;
  private spills = new Map<XmlCell, Rect>();
  private readonly arraySizes = new Map<string, { width: number; height: number }>();
  /** Values of plain arithmetic formulas computed without the engine, by cell. */
  private readonly native = new Map<XmlCell, number>();
  /** Arithmetic formulas about to be computed without the engine: the engine is not given them. */
  private pendingNative = new Set<XmlCell>();
  /** Cells of `native` the engine has not been given yet: they go with its next update. */
  private notInEngine: XmlCell[] = [];
  /**
   * SAMKALK formulas computed without the engine (nativeSamkalk.ts), and their spills' values by
   * sheet and position (row × SHEET_COLUMNS + column); the spills themselves are in `spills`. They hold
   * while no engine is needed; an engine, once built, is given the formulas themselves.
   */
  private readonly nativeSamkalk = new Set<XmlCell>();
  private readonly spillValues = new Map<SheetCells, Map<number, number>>();
  /** No engine has been needed yet: it is built, from everything loaded, when something asks for it. */
  private deferred = false;

  constructor(private readonly workbook: XlsxPackage, private readonly file: string) {
    this.graph = new FormulaGraph(workbook);
    this.dateSystem = workbook.date1904 ? "1904" : "1900";
  }

  /** Each rectangle a formula reads, without making objects for them (a running total has 100 000 formulas). */
  private eachPrecedent(cell: XmlCell, visit: (sheet: SheetCells, top: number, left: number, bottom: number, right: number) => void): void {
    this.graph.readsAny(cell, (sheet, top, left, bottom, right) => {
      visit(sheet, top, left, bottom, right);
      return false;
    });
  }

  /** Loads cells and, transitively, everything their formulas read; returns the cells new to the set. */
  private load(cells: Iterable<XmlCell>): XmlCell[] {
    const added: XmlCell[] = [];
    const stack = [...cells];
    const visit = (sheet: SheetCells, top: number, left: number, bottom: number, right: number) => {
      // A single cell (most references) needs no bookkeeping of rectangles already visited.
      if (top === bottom && left === right) {
        const c = sheet.at(top, left);
        if (c && !this.loaded.has(c)) stack.push(c);
        return false;
      }
      const key = `${sheet.name}\u0000${top},${left},${bottom},${right}`;
      if (this.visitedRects.has(key)) return false;
      this.visitedRects.add(key);
      for (const c of sheet.inside(top, left, bottom, right)) if (!this.loaded.has(c)) stack.push(c);
      return false;
    };
    while (stack.length > 0) {
      const cell = stack.pop()!;
      if (this.loaded.has(cell)) continue;
      this.loaded.add(cell);
      added.push(cell);
      if (!cell.formula) continue;
      if (!this.useCached.has(cell) && !this.graph.isSamkalk(cell)) {
        const why = this.languageOf(cell);
        if (why) this.useCached.set(cell, why);
      }
      this.graph.readsAny(cell, visit);
    }
    return added;
  }

  private readonly languageByShape = new Map<object, string | undefined>();

  /**
   * languageDependent for a cell's formula, once for each shape: the cells of a filled-down column
   * differ only in row numbers, which never make a formula depend on Excel's language.
   */
  private languageOf(cell: XmlCell): string | undefined {
    const { shape } = this.graph.placementOf(cell);
    if (!this.languageByShape.has(shape)) this.languageByShape.set(shape, languageDependent(shape.text));
    return this.languageByShape.get(shape);
  }

  private loadedFormulas(): FormulaCell[] {
    const out: FormulaCell[] = [];
    for (const c of this.loaded) {
      const f = this.graph.formula(c);
      if (f) out.push(f);
    }
    return out;
  }

  /**
   * The cached results an array formula left in the cells below and beside it are not content:
   * loading them would block the spill. Returns the cells newly known to be covered.
   */
  private cover(cells: readonly XmlCell[]): XmlCell[] {
    const newly: XmlCell[] = [];
    for (const cell of cells) {
      const rect = this.graph.arrayRect(cell);
      if (!rect) continue;
      for (const c of rect.sheet.inside(rect.top, rect.left, rect.bottom, rect.right)) {
        if (c !== cell && !c.formula && !this.covered.has(c)) {
          this.covered.add(c);
          newly.push(c);
        }
      }
    }
    return newly;
  }

  /** What the engine is given for a loaded cell. */
  private inputOf(cell: XmlCell): CellInput {
    if (this.covered.has(cell)) return null;
    if (this.native.has(cell)) return this.native.get(cell)!;
    if (this.pendingNative.has(cell)) return null;
    const f = this.graph.formula(cell);
    if (f && !this.useCached.has(cell)) return { formula: formulaFromFile(this.graph.engineText(f)) };
    if (f) {
      const cached = cachedValue(cell, this.strings, this.dateSystem);
      return cached === undefined || cached === null || typeof cached === "object" ? null : cached;
    }
    return cellInput(cell, this.strings, this.dateSystem);
  }

  private recordSizes = <T>(build: () => T): T => engineModules().recordingArraySizes(build, (at, width, height) => this.arraySizes.set(`${at.sheet}:${at.row}:${at.col}`, { width, height }));

  private buildEngine(): void {
    this.notInEngine = [];
    this.cover([...this.loaded]);
    const cells = new Map<SheetCells, CellInput[][]>(this.graph.sheets.map((s) => [s, []]));
    for (const cell of this.loaded) {
      const rows = cells.get(this.graph.sheetOfCell(cell))!;
      while (rows.length <= cell.row) rows.push([]);
      const line = rows[cell.row];
      while (line.length < cell.col) line.push(null);
      line[cell.col] = this.inputOf(cell);
    }
    const { EmbeddedWorkbook } = engineModules();
    this.workbookEngine = this.recordSizes(() => EmbeddedWorkbook.fromSnapshot({ sheets: this.graph.sheets.map((s) => ({ name: s.name, cells: cells.get(s)! })), tables: [], settings: {}, numberFormats: {}, dateSystem: this.dateSystem }));
    this.findSpills();
  }

  /** Gives the engine cells that were added to the set or changed how they are loaded. */
  private update(given: readonly XmlCell[]): void {
    // Without an engine yet, there is nothing to update: it will be built from every loaded cell.
    if (this.deferred) return;
    const cells = this.notInEngine.length > 0 ? [...this.notInEngine, ...given] : given;
    this.notInEngine = [];
    // Many new cells (the 100 000 dependents of a running total): building the engine again from
    // whole sheets takes its bulk path, faster and smaller than setting them one by one.
    if (cells.length > 2_000 && cells.length * 4 > this.loaded.size) {
      this.workbookEngine = null;
      this.buildEngine();
      return;
    }
    this.recordSizes(() => this.engine.setCells(cells.map((c) => ({ sheet: this.graph.sheetOfCell(c).name, row: c.row, col: c.col, input: this.inputOf(c) }))));
    this.findSpills();
  }

  private findSpills(): void {
    this.spills = new Map();
    for (const f of this.loadedFormulas()) {
      const wanted = this.wantedRect(f);
      // The engine spills past the sheet's last row and column; Excel cannot hold such a cell.
      if (wanted && (wanted.bottom > LAST_ROW || wanted.right > LAST_COL)) {
        throw new DomainError(
          "OUT_OF_RANGE",
          `blad ${f.sheet.name}, cell ${address(f.cell)}: resultatet av =${f.text} är ${wanted.bottom - wanted.top + 1} × ${wanted.right - wanted.left + 1} celler och skulle spilla ${wanted.bottom > LAST_ROW ? "förbi bladets sista rad (1 048 576)" : "förbi bladets sista kolumn (XFD)"}; ingenting skrevs. Flytta formeln uppåt eller åt vänster`,
          { file: this.file, sheet: f.sheet.name, cell: address(f.cell) },
        );
      }
      const rect = this.spillOf(f);
      if (rect) this.spills.set(f.cell, rect);
    }
  }

  /** The range a formula's array result needs, as the engine sized it; null for a single value. */
  private wantedRect(f: FormulaCell): Rect | null {
    const at = this.at(f.sheet, f.cell.row, f.cell.col);
    const size = this.arraySizes.get(`${at.sheet}:${at.row}:${at.col}`);
    if (!size || (size.width === 1 && size.height === 1)) return null;
    return { sheet: f.sheet, top: at.row, left: at.col, bottom: at.row + size.height - 1, right: at.col + size.width - 1 };
  }

  /** Whether a cell of the file holds something a spill must not write over. */
  private blocks(c: XmlCell, anchor: XmlCell): boolean {
    if (c === anchor || this.covered.has(c)) return false;
    return c.formula !== undefined || c.value !== null || c.type === "inlineStr";
  }

  /**
   * Cells in the way of a spill that the engine has not been given: once loaded, the engine turns
   * the formula into #SPILL!, as Excel does, and everything that reads it sees that.
   */
  private spillBlockers(): XmlCell[] {
    const found: XmlCell[] = [];
    for (const [anchor, rect] of this.spills) {
      for (const c of rect.sheet.inside(rect.top, rect.left, rect.bottom, rect.right)) if (!this.loaded.has(c) && this.blocks(c, anchor)) found.push(c);
    }
    return found;
  }

  /** Why a formula shows #SPILL!, naming the first cell in its way; null when it spills or is a single value. */
  private blockedSpill(f: FormulaCell): string | null {
    const value = this.value(f.cell);
    if (!value || typeof value !== "object" || value.error !== "#SPILL!") return null;
    const rect = this.wantedRect(f);
    if (!rect) return null;
    const range = rangeA1({ row: rect.top, col: rect.left }, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
    const where = `blad ${f.sheet.name}, cell ${address(f.cell)}`;
    for (const c of rect.sheet.inside(rect.top, rect.left, rect.bottom, rect.right)) {
      if (!this.blocks(c, f.cell)) continue;
      const what = c.formula ? "en formel" : c.type === "s" || c.type === "str" || c.type === "inlineStr" ? "text" : "ett värde";
      return `${where}: =${f.text} ska spilla i ${range}, men cell ${address(c)} innehåller ${what}; formeln visar #SPILL! och ingenting skrevs över. Töm ${range} utom ${address(f.cell)}, eller flytta formeln`;
    }
    return `${where}: =${f.text} ska spilla i ${range}, men en annan formels resultat ligger i vägen; formeln visar #SPILL! och ingenting skrevs över`;
  }

  /** The engine, while there is one: it is let go before the file is written. */
  private get engine(): EmbeddedWorkbook {
    if (!this.workbookEngine && this.deferred) {
      // The engine computes the SAMKALK formulas itself: a spill it holds as one array costs less
      // memory than its 100 000 values given as constants (values and results are the same).
      this.deferred = false;
      for (const cell of this.nativeSamkalk) this.native.delete(cell);
      this.nativeSamkalk.clear();
      this.spillValues.clear();
      this.buildEngine();
    }
    if (!this.workbookEngine) throw new Error("the engine is used after it was let go");
    return this.workbookEngine;
  }

  private at(sheet: SheetCells, row: number, col: number) {
    return { sheet: this.engine.engineSheetNumber(sheet.name), row, col };
  }

  value(cell: XmlCell): CellValue {
    if (this.native.has(cell)) return this.native.get(cell)!;
    return this.valueAt(this.graph.sheetOfCell(cell), cell.row, cell.col);
  }

  private spillValue(sheet: SheetCells, row: number, col: number): number | undefined {
    return this.spillValues.size === 0 ? undefined : this.spillValues.get(sheet)?.get(row * SHEET_COLUMNS + col);
  }

  /**
   * A constant's number as the engine would have it (null for an empty cell), read from the file;
   * undefined for anything that is not ours to answer without the engine: text, a formula, a cell
   * covered by an array formula's cached result.
   */
  private constantNumber(sheet: SheetCells, row: number, col: number): number | null | undefined {
    const cell = sheet.at(row, col);
    if (!cell) return null;
    if (cell.formula || this.covered.has(cell)) return undefined;
    const input = cellInput(cell, this.strings, this.dateSystem);
    return input === null || typeof input === "number" ? input : undefined;
  }

  /** A position's value: a spill computed without the engine, a constant while there is no engine, or the engine's. */
  private valueAt(sheet: SheetCells, row: number, col: number): CellValue {
    const spilled = this.spillValue(sheet, row, col);
    if (spilled !== undefined) return spilled;
    if (this.deferred) {
      const constant = this.constantNumber(sheet, row, col);
      if (constant !== undefined) return constant;
    }
    return this.engine.cellValue(sheet.name, row, col);
  }

  /**
   * Computes the SAMKALK formulas loaded so far without the engine, when every one of them is a
   * call over constants (nativeSamkalk.ts) whose spill has room; false, computing nothing, otherwise.
   */
  private computeSamkalkNatively(): boolean {
    const formulas = this.loadedFormulas();
    if (formulas.some((f) => !f.samkalk || this.useCached.has(f.cell))) return false;
    this.cover([...this.loaded]);
    const results: { f: FormulaCell; rect: Rect; values: number[][] }[] = [];
    const reads = new RectIndex();
    for (const f of formulas) {
      const call = parseSamkalkCall(f.text, f.refs);
      if (!call) return false;
      // Each argument's sheet, looked up once (not for each of 100 000 weights).
      const sheets = new Map<string | null, SheetCells | undefined>([[null, f.sheet]]);
      for (const arg of call.args) {
        if (arg.kind !== "reference") continue;
        const sheet = arg.ref.sheet === null ? f.sheet : this.graph.sheetByName(arg.ref.sheet);
        if (!sheet) return false;
        sheets.set(arg.ref.sheet, sheet);
        reads.add({ sheet, top: arg.ref.top, left: arg.ref.left, bottom: arg.ref.bottom, right: arg.ref.right });
      }
      const result = evaluateSamkalkCall(call, (name, row, col) => this.constantNumber(sheets.get(name)!, row, col));
      if (!result) return false;
      const values = result.kind === "value" ? [[result.value]] : result.values;
      const rect = { sheet: f.sheet, top: f.cell.row, left: f.cell.col, bottom: f.cell.row + values.length - 1, right: f.cell.col + values[0].length - 1 };
      // Past the sheet's end, in another's way, or with something in its own: the engine says so.
      if (rect.bottom > LAST_ROW || rect.right > LAST_COL) return false;
      for (const c of rect.sheet.inside(rect.top, rect.left, rect.bottom, rect.right)) if (this.blocks(c, f.cell)) return false;
      results.push({ f, rect, values });
    }
    // A spill that another call (or this one) reads, or that meets another spill: the engine orders them.
    const placed = new RectIndex();
    for (const { rect } of results) {
      const { sheet, top, left, bottom, right } = rect;
      if (reads.intersects(sheet, top, left, bottom, right) || placed.intersects(sheet, top, left, bottom, right)) return false;
      placed.add(rect);
    }
    for (const { f, rect, values } of results) {
      this.native.set(f.cell, values[0][0]);
      this.nativeSamkalk.add(f.cell);
      if (values.length === 1 && values[0].length === 1) continue;
      this.spills.set(f.cell, rect);
      let byPosition = this.spillValues.get(f.sheet);
      if (!byPosition) this.spillValues.set(f.sheet, (byPosition = new Map()));
      values.forEach((line, r) => line.forEach((v, c) => byPosition!.set((rect.top + r) * SHEET_COLUMNS + rect.left + c, v)));
    }
    this.deferred = true;
    return true;
  }

  /**
   * Gives newly loaded cells their values. The plain arithmetic among them (nativeArithmetic.ts)
   * is computed without the engine, in the order the formulas read each other, once the engine
   * has the rest (a SUM they read, the constants); a formula the engine computes never reads a
   * native one. Where the arithmetic meets something the engine would answer otherwise (a
   * division by zero, text, an error), those formulas go to the engine after all.
   */
  private computeAdded(added: readonly XmlCell[], nativeAllowed: boolean): void {
    const parsed = new Map<XmlCell, PlacedArithmetic>();
    const engineFormulas: XmlCell[] = [];
    for (const cell of added) {
      if (!cell.formula) continue;
      const placed = nativeAllowed && !this.graph.formula(cell)!.samkalk && !this.useCached.has(cell) && !this.graph.arrayRect(cell) ? this.arithmeticOf(cell) : null;
      if (placed) parsed.set(cell, placed);
      else engineFormulas.push(cell);
    }
    // What the engine computes, and what that reads, is the engine's: no native value inside it.
    const toEngine = [...engineFormulas];
    while (toEngine.length > 0 && parsed.size > 0) {
      this.eachPrecedent(toEngine.pop()!, (sheet, top, left, bottom, right) => {
        for (const c of sheet.inside(top, left, bottom, right)) if (parsed.delete(c)) toEngine.push(c);
      });
    }
    if (parsed.size === 0) {
      this.update([...added, ...this.cover(added)]);
      return;
    }
    this.pendingNative = new Set(parsed.keys());
    const first = added.filter((c) => !parsed.has(c));
    if (first.length > 0) this.update([...first, ...this.cover(first)]);
    const values = this.evaluateInOrder(parsed);
    this.pendingNative = new Set();
    if (!values) {
      this.update([...parsed.keys()]);
      return;
    }
    for (const [cell, v] of values) {
      this.native.set(cell, v);
      this.notInEngine.push(cell);
    }
  }

  private readonly arithmeticByShape = new Map<object, ArithmeticFormula | null>();

  /** A formula as plain arithmetic, parsed once for all the cells of its shape and moved here; null when it is not. */
  private arithmeticOf(cell: XmlCell): PlacedArithmetic | null {
    const { shape, rows, cols } = this.graph.placementOf(cell);
    let arithmetic = this.arithmeticByShape.get(shape);
    if (arithmetic === undefined) this.arithmeticByShape.set(shape, (arithmetic = parseArithmetic(shape.text, formulaReferences(shape.text))));
    return arithmetic && { arithmetic, sheet: this.graph.sheetOfCell(cell), rows, cols };
  }

  /** The sheet a moved reference reads, and where; null when it falls off the sheet or names no sheet. */
  private movedSheet(placed: PlacedArithmetic, ref: CellRef): SheetCells | null {
    const row = movedRow(placed, ref);
    const col = movedCol(placed, ref);
    if (row < 0 || col < 0 || row > LAST_ROW || col > LAST_COL) return null;
    return ref.sheet === null ? placed.sheet : this.graph.sheetByName(ref.sheet) ?? null;
  }

  /** The arithmetic formulas' values, each after what it reads; null where one is the engine's to answer. */
  private evaluateInOrder(parsed: ReadonlyMap<XmlCell, PlacedArithmetic>): Map<XmlCell, number> | null {
    // The formulas by number, and for each of the cells it reads the number of the formula there
    // (−1: a constant, another formula or nothing; −2: off the sheet, for the engine to answer).
    const cells = [...parsed.keys()];
    const placements = [...parsed.values()];
    const numberOf = new Map<XmlCell, number>();
    cells.forEach((cell, i) => numberOf.set(cell, i));
    const reads: Int32Array[] = placements.map((placed) => {
      const out = new Int32Array(placed.arithmetic.cells.length);
      placed.arithmetic.cells.forEach((ref, k) => {
        const sheet = this.movedSheet(placed, ref);
        const read = sheet?.at(movedRow(placed, ref), movedCol(placed, ref));
        out[k] = !sheet ? -2 : read ? numberOf.get(read) ?? -1 : -1;
      });
      return out;
    });
    if (reads.some((r) => r.includes(-2))) return null;
    // Depth first, in arrays (a 100 000-link chain is that deep): each formula after what it reads.
    const OPEN = 1;
    const DONE = 2;
    const state = new Uint8Array(cells.length);
    const order: number[] = [];
    const stackFormula: number[] = [];
    const stackNext: number[] = [];
    for (let start = 0; start < cells.length; start++) {
      if (state[start] !== 0) continue;
      stackFormula.push(start);
      stackNext.push(0);
      state[start] = OPEN;
      while (stackFormula.length > 0) {
        const top = stackFormula.length - 1;
        const formula = stackFormula[top];
        const read = reads[formula];
        if (stackNext[top] === read.length) {
          state[formula] = DONE;
          order.push(formula);
          stackFormula.pop();
          stackNext.pop();
          continue;
        }
        const next = read[stackNext[top]++];
        if (next < 0) continue;
        if (state[next] === OPEN) return null; // a cycle: the engine says so
        if (state[next] === 0) {
          state[next] = OPEN;
          stackFormula.push(next);
          stackNext.push(0);
        }
      }
    }
    const results = new Float64Array(cells.length);
    for (const formula of order) {
      const placed = placements[formula];
      const value = evaluateArithmetic(placed.arithmetic, (ref, index) => {
        const other = reads[formula][index];
        if (other >= 0) return results[other];
        const sheet = this.movedSheet(placed, ref)!;
        const row = movedRow(placed, ref);
        const col = movedCol(placed, ref);
        const read = sheet.at(row, col);
        if (read && this.native.has(read)) return this.native.get(read);
        const v = this.valueAt(sheet, row, col);
        return v === null || typeof v === "number" ? v : undefined;
      });
      if (value === undefined) return null;
      results[formula] = value;
    }
    const values = new Map<XmlCell, number>();
    for (const formula of order) values.set(cells[formula], results[formula]);
    return values;
  }

  /**
   * Where a SAMKALK formula's array result landed, if wider or taller than one cell. An error
   * (a blocked spill, bad weights) stays in the formula's own cell, as in Excel.
   */
  private spillOf(f: FormulaCell): Rect | null {
    const at = this.at(f.sheet, f.cell.row, f.cell.col);
    const size = this.arraySizes.get(`${at.sheet}:${at.row}:${at.col}`);
    if (!size || (size.width === 1 && size.height === 1) || !this.engine.isArrayCell(f.sheet.name, f.cell.row, f.cell.col)) return null;
    const value = this.value(f.cell);
    if (value && typeof value === "object") return null;
    return { sheet: f.sheet, top: at.row, left: at.col, bottom: at.row + size.height - 1, right: at.col + size.width - 1 };
  }

  /** Formulas that failed in the engine because of their own text, not because of a failed precedent. */
  private ownFailures(failing: Map<XmlCell, string>): XmlCell[] {
    const roots: XmlCell[] = [];
    for (const cell of failing.keys()) {
      let inherited = false;
      this.eachPrecedent(cell, (sheet, top, left, bottom, right) => {
        for (const c of sheet.inside(top, left, bottom, right)) if (c !== cell && failing.has(c)) inherited = true;
      });
      if (!inherited) roots.push(cell);
    }
    return roots;
  }

  /** The cells whose value may differ from what the file holds: where dependents must be looked for. */
  private changedRects(): RectIndex {
    const index = new RectIndex();
    const rect = (c: XmlCell): Rect => ({ sheet: this.graph.sheetOfCell(c), top: c.row, left: c.col, bottom: c.row, right: c.col });
    for (const f of this.loadedFormulas()) {
      const changed = f.samkalk || this.spills.has(f.cell) || !sameValue(this.value(f.cell), cachedValue(f.cell, this.strings, this.dateSystem));
      if (!changed) continue;
      index.add(rect(f.cell));
      const spill = this.spills.get(f.cell) ?? this.graph.arrayRect(f.cell);
      if (spill) index.add(spill);
      const old = this.graph.arrayRect(f.cell);
      if (old) index.add(old);
    }
    return index;
  }

  /** Formulas outside the loaded set that read a changed cell, transitively. */
  private dependents(changed: RectIndex): XmlCell[] {
    const found: XmlCell[] = [];
    let candidates = [...this.graph.formulaCells()].filter((c) => !this.loaded.has(c));
    for (let grew = true; grew; ) {
      grew = false;
      const rest: XmlCell[] = [];
      for (const cell of candidates) {
        if (!this.graph.readsAny(cell, (sheet, top, left, bottom, right) => changed.intersects(sheet, top, left, bottom, right))) {
          rest.push(cell);
          continue;
        }
        found.push(cell);
        const sheet = this.graph.sheetOfCell(cell);
        changed.add({ sheet, top: cell.row, left: cell.col, bottom: cell.row, right: cell.col });
        const array = this.graph.arrayRect(cell);
        if (array) changed.add(array);
        grew = true;
      }
      candidates = rest;
    }
    return found;
  }

  run(options: RecalcOptions): RecalcOutcome {
    const seeds: XmlCell[] = [];
    const uncached: XmlCell[] = [];
    for (const cell of this.graph.formulaCells()) {
      const noValue = cell.value === null && cell.type !== "str";
      // A formula without a cached value (a workbook written by a script) is computed only when
      // the SAMKALK formulas need it, or for --values-only; otherwise Excel computes it on open.
      if (this.graph.isSamkalk(cell) || (noValue && options.valuesOnly === true)) seeds.push(cell);
      else if (noValue) uncached.push(cell);
      // A formula that cannot be followed keeps Excel's cached value from the start.
      const unsupported = this.graph.unsupported(cell);
      if (unsupported) this.useCached.set(cell, unsupported);
    }
    if (seeds.length === 0) {
      if (uncached.length > 0) this.workbook.requestFullCalculationOnLoad();
      return { bytes: this.workbook.toBytes(), evaluated: 0, written: 0, warnings: [], fullCalcOnLoad: uncached.length > 0, blockedSpills: [], leftToExcel: uncached.length };
    }
    // The engine starts with the SAMKALK formulas and what they read; the other formulas to compute
    // (--values-only) follow as the first round's new cells, so plain arithmetic skips the engine.
    this.load(seeds.filter((c) => this.graph.isSamkalk(c)));
    if (options.nativeSamkalk === false || !this.computeSamkalkNatively()) this.buildEngine();
    let otherSeeds = seeds.filter((c) => !this.loaded.has(c));
    for (let round = 0; ; round++) {
      if (round === MAX_ROUNDS) throw new DomainError("OUT_OF_RANGE", "arbetsbokens formler beror på varandra i för många led för att räknas om säkert", { file: this.file });
      const failing = new Map<XmlCell, string>();
      for (const f of this.loadedFormulas()) {
        if (this.useCached.has(f.cell)) continue;
        const v = this.value(f.cell);
        if (v && typeof v === "object" && CANNOT_EVALUATE[v.error]) failing.set(f.cell, CANNOT_EVALUATE[v.error]);
      }
      // A formula the engine cannot evaluate continues with Excel's cached value, so that what
      // depends on it still computes; a formula without one keeps the error.
      const substituted: XmlCell[] = [];
      for (const cell of this.ownFailures(failing)) {
        const cached = cachedValue(cell, this.strings, this.dateSystem);
        if (cached !== undefined && !(cached && typeof cached === "object")) {
          this.useCached.set(cell, failing.get(cell)!);
          substituted.push(cell);
        } else this.failed.set(cell, failing.get(cell)!);
      }
      if (substituted.length > 0) {
        this.update(substituted);
        continue;
      }
      const blockers = this.spillBlockers();
      if (blockers.length > 0) {
        const added = this.load(blockers);
        this.update([...added, ...this.cover(added)]);
        continue;
      }
      if (otherSeeds.length > 0) {
        this.computeAdded(this.load(otherSeeds), options.nativeArithmetic !== false);
        otherSeeds = [];
        continue;
      }
      const more = this.dependents(this.changedRects());
      if (more.length === 0) break;
      this.computeAdded(this.load(more), options.nativeArithmetic !== false);
    }
    // The engine counts the file's own serials (DATE, EDATE … in the 1904 system too); SAMKALK's
    // date functions do not, and a 1904 workbook that uses them is not guessed at.
    const samkalkDate = this.workbook.date1904 ? this.loadedFormulas().find((f) => SAMKALK_DATE_FUNCTIONS.test(f.text)) : undefined;
    if (samkalkDate) {
      throw new DomainError(
        "INVALID_ARGUMENT",
        `arbetsboken använder 1904-datumsystemet, och blad ${samkalkDate.sheet.name}, cell ${address(samkalkDate.cell)} använder en av Samkalks datumfunktioner, som räknar i 1900-systemet; Samkalk skriver därför ingenting. Byt datumsystem i Excel (Arkiv > Alternativ > Avancerat) eller räkna om i Excel`,
        { file: this.file },
      );
    }
    return this.write(options, uncached.filter((c) => !this.loaded.has(c)).length);
  }

  private write(options: RecalcOptions, leftToExcel: number): RecalcOutcome {
    const patches = new Map<SheetCells, CellPatch[]>();
    const patch = (sheet: SheetCells, p: CellPatch) => {
      const list = patches.get(sheet) ?? [];
      list.push(p);
      patches.set(sheet, list);
    };
    const warnings: string[] = [];
    const blockedSpills: string[] = [];
    let removedFormula = false;
    let evaluated = 0;
    for (const f of this.loadedFormulas()) {
      const { cell, sheet } = f;
      const cached = cachedValue(cell, this.strings, this.dateSystem);
      // Named in warnings only: not written out for each of 100 000 formulas.
      const where = () => `blad ${sheet.name}, cell ${address(cell)}`;
      if (this.useCached.has(cell)) {
        warnings.push(`${where()}: ${this.useCached.get(cell)} i =${f.text}; ${cached === undefined ? "inget sparat värde finns, Excel räknar cellen när filen öppnas" : "Excels sparade värde behölls"}`);
        continue;
      }
      evaluated++;
      let value = this.value(cell);
      const failure = this.failed.get(cell);
      if (failure) {
        // Nothing trustworthy to write: the cell is left without a value for Excel to compute.
        warnings.push(`${where()}: ${failure} i =${f.text}; inget sparat värde finns, Excel räknar cellen när filen öppnas`);
        if (cached !== undefined) patch(sheet, { row: cell.row, col: cell.col, value: undefined, formula: "keep" });
        continue;
      } else if (value && typeof value === "object" && CANNOT_EVALUATE[value.error] && cached !== undefined && !(cached && typeof cached === "object")) {
        warnings.push(`${where()}: beror på en cell som inte kunde räknas (${value.error}) i =${f.text}; Excels sparade värde behölls`);
        continue;
      }
      if (value === null) value = 0;
      const prefix = this.workbook.sheetXml(sheet.sheet).prefix;
      const spill = this.spills.get(cell);
      const old = this.graph.arrayRect(f.cell);
      const text = f.samkalk && cell.formula?.text ? formulaToFile(f.text, FUNCTIONS) : f.text;
      const blocked = this.blockedSpill(f);
      if (blocked) blockedSpills.push(blocked);
      // A blocked spill keeps its formula, even with --values-only: #SPILL! is no value to keep.
      const removeFormula = options.valuesOnly === true && f.samkalk && !blocked;
      let formula: CellPatch["formula"] = "keep";
      if (removeFormula) formula = "remove";
      // Excel saves a blocked dynamic array as an array formula over its own cell only.
      else if (blocked && cell.formula!.type !== "shared") formula = formulaElement(prefix, cell.formula!, text, { t: "array", ref: address(cell), si: undefined });
      else if (spill) formula = formulaElement(prefix, cell.formula!, text, { t: "array", ref: rangeA1({ row: spill.top, col: spill.left }, spill.bottom - spill.top + 1, spill.right - spill.left + 1), si: undefined });
      else if (text !== f.text) formula = formulaElement(prefix, cell.formula!, text);
      if (formula !== "keep" || !sameValue(value, cached)) patch(sheet, { row: cell.row, col: cell.col, value, formula });
      removedFormula ||= removeFormula;
      if (spill) {
        for (let row = spill.top; row <= spill.bottom; row++) {
          for (let col = spill.left; col <= spill.right; col++) {
            if (row === cell.row && col === cell.col) continue;
            const v = this.valueAt(sheet, row, col);
            const existing = sheet.at(row, col);
            const next = v === null || v === "" ? undefined : v;
            if (existing ? !sameValue(next, constantValue(existing, this.strings, this.dateSystem)) : next !== undefined) patch(sheet, { row, col, value: next, formula: "remove" });
          }
        }
      }
      if (old) {
        for (const c of sheet.inside(old.top, old.left, old.bottom, old.right)) {
          const inside = spill && c.row >= spill.top && c.row <= spill.bottom && c.col >= spill.left && c.col <= spill.right;
          if (c !== cell && !inside && !c.formula && c.value !== null) patch(sheet, { row: c.row, col: c.col, value: undefined, formula: "remove" });
        }
      }
    }
    // The engine is not needed to write the XML: let its memory go before the largest strings are built.
    this.workbookEngine = null;
    this.deferred = false;
    let written = 0;
    for (const [sheet, list] of patches) {
      written += list.length;
      this.workbook.replaceSheet(sheet.sheet, encodePieces(patchSheetXmlPieces(this.workbook.sheetXml(sheet.sheet), list)));
    }
    if (removedFormula) this.workbook.dropCalculationChain();
    const fullCalcOnLoad = warnings.length > 0 || leftToExcel > 0;
    if (fullCalcOnLoad) this.workbook.requestFullCalculationOnLoad();
    return { bytes: this.workbook.toBytes(), evaluated, written, warnings, fullCalcOnLoad, blockedSpills, leftToExcel };
  }
}


/**
 * Recalculates the SAMKALK formulas of an xlsx file and what depends on them; see RecalcOutcome.
 * `unpacked`: worksheets the caller has already inflated from these bytes, not inflated again.
 */
export function recalculateXlsx(bytes: Uint8Array, file: string, options: RecalcOptions = {}, unpacked?: ReadonlyMap<string, Uint8Array>): RecalcOutcome {
  const workbook = XlsxPackage.open(bytes, file, unpacked);
  try {
    return new Recalculation(workbook, file).run(options);
  } catch (error) {
    // Our own mistakes (TypeError and kin) stay loud; so do domain errors, already in Swedish.
    if (isDomainError(error) || error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError) throw error;
    // The engine fails on its own in some damaged files (fuzzing found "Value of the formula
    // cell is not computed" for a cell that a broken tag had merged into its own range).
    throw new DomainError("INVALID_ARGUMENT", `kalkylmotorn kunde inte räkna arbetsboken (${error instanceof Error ? error.message : String(error)}); ingenting skrevs. Öppna filen i Excel, kontrollera formlerna och spara den igen`, { file });
  }
}
