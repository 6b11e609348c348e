import { DetailedCellError, ErrorType, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { refitSamkalkArrays, registerSamkalkFunctions } from "./engineFunctions";
import { swedishEngineMessage } from "./engineMessages";
import { Amount } from "../core/money";
import type { DateSystem } from "../core/dates";
import { CellInput, CellValue, amountToCellNumber, isAmount, isFormula } from "../core/cells";
import { CellPosition } from "../core/a1";

/**
 * How the engine counts dates, as Excel does in each system (measured on HyperFormula 3.5): with
 * the 1900 leap-year bug, day 0 must be 1899-12-31 so that DATE(1900;1;1) = 1, DATE(1900;3;1) = 61
 * and DATE(2027;4;30) = 46 507, the serial a typed 2027-04-30 gets (core/dates.ts). Day 0 at
 * 1899-12-30 together with the bug made every date after February 1900 one day late.
 */
export function engineDateSystem(system: DateSystem): { leapYear1900: boolean; nullDate: { year: number; month: number; day: number } } {
  return system === "1904" ? { leapYear1900: false, nullDate: { year: 1904, month: 1, day: 1 } } : { leapYear1900: true, nullDate: { year: 1899, month: 12, day: 31 } };
}

const ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  maxRows: 1_048_576,
  maxColumns: 16_384,
  useArrayArithmetic: true,
  // HyperFormula rounds every result to 10 significant digits by default (1 234 567 890,12 comes
  // back as 1 234 567 890,1): money needs the value as computed, as Excel keeps it.
  smartRounding: false,
};

/**
 * Number literals in exponent form (1E+15, 2.5e-3), which Excel writes and HyperFormula's grammar
 * lacks, become plain decimals — exactly, through decimal.js — outside string literals.
 */
export function plainNumberLiterals(formula: string): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.$])(\d+(?:\.\d+)?[eE][+-]?\d+)(?![A-Za-z0-9_.(])/g, (literal) => new Amount(literal).toFixed()))).join("");
}

/** A plain text always stays text: the leading apostrophe tells the engine not to parse it. */
export function toRaw(input: CellInput): RawCellContent {
  if (input === null || input === undefined) return null;
  if (isFormula(input)) return plainNumberLiterals(input.formula.startsWith("=") ? input.formula : `=${input.formula}`);
  if (typeof input === "string") return input === "" ? null : `'${input}`;
  if (isAmount(input)) return amountToCellNumber(input);
  return input;
}

