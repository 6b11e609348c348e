import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { registerSamkalkFunctions } from "./engineFunctions";
import { Amount } from "../core/money";
import type { DateSystem } from "../core/dates";
import { FUNCTIONS, NAMESPACE } from "../functions/catalogue";
import { CellMark, ChartSpec, FlagRule, RangeData, SheetSpec, TableSpec, WorkbookPort } from "./port";
import { CellInput, CellValue, TableData, isFormula } from "../core/cells";
import type { CellStyle, TableEntry, WorkbookSnapshot } from "../core/cells";
import { amountToCellNumber, isAmount } from "../core/cells";

export type { WorkbookSnapshot } from "../core/cells";
import { CellPosition, parseA1, parseRange, rangeA1 } from "../core/a1";
import { validateChartSpec, validateSheetSpec, validateTableSpec } from "./validation";
import { SHEET_NAME, uniqueNames } from "../core/names";


interface ConditionalFlags {
  sheet: string;
  col: number;
  fromRow: number;
  toRow: number;
  rules: FlagRule[];
}

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
  ...engineDateSystem("1900"),
};

const DATE_FUNCTIONS = FUNCTIONS.filter((f) => f.returnsDate).flatMap((f) => [f.id, f.sv]);
const DATE_RESULT = new RegExp(`^=\\s*${NAMESPACE}\\.(${DATE_FUNCTIONS.join("|")})\\(`, "i");

/** What a user typed or pasted into a cell, already read the Swedish way. */
export type UserCell = { kind: "formula"; formula: string } | { kind: "number"; value: number } | { kind: "date"; value: number } | { kind: "text"; text: string };

/** A cell whose formula is a date function shows a date, as Excel does with its formatted result. */
function implicitFormat(formula: string | null): string | undefined {
  return formula && DATE_RESULT.test(formula) ? "yyyy-mm-dd" : undefined;
}

/**
 * Number literals in exponent form (1E+15, 2.5e-3), which Excel writes and HyperFormula's grammar
 * lacks, become plain decimals — exactly, through decimal.js — outside string literals.
 */
export function plainNumberLiterals(formula: string): string {
  return formula.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.$])(\d+(?:\.\d+)?[eE][+-]?\d+)(?![A-Za-z0-9_.(])/g, (literal) => new Amount(literal).toFixed()))).join("");
}

/** A plain text always stays text: the leading apostrophe tells the engine not to parse it. */
function toRaw(input: CellInput): RawCellContent {
  if (input === null || input === undefined) return null;
  if (isFormula(input)) return plainNumberLiterals(input.formula.startsWith("=") ? input.formula : `=${input.formula}`);
  if (typeof input === "string") return input === "" ? null : `'${input}`;
  if (isAmount(input)) return amountToCellNumber(input);
  return input;
}