/** An engine value as a plain cell value; an error keeps its code and message. */
export function fromEngine(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return { error: value.value, ...(value.message ? { message: swedishEngineMessage(value.message) } : {}) };
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** What a sheet holds as typed content (formulas and constants), without computed values. */
export interface SheetContent {
  name: string;
  cells: CellInput[][];
}

/** A cell as the engine addresses it: sheet id, 0-based row and column. */
type EngineCell = { sheet: number; row: number; col: number };

/** A cell typed the way the engine reads it: a formula, a number, or text after an apostrophe. */
export type RawCell = RawCellContent;

/**
 * The HyperFormula engine behind the embedded workbook, addressed by sheet name: the only file
 * that knows HyperFormula's API (sheet ids, batches, serialization, array cells).
 */
export class EngineAdapter {
  private constructor(private readonly hf: HyperFormula) {}

  static empty(sheetNames: readonly string[], dateSystem: DateSystem): EngineAdapter {
    registerSamkalkFunctions();
    const engine = new EngineAdapter(HyperFormula.buildEmpty({ ...ENGINE_CONFIG, ...engineDateSystem(dateSystem) } as never));
    for (const name of sheetNames) engine.hf.addSheet(name);
    return engine;
  }

  /**
   * Building from whole sheets takes the engine's bulk path: a third of the time and half the
   * memory of adding the same cells to an empty engine (100 000 cells: 0,4 s against 1,1 s).
   * Throws when the engine refuses a defined name.
   */
  static fromSheets(sheets: readonly SheetContent[], names: Record<string, string>, dateSystem: DateSystem): EngineAdapter {
    registerSamkalkFunctions();
    const raw: Record<string, RawCellContent[][]> = {};
    for (const sheet of sheets) raw[sheet.name] = sheet.cells.map((r) => r.map(toRaw));
    const named = Object.entries(names).map(([name, range]) => ({ name, expression: `=${range}` }));
    return new EngineAdapter(HyperFormula.buildFromSheets(raw, { ...ENGINE_CONFIG, ...engineDateSystem(dateSystem) } as never, named));
  }

  /**
   * The slower path, sheet by sheet: every sheet and name exists before any formula is read (a
   * reference to a sheet not yet added would reserve it a place and change the order). Returns
   * the names the engine took; one it refuses (it looks like a cell, or its reference is broken)
   * is left out and formulas using it show #NAME?, as in Excel.
   */
  static bySheet(sheets: readonly SheetContent[], names: Record<string, string>, dateSystem: DateSystem): { engine: EngineAdapter; names: Record<string, string> } {
    const engine = EngineAdapter.empty([], dateSystem);
    const taken: Record<string, string> = {};
    engine.hf.batch(() => {
      for (const sheet of sheets) engine.hf.addSheet(sheet.name);
      for (const [name, range] of Object.entries(names)) {
        try {
          engine.hf.addNamedExpression(name, `=${range}`);
          taken[name] = range;
        } catch {
          // left out, see above
        }
      }
      for (const sheet of sheets) if (sheet.cells.length > 0) engine.hf.setCellContents({ sheet: engine.sheetId(sheet.name), row: 0, col: 0 }, sheet.cells.map((r) => r.map(toRaw)));
    });
    return { engine, names: taken };
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** The sheet's name as the engine holds it, matched without regard to case; null if none. */
  findSheet(name: string): string | null {
    return this.hf.getSheetNames().find((n) => n.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** The number the engine gives a sheet, as its function calls report it (engineFunctions). */
  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`bladet '${name}' finns inte`);
    return id;
  }

  ensureSheet(name: string): void {
    if (this.hf.getSheetId(name) === undefined) this.hf.addSheet(name);
  }

  removeSheet(name: string): void {
    this.hf.removeSheet(this.sheetId(name));
  }

  clearSheet(name: string): void {
    this.hf.setSheetContent(this.sheetId(name), []);
  }

  /** Writes a block of cells from a top-left corner. */
  write(sheet: string, start: CellPosition, cells: readonly (readonly CellInput[])[]): void {
    this.hf.setCellContents({ sheet: this.sheetId(sheet), ...start }, cells.map((r) => r.map(toRaw)));
  }

  /** Writes cells already in the engine's form ("=…" a formula, "'…" text, other text parsed). */
  writeRaw(sheet: string, start: CellPosition, cells: RawCell[][]): void {
    this.hf.setCellContents({ sheet: this.sheetId(sheet), ...start }, cells);
  }

  clear(sheet: string, start: CellPosition, height: number, width: number): void {
    this.write(sheet, start, Array.from({ length: height }, () => Array(width).fill(null)));
  }

  /**
   * Sets single cells with evaluation suspended, once at the end, and not undoable. Not a batch:
   * a batch collects every change into one undo entry, and HyperFormula walks that whole entry
   * again on each change (clearRedoStack), so 20 000 cells took 70 s and 40 000 took 210 s.
   * Outside a batch each change is its own undo entry, dropped past the undo limit: linear time.
   */
  writeCells(cells: readonly { sheet: string; row: number; col: number; input: CellInput }[]): void {
    this.hf.suspendEvaluation();
    try {
      for (const c of cells) this.hf.setCellContents({ sheet: this.sheetId(c.sheet), row: c.row, col: c.col }, [[toRaw(c.input)]]);
    } finally {
      this.hf.resumeEvaluation();
      this.hf.clearUndoStack();
    }
  }

  /**
   * Runs changes as one engine batch: evaluation waits until the end. A SAMKALK formula whose
   * result no longer fits the area reserved when it was entered (PERIODISERA(10;A1) after A1 went
   * from 4 to 6) is then entered again, so it spills as wide as its result, as in Excel.
   */
  batch(change: () => void): void {
    this.hf.batch(change);
    for (let round = 0; round < 3 && refitSamkalkArrays(this.hf).length > 0; round++);
  }

  value(sheet: string, row: number, col: number): CellValue {
    return this.cellValue({ sheet: this.sheetId(sheet), row, col });
  }

  /**
   * A cell's value as Excel shows it. The engine reserves a spilling function's area before it
   * computes, so an error result fills the whole area, and a neighbour in it hides the message
   * behind #SPILL!. Excel gives an error one cell: the anchor shows it with its message, the rest
   * of the area is empty.
   */
  private cellValue(at: EngineCell, anchors?: Map<string, EngineCell | null>): CellValue {
    const raw = this.hf.getCellValue(at);
    if (!(raw instanceof DetailedCellError)) return fromEngine(raw);
    if (raw.type === ErrorType.SPILL) return this.unspilledError(at) ?? fromEngine(raw);
    if (!this.hf.isCellPartOfArray(at) || this.hf.getCellFormula(at) !== undefined) return fromEngine(raw);
    const anchor = this.arrayAnchor(at, anchors);
    const anchorValue = anchor && this.hf.getCellValue(anchor);
    const filled = anchorValue instanceof DetailedCellError && anchorValue.value === raw.value && anchorValue.message === raw.message;
    return filled ? null : fromEngine(raw);
  }

  /** The error a formula blocked by #SPILL! gives on its own, or null when it would spill values. */
  private unspilledError(at: EngineCell): CellValue | null {
    const formula = this.hf.getCellFormula(at);
    if (formula === undefined) return null;
    const alone = this.hf.calculateFormula(formula, at.sheet);
    return alone instanceof DetailedCellError ? fromEngine(alone) : null;
  }

  /**
   * The top-left cell of the array a spilled cell belongs to (arrays are rectangles anchored
   * there). A range read passes `known`, the anchors found for the cells it read before: the walk
   * up stops at the cell above, so reading an error-filled column is linear, not quadratic.
   */
  private arrayAnchor(at: EngineCell, known = new Map<string, EngineCell | null>()): EngineCell | null {
    const key = (p: EngineCell) => `${p.row},${p.col}`;
    const isSpilled = (p: EngineCell) => p.row >= 0 && p.col >= 0 && this.hf.isCellPartOfArray(p);
    const path: EngineCell[] = [];
    let p = at;
    let found: EngineCell | null | undefined;
    for (;;) {
      found = known.get(key(p));
      if (found !== undefined) break;
      path.push(p);
      if (this.hf.getCellFormula(p) !== undefined) { found = p; break; }
      const up = { ...p, row: p.row - 1 };
      const left = { ...p, col: p.col - 1 };
      if (isSpilled(up)) p = up;
      else if (isSpilled(left)) p = left;
      else { found = null; break; }
    }
    for (const q of path) known.set(key(q), found);
    return found;
  }

  formula(sheet: string, row: number, col: number): string | null {
    return this.hf.getCellFormula({ sheet: this.sheetId(sheet), row, col }) ?? null;
  }

  /** Whether the cell is an array formula's anchor or one of the cells its result spills into. */
  isArrayCell(sheet: string, row: number, col: number): boolean {
    return this.hf.isCellPartOfArray({ sheet: this.sheetId(sheet), row, col });
  }

  /** Whether any cell of the sheet holds a value or a formula: looked for cell by cell inside the used range, stopping at the first. */
  hasContent(sheet: string): boolean {
    const id = this.sheetId(sheet);
    const { height, width } = this.hf.getSheetDimensions(id);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const v = this.hf.getCellSerialized({ sheet: id, row, col });
        if (v !== null && v !== undefined && v !== "") return true;
      }
    }
    return false;
  }

  size(sheet: string): { height: number; width: number } {
    return this.hf.getSheetDimensions(this.sheetId(sheet));
  }

  values(sheet: string, start: CellPosition, height: number, width: number): CellValue[][] {
    const id = this.sheetId(sheet);
    const anchors = new Map<string, EngineCell | null>();
    return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => this.cellValue({ sheet: id, row: start.row + r, col: start.col + c }, anchors)));
  }

  /** What each sheet holds as typed content (formulas and constants), without computed values. */
  contents(): SheetContent[] {
    return this.hf.getSheetNames().map((name) => {
      const id = this.sheetId(name);
      const serialized = this.hf.getSheetSerialized(id) as RawCellContent[][];
      // The engine serializes the results of array formulas as if they were typed in; they are
      // not content, and writing them back would block the spill.
      const cells = serialized.map((row, r) => row.map((raw, c): CellInput => {
        const at = { sheet: id, row: r, col: c };
        if (this.hf.isCellPartOfArray(at) && this.hf.getCellFormula(at) === undefined) return null;
        if (typeof raw === "string") {
          if (raw.startsWith("=")) return { formula: raw };
          if (raw.startsWith("'")) return raw.slice(1);
          // Text the engine read as a number, a date or a truth value ("5" typed): that value.
          const value = this.hf.getCellValue(at);
          return typeof value === "number" || typeof value === "boolean" ? value : raw;
        }
        if (raw instanceof Date) return String(raw);
        return (raw ?? null) as CellInput;
      }));
      return { name, cells };
    });
  }

  /** Puts the sheets back as `contents()` gave them: sheets added since go, removed ones return. */
  restore(sheets: readonly SheetContent[]): void {
    for (const name of this.hf.getSheetNames()) {
      if (!sheets.some((s) => s.name === name)) this.hf.removeSheet(this.sheetId(name));
    }
    for (const sheet of sheets) {
      this.ensureSheet(sheet.name);
      this.hf.setSheetContent(this.sheetId(sheet.name), sheet.cells.map((r) => r.map(toRaw)));
    }
  }
}