/** An engine value as a plain cell value; an error keeps its code and message. */
export function fromEngine(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return { error: value.value, ...(value.message ? { message: value.message } : {}) };
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

interface SheetContent {
  name: string;
  cells: CellInput[][];
}

const key = (sheet: string, pos: CellPosition) => `${sheet}!${pos.row},${pos.col}`;

/**
 * The workbook port on HyperFormula, in process: used by the CLI, the standalone page and the
 * tests. Writes are validated first and rolled back whole if the engine refuses any part.
 */
export class EmbeddedWorkbook implements WorkbookPort {
  readonly host = "embedded" as const;
  readonly engine: HyperFormula;
  private tables = new Map<string, TableEntry>();
  private numberFormats = new Map<string, string>();
  private fills = new Map<string, string>();
  private bold = new Set<string>();
  private conditional: ConditionalFlags[] = [];
  private settings: Record<string, string> = {};
  private names: Record<string, string> = {};
  private selection = { sheet: "", address: "A1" };
  private listeners = new Set<() => void>();
  private chartList: ChartSpec[] = [];

  /** How this workbook's date serials count; the page and the CLI's readers always use "1900". */
  readonly dateSystem: DateSystem;

  constructor(sheetNames: readonly string[] = ["Blad1"], sheets?: Record<string, RawCellContent[][]>, names: Record<string, string> = {}, dateSystem: DateSystem = "1900") {
    this.dateSystem = dateSystem;
    const config = { ...ENGINE_CONFIG, ...engineDateSystem(dateSystem) };
    registerSamkalkFunctions();
    // Building from whole sheets takes the engine's bulk path: a third of the time and half the
    // memory of adding the same cells to an empty engine (100 000 cells: 0,4 s against 1,1 s).
    const named = Object.entries(names).map(([name, range]) => ({ name, expression: `=${range}` }));
    this.engine = sheets ? HyperFormula.buildFromSheets(sheets, config as never, named) : HyperFormula.buildEmpty(config as never);
    if (sheets) this.names = { ...names };
    if (!sheets) for (const name of sheetNames) this.engine.addSheet(name);
    this.selection.sheet = sheetNames[0] ?? "";
  }

  static fromSnapshot(snapshot: WorkbookSnapshot): EmbeddedWorkbook {
    // An object keeps its keys in insertion order unless they look like array indexes ("2027"):
    // such a workbook takes the slower path, which keeps its sheet order.
    const names = snapshot.names ?? {};
    let wb: EmbeddedWorkbook | null = null;
    if (snapshot.sheets.every((s) => !/^(0|[1-9]\d*)$/.test(s.name))) {
      const sheets: Record<string, RawCellContent[][]> = {};
      for (const sheet of snapshot.sheets) sheets[sheet.name] = sheet.cells.map((r) => r.map(toRaw));
      try {
        wb = new EmbeddedWorkbook([], sheets, names, snapshot.dateSystem);
      } catch (error) {
        // A defined name the engine refuses: the slower path leaves out just that name.
        if (Object.keys(names).length === 0) throw error;
      }
    }
    if (!wb) {
      wb = new EmbeddedWorkbook([], undefined, {}, snapshot.dateSystem);
      const target = wb;
      // Every sheet and name exists before any formula is read: a reference to a sheet not yet
      // added would reserve it a place and change the order.
      target.engine.batch(() => {
        for (const sheet of snapshot.sheets) target.engine.addSheet(sheet.name);
        for (const [name, range] of Object.entries(names)) {
          try {
            target.engine.addNamedExpression(name, `=${range}`);
            target.names[name] = range;
          } catch {
            // A name that looks like a cell, or a broken reference: formulas using it show #NAME?, as in Excel.
          }
        }
        for (const sheet of snapshot.sheets) if (sheet.cells.length > 0) target.engine.setCellContents({ sheet: target.sheetId(sheet.name), row: 0, col: 0 }, sheet.cells.map((r) => r.map(toRaw)));
      });
    }
    for (const t of snapshot.tables) wb.tables.set(t.name.toLowerCase(), { ...t });
    for (const [address, format] of Object.entries(snapshot.numberFormats)) {
      const [sheet, cell] = splitSheetAddress(address);
      wb.numberFormats.set(key(sheet, parseA1(cell)), format);
    }
    for (const [address, style] of Object.entries(snapshot.styles ?? {})) {
      const [sheet, cell] = splitSheetAddress(address);
      const k = key(sheet, parseA1(cell));
      if (style.bold) wb.bold.add(k);
      if (style.fill) wb.fills.set(k, style.fill);
    }
    wb.settings = { ...snapshot.settings };
    wb.selection.sheet = snapshot.sheets[0]?.name ?? "";
    return wb;
  }

  /**
   * Sets single cells (sheet by name) with evaluation suspended, once at the end; for a
   * recalculation that adds what it needs, and not undoable. Not engine.batch: a batch collects
   * every change into one undo entry, and HyperFormula walks that whole entry again on each
   * change (clearRedoStack), so 20 000 cells took 70 s and 40 000 took 210 s. Outside a batch
   * each change is its own undo entry, dropped past the undo limit, and the time is linear.
   */
  setCells(cells: readonly { sheet: string; row: number; col: number; input: CellInput }[]): void {
    this.engine.suspendEvaluation();
    try {
      for (const c of cells) this.engine.setCellContents({ sheet: this.sheetId(c.sheet), row: c.row, col: c.col }, [[toRaw(c.input)]]);
    } finally {
      this.engine.resumeEvaluation();
      this.engine.clearUndoStack();
    }
  }

  /** Called after every change, so a grid on screen can redraw. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private sheetId(name: string): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new Error(`bladet '${name}' finns inte`);
    return id;
  }

  private ensureSheet(name: string): number {
    const id = this.engine.getSheetId(name);
    return id === undefined ? this.engine.getSheetId(this.engine.addSheet(name))! : id;
  }

  /** Runs changes as one unit: if any part throws, every sheet is put back as it was. */
  private atomically(change: () => void): void {
    // Content only: computing every cell's value just to be able to roll back would cost more
    // than most writes.
    const before = this.sheetContents();
    const meta = { tables: new Map(this.tables), numberFormats: new Map(this.numberFormats), conditional: [...this.conditional], bold: new Set(this.bold) };
    try {
      this.engine.batch(change);
    } catch (error) {
      this.restore(before);
      this.tables = meta.tables;
      this.numberFormats = meta.numberFormats;
      this.conditional = meta.conditional;
      this.bold = meta.bold;
      throw error;
    }
    this.changed();
  }

  private restore(sheets: readonly SheetContent[]): void {
    for (const name of this.engine.getSheetNames()) {
      if (!sheets.some((s) => s.name === name)) this.engine.removeSheet(this.sheetId(name));
    }
    for (const sheet of sheets) {
      const id = this.ensureSheet(sheet.name);
      this.engine.setSheetContent(id, sheet.cells.map((r) => r.map(toRaw)));
    }
  }

  async sheetNames(): Promise<string[]> {
    return this.engine.getSheetNames();
  }

  async readTables(names: readonly string[]): Promise<(TableData | null)[]> {
    return names.map((name) => this.readTable(name));
  }

  private readTable(name: string): TableData | null {
    const t = this.tables.get(name.toLowerCase());
    if (!t) return null;
    const values = this.values(t.sheet, { row: t.row, col: t.col }, t.height, t.width);
    return { name: t.name, sheet: t.sheet, topLeft: rangeA1({ row: t.row, col: t.col }, 1, 1), headers: values[0].map((h) => (h === null ? "" : String(h))), rows: values.slice(1) };
  }

  private values(sheet: string, start: CellPosition, height: number, width: number): CellValue[][] {
    const id = this.sheetId(sheet);
    const rows: CellValue[][] = [];
    for (let r = 0; r < height; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < width; c++) row.push(fromEngine(this.engine.getCellValue({ sheet: id, row: start.row + r, col: start.col + c })));
      rows.push(row);
    }
    return rows;
  }

  async writeTables(specs: readonly TableSpec[]): Promise<void> {
    specs.forEach(validateTableSpec);
    this.atomically(() => {
      for (const spec of specs) {
        const old = this.tables.get(spec.name.toLowerCase());
        const sheet = old?.sheet ?? spec.sheet;
        const id = this.ensureSheet(sheet);
        const start = old ? { row: old.row, col: old.col } : parseA1(spec.topLeft ?? "A1");
        if (old) this.clear(id, start, old.height, old.width);
        const cells = [spec.headers, ...spec.rows];
        this.engine.setCellContents({ sheet: id, ...start }, cells.map((r) => r.map(toRaw)));
        const entry = { name: spec.name, sheet, ...start, width: spec.headers.length, height: cells.length };
        this.tables.set(spec.name.toLowerCase(), entry);
        spec.numberFormats?.forEach((format, c) => {
          for (let r = 1; r < entry.height; r++) {
            const k = key(sheet, { row: start.row + r, col: start.col + c });
            if (format) this.numberFormats.set(k, format);
            else this.numberFormats.delete(k);
          }
        });
      }
    });
  }

  private clear(sheetId: number, start: CellPosition, height: number, width: number): void {
    this.engine.setCellContents({ sheet: sheetId, ...start }, Array.from({ length: height }, () => Array(width).fill(null)));
  }

  async writeSheets(specs: readonly SheetSpec[], options: { remove?: readonly string[] } = {}): Promise<void> {
    specs.forEach(validateSheetSpec);
    const written = new Set(specs.map((s) => s.sheet.toLowerCase()));
    const remove = (options.remove ?? []).filter((name) => !written.has(name.toLowerCase()));
    this.atomically(() => {
      for (const name of remove) {
        const existing = this.engine.getSheetNames().find((n) => n.toLowerCase() === name.toLowerCase());
        if (!existing) continue;
        this.engine.removeSheet(this.sheetId(existing));
        for (const [k, t] of this.tables) if (t.sheet === existing) this.tables.delete(k);
      }
      for (const spec of specs) {
        const id = this.ensureSheet(spec.sheet);
        this.engine.setSheetContent(id, []);
        for (const [k, t] of this.tables) if (t.sheet === spec.sheet) this.tables.delete(k);
        this.conditional = this.conditional.filter((c) => c.sheet !== spec.sheet);
        for (const k of [...this.numberFormats.keys(), ...this.bold, ...this.fills.keys()]) {
          if (k.startsWith(`${spec.sheet}!`)) {
            this.numberFormats.delete(k);
            this.bold.delete(k);
            this.fills.delete(k);
          }
        }
        const start = parseA1(spec.topLeft ?? "A1");
        this.engine.setCellContents({ sheet: id, ...start }, spec.cells.map((r) => r.map(toRaw)));
        spec.numberFormats?.forEach((format, c) => {
          if (!format) return;
          for (let r = 0; r < spec.cells.length; r++) this.numberFormats.set(key(spec.sheet, { row: start.row + r, col: start.col + c }), format);
        });
        for (const f of spec.cellFormats ?? []) {
          const range = parseRange(f.address);
          for (let r = range.start.row; r <= range.end.row; r++) for (let c = range.start.col; c <= range.end.col; c++) this.numberFormats.set(key(spec.sheet, { row: r, col: c }), f.format);
        }
        for (const r of spec.boldRows ?? []) for (let c = 0; c < (spec.cells[r]?.length ?? 0); c++) this.bold.add(key(spec.sheet, { row: start.row + r, col: start.col + c }));
        if (spec.flagColumn) {
          this.conditional.push({ sheet: spec.sheet, col: start.col + spec.flagColumn.column, fromRow: start.row, toRow: start.row + spec.cells.length - 1, rules: spec.flagColumn.rules });
        }
        for (const t of spec.tables ?? []) {
          const pos = parseA1(t.topLeft);
          this.tables.set(t.name.toLowerCase(), { name: t.name, sheet: spec.sheet, row: pos.row, col: pos.col, width: t.width, height: t.height });
        }
      }
    });
  }

  async deleteTable(name: string): Promise<void> {
    const t = this.tables.get(name.toLowerCase());
    if (!t) return;
    this.atomically(() => this.clear(this.sheetId(t.sheet), { row: t.row, col: t.col }, t.height, t.width));
    this.tables.delete(name.toLowerCase());
  }

  async readSelection(): Promise<RangeData> {
    return this.readRange(this.selection.sheet, this.selection.address);
  }

  async readRange(sheet: string, address: string): Promise<RangeData> {
    const { start, end } = parseRange(address);
    const height = end.row - start.row + 1;
    const width = end.col - start.col + 1;
    const id = this.sheetId(sheet);
    const formulas = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => this.engine.getCellFormula({ sheet: id, row: start.row + r, col: start.col + c }) ?? null));
    return { sheet, address: rangeA1(start, height, width), values: this.values(sheet, start, height, width), formulas };
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    for (const m of marks) {
      const { start, end } = parseRange(m.address);
      for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) this.fills.set(key(m.sheet, { row: r, col: c }), m.fill);
    }
    this.changed();
  }

  async selectRange(sheet: string, address: string): Promise<void> {
    this.sheetId(sheet);
    this.selection = { sheet, address };
    this.changed();
  }

  getSelection(): { sheet: string; address: string } {
    return { ...this.selection };
  }

  async copySheetsAsValues(sheets: readonly string[], suffix: string): Promise<string[]> {
    // Values are read before the batch: the engine does not evaluate while a batch is open.
    const copies = sheets.map((sheet) => ({ name: this.freeSheetName(`${sheet}${suffix}`), cells: this.cellsAsValues(sheet), formats: this.formatsOf(sheet) }));
    this.atomically(() => {
      for (const copy of copies) {
        this.engine.setCellContents({ sheet: this.ensureSheet(copy.name), row: 0, col: 0 }, copy.cells);
        for (const [pos, format] of copy.formats) this.numberFormats.set(key(copy.name, pos), format);
      }
    });
    return copies.map((c) => c.name);
  }

  /** The number formats a sheet shows, a date function's implicit one too, so a copy as values looks the same. */
  private formatsOf(sheet: string): [CellPosition, string][] {
    const id = this.sheetId(sheet);
    const { height, width } = this.engine.getSheetDimensions(id);
    const out: [CellPosition, string][] = [];
    for (let row = 0; row < height; row++) for (let col = 0; col < width; col++) {
      const format = this.numberFormats.get(key(sheet, { row, col })) ?? implicitFormat(this.engine.getCellFormula({ sheet: id, row, col }) ?? null);
      if (format) out.push([{ row, col }, format]);
    }
    return out;
  }

  /** A sheet's cells with SAMKALK formulas and spilled arrays as values; other formulas kept. */
  private cellsAsValues(sheet: string): RawCellContent[][] {
    const id = this.sheetId(sheet);
    const { height, width } = this.engine.getSheetDimensions(id);
    const cells: RawCellContent[][] = [];
    for (let r = 0; r < height; r++) {
      const row: RawCellContent[] = [];
      for (let c = 0; c < width; c++) {
        const at = { sheet: id, row: r, col: c };
        const formula = this.engine.getCellFormula(at);
        if (formula && !/SAMKALK\./i.test(formula) && !this.engine.isCellPartOfArray(at)) {
          row.push(formula);
          continue;
        }
        const v = fromEngine(this.engine.getCellValue(at));
        row.push(typeof v === "object" && v !== null ? v.error : toRaw(v as CellInput));
      }
      cells.push(row);
    }
    return cells;
  }

  /** A name Excel accepts, cut on whole graphemes, that no sheet has yet. */
  private freeSheetName(wanted: string): string {
    return uniqueNames([wanted], this.engine.getSheetNames(), SHEET_NAME)[0];
  }

  /**
   * The engine draws no charts: the chart is recorded (replacing one of the same name) so the
   * page can draw it from the same data, and tests can see what Excel would have been asked for.
   */
  async addChart(spec: ChartSpec): Promise<void> {
    validateChartSpec(spec);
    this.sheetId(spec.sheet);
    this.chartList = [...this.chartList.filter((c) => !(c.sheet === spec.sheet && c.name === spec.name)), { ...spec }];
    this.changed();
  }

  charts(): ChartSpec[] {
    return this.chartList.map((c) => ({ ...c }));
  }

  async getSettings(): Promise<Record<string, string>> {
    return { ...this.settings };
  }

  async saveSettings(settings: Record<string, string>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
  }

  // ——— for the standalone page's grid and for xlsx export ———

  /** Sets one cell as a user typing into it would: "=…" is a formula, other text is parsed. */
  setCellFromUser(sheet: string, address: string, text: string): void {
    const pos = parseA1(address);
    this.engine.setCellContents({ sheet: this.sheetId(sheet), ...pos }, text === "" ? null : text);
    if (text !== "") this.growTablesInto(sheet, pos.row, pos.col, 1, 1);
    this.changed();
  }

  /**
   * As Excel's AutoExpansion: what is typed or pasted on the rows right under a table, within its
   * columns, becomes rows of that table (unless another table stands there), so a 21-line budget
   * pasted over a 3-line one is read whole, never cut to the old size.
   */
  private growTablesInto(sheet: string, row: number, col: number, height: number, width: number): void {
    for (const t of this.tables.values()) {
      if (t.sheet !== sheet || col >= t.col + t.width || col + width <= t.col) continue;
      const bottom = t.row + t.height;
      if (row > bottom || row + height <= bottom) continue;
      const target = row + height;
      const taken = [...this.tables.values()].some((o) => o !== t && o.sheet === sheet && o.row < target && o.row + o.height > bottom && o.col < t.col + t.width && o.col + o.width > t.col);
      if (!taken) t.height = target - t.row;
    }
  }

  /**
   * Writes a block as a user pasting it would (numbers as numbers, "=…" as formulas in the
   * engine's syntax, other text as text), all or nothing; a date gets a date format.
   */
  setBlockFromUser(sheet: string, topLeft: string, block: readonly (readonly UserCell[])[]): void {
    const start = parseA1(topLeft);
    const id = this.sheetId(sheet);
    this.atomically(() => {
      this.engine.setCellContents({ sheet: id, ...start }, block.map((row) => row.map((c) => (c.kind === "formula" ? c.formula : c.kind === "text" ? (c.text === "" ? null : `'${c.text}`) : c.value))));
    });
    block.forEach((row, r) => row.forEach((c, col) => {
      const k = key(sheet, { row: start.row + r, col: start.col + col });
      if (c.kind === "date") this.numberFormats.set(k, "yyyy-mm-dd");
    }));
    // Trailing blank rows of a paste do not grow a table.
    let filled = block.length;
    while (filled > 0 && block[filled - 1].every((c) => c.kind === "text" && c.text === "")) filled--;
    if (filled > 0) this.growTablesInto(sheet, start.row, start.col, filled, Math.max(...block.map((r) => r.length)));
    this.changed();
  }

  cellDisplay(sheet: string, row: number, col: number): { value: CellValue; formula: string | null; numberFormat?: string; fill?: string; bold: boolean } {
    const at = { sheet: this.sheetId(sheet), row, col };
    const value = fromEngine(this.engine.getCellValue(at));
    const k = key(sheet, { row, col });
    let fill = this.fills.get(k);
    if (!fill && typeof value === "string") {
      const rule = this.conditional.find((c) => c.sheet === sheet && c.col === col && row >= c.fromRow && row <= c.toRow)?.rules.find((r) => r.text === value);
      fill = rule?.fill;
    }
    const formula = this.engine.getCellFormula(at) ?? null;
    return { value, formula, numberFormat: this.numberFormats.get(k) ?? implicitFormat(formula), fill, bold: this.bold.has(k) };
  }

  sheetSize(sheet: string): { height: number; width: number } {
    return this.engine.getSheetDimensions(this.sheetId(sheet));
  }

  /** What each sheet holds as typed content (formulas and constants), without computed values. */
  private sheetContents(): SheetContent[] {
    return this.engine.getSheetNames().map((name) => {
      const id = this.sheetId(name);
      const serialized = this.engine.getSheetSerialized(id) as RawCellContent[][];
      // The engine serializes the results of array formulas as if they were typed in; they are
      // not content, and writing them back would block the spill.
      const cells = serialized.map((row, r) => row.map((raw, c): CellInput => {
        const at = { sheet: id, row: r, col: c };
        if (this.engine.isCellPartOfArray(at) && this.engine.getCellFormula(at) === undefined) return null;
        if (typeof raw === "string") return raw.startsWith("=") ? { formula: raw } : raw.startsWith("'") ? raw.slice(1) : raw;
        if (raw instanceof Date) return String(raw);
        return (raw ?? null) as CellInput;
      }));
      return { name, cells };
    });
  }

  snapshot(): WorkbookSnapshot {
    const sheets = this.sheetContents().map(({ name, cells }) => {
      const { height, width } = this.engine.getSheetDimensions(this.sheetId(name));
      return { name, cells, values: this.values(name, { row: 0, col: 0 }, height, width) };
    });
    const numberFormats: Record<string, string> = {};
    for (const [k, format] of this.numberFormats) {
      const [sheet, rc] = splitSheetAddress(k);
      const [row, col] = rc.split(",").map(Number);
      numberFormats[`${sheet}!${rangeA1({ row, col }, 1, 1)}`] = format;
    }
    return { sheets, tables: [...this.tables.values()].map((t) => ({ ...t })), settings: { ...this.settings }, numberFormats, spills: this.spills(), styles: this.styles(sheets), names: { ...this.names }, ...(this.dateSystem === "1904" ? { dateSystem: this.dateSystem } : {}) };
  }

  /** Bold and fills as shown, flag colours included (a file gets them as plain fills). */
  private styles(sheets: { name: string; values: CellValue[][] }[]): Record<string, CellStyle> {
    const styles: Record<string, CellStyle> = {};
    const at = (k: string) => {
      const [sheet, rc] = splitSheetAddress(k);
      const [row, col] = rc.split(",").map(Number);
      return `${sheet}!${rangeA1({ row, col }, 1, 1)}`;
    };
    for (const k of this.bold) styles[at(k)] = { ...styles[at(k)], bold: true };
    for (const [k, fill] of this.fills) styles[at(k)] = { ...styles[at(k)], fill };
    for (const flags of this.conditional) {
      const values = sheets.find((s) => s.name === flags.sheet)?.values ?? [];
      for (let row = flags.fromRow; row <= flags.toRow; row++) {
        const fill = flags.rules.find((r) => r.text === values[row]?.[flags.col])?.fill;
        const address = `${flags.sheet}!${rangeA1({ row, col: flags.col }, 1, 1)}`;
        if (fill && !styles[address]?.fill) styles[address] = { ...styles[address], fill };
      }
    }
    return styles;
  }

  /** Formulas the engine cannot evaluate: unknown functions, circular references, unreadable text. */
  formulaProblems(): { sheet: string; cell: string; formula: string; problem: string }[] {
    const problems: { sheet: string; cell: string; formula: string; problem: string }[] = [];
    const explain: Record<string, string> = { "#NAME?": "okänd funktion eller namn (i formeln eller i en cell den beror på)", "#CYCLE!": "cirkelreferens", "#ERROR!": "formeln kan inte tolkas" };
    for (const name of this.engine.getSheetNames()) {
      const sheet = this.sheetId(name);
      const { height, width } = this.engine.getSheetDimensions(sheet);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const formula = this.engine.getCellFormula({ sheet, row, col });
          if (!formula) continue;
          const value = fromEngine(this.engine.getCellValue({ sheet, row, col }));
          if (typeof value === "object" && value !== null && explain[value.error]) {
            problems.push({ sheet: name, cell: rangeA1({ row, col }, 1, 1), formula, problem: explain[value.error] });
          }
        }
      }
    }
    return problems;
  }

  /** Where each array formula's result lands, so a file can carry it as an array formula. */
  private spills(): Record<string, string> {
    const spills: Record<string, string> = {};
    for (const name of this.engine.getSheetNames()) {
      const sheet = this.sheetId(name);
      const { height, width } = this.engine.getSheetDimensions(sheet);
      const spilled = (row: number, col: number) => row < height && col < width && this.engine.isCellPartOfArray({ sheet, row, col }) && this.engine.getCellFormula({ sheet, row, col }) === undefined;
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const at = { sheet, row, col };
          if (this.engine.getCellFormula(at) === undefined || !this.engine.isCellPartOfArray(at)) continue;
          let w = 1;
          while (spilled(row, col + w)) w++;
          let h = 1;
          while (spilled(row + h, col)) h++;
          if (w > 1 || h > 1) spills[`${name}!${rangeA1({ row, col }, 1, 1)}`] = rangeA1({ row, col }, h, w);
        }
      }
    }
    return spills;
  }
}

function splitSheetAddress(address: string): [string, string] {
  const i = address.lastIndexOf("!");
  return [address.slice(0, i), address.slice(i + 1)];
}
