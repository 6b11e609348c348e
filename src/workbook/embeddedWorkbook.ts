import { refuseOverlap } from "./tableOverlap";
import type { DateSystem } from "../core/dates";
import { FUNCTIONS, NAMESPACE } from "../functions/catalogue";
import { CellMark, ChartSpec, RangeData, SheetSpec, SheetWriteOptions, TableSpec, WorkbookPort } from "./port";
import { refuseKeptTables } from "./keptTables";
import { WRITTEN_SHEETS_SETTING, parseWrittenSheets, refuseUserSheets, updatedWrittenSheets } from "./writtenSheets";
import { CellInput, CellValue, TableData } from "../core/cells";
import type { CellStyle, WorkbookSnapshot } from "../core/cells";
import { parseA1, parseRange, rangeA1 } from "../core/a1";
import { validateChartSpec, validateSheetSpec, validateTableSpec } from "./validation";
import { copyNames } from "../core/names";
import { EngineAdapter, RawCell, toRaw } from "./engineAdapter";
import { CellDecorations, SavedState, atomically, cellKey, restoreState, saveState, stateSize } from "./transaction";
import { History } from "./history";

export type { WorkbookSnapshot } from "../core/cells";
export { engineDateSystem, fromEngine, plainNumberLiterals } from "./engineAdapter";

const DATE_FUNCTIONS = FUNCTIONS.filter((f) => f.returnsDate).flatMap((f) => [f.id, f.sv]);
const DATE_RESULT = new RegExp(`^=\\s*${NAMESPACE}\\.(${DATE_FUNCTIONS.join("|")})\\(`, "i");

/** What a user typed or pasted into a cell, already read the Swedish way. */
export type UserCell = { kind: "formula"; formula: string } | { kind: "number"; value: number } | { kind: "date"; value: number } | { kind: "text"; text: string };

/** A cell whose formula is a date function shows a date, as Excel does with its formatted result. */
function implicitFormat(formula: string | null): string | undefined {
  return formula && DATE_RESULT.test(formula) ? "yyyy-mm-dd" : undefined;
}

/**
 * The workbook port on an in-process spreadsheet engine (engineAdapter.ts): used by the CLI, the
 * standalone page and the tests. Writes are validated first and rolled back whole, decorations
 * included, if the engine refuses any part (transaction.ts).
 */
export class EmbeddedWorkbook implements WorkbookPort {
  readonly host = "embedded" as const;
  private readonly cells: EngineAdapter;
  private decorations = new CellDecorations();
  private readonly history = new History<SavedState>(stateSize);
  private changes = 0;
  private settings: Record<string, string> = {};
  private names: Record<string, string> = {};
  private selection = { sheet: "", address: "A1" };
  private listeners = new Set<() => void>();
  private chartList: ChartSpec[] = [];

  /** How this workbook's date serials count; the page and the CLI's readers always use "1900". */
  readonly dateSystem: DateSystem;

  constructor(sheetNames: readonly string[] = ["Blad1"], dateSystem: DateSystem = "1900", engine?: EngineAdapter) {
    this.dateSystem = dateSystem;
    this.cells = engine ?? EngineAdapter.empty(sheetNames, dateSystem);
    this.selection.sheet = sheetNames[0] ?? "";
  }

  /** The sheets in their order, at once: for the grid's tabs, which draw without waiting. */
  sheetList(): string[] {
    return this.cells.sheetNames();
  }

  static fromSnapshot(snapshot: WorkbookSnapshot): EmbeddedWorkbook {
    const names = snapshot.names ?? {};
    const sheets = snapshot.sheets.map((s) => ({ name: s.name, cells: s.cells }));
    let engine: EngineAdapter | null = null;
    let taken = names;
    // An object keeps its keys in insertion order unless they look like array indexes ("2027"):
    // such a workbook takes the slower path, which keeps its sheet order.
    if (snapshot.sheets.every((s) => !/^(0|[1-9]\d*)$/.test(s.name))) {
      try {
        engine = EngineAdapter.fromSheets(sheets, names, snapshot.dateSystem ?? "1900");
      } catch (error) {
        // A defined name the engine refuses: the slower path leaves out just that name.
        if (Object.keys(names).length === 0) throw error;
      }
    }
    if (!engine) ({ engine, names: taken } = EngineAdapter.bySheet(sheets, names, snapshot.dateSystem ?? "1900"));
    const wb = new EmbeddedWorkbook(snapshot.sheets.map((s) => s.name), snapshot.dateSystem, engine);
    wb.names = { ...taken };
    const d = wb.decorations;
    for (const t of snapshot.tables) d.tables.set(t.name.toLowerCase(), { ...t });
    for (const [address, format] of Object.entries(snapshot.numberFormats)) d.numberFormats.set(keyOfAddress(address), format);
    for (const [address, style] of Object.entries(snapshot.styles ?? {})) {
      const k = keyOfAddress(address);
      if (style.bold) d.bold.add(k);
      if (style.fill) d.fills.set(k, style.fill);
    }
    wb.settings = { ...snapshot.settings };
    return wb;
  }

  /** Sets single cells (sheet by name) in one evaluation; for a recalculation, and not undoable. */
  setCells(cells: readonly { sheet: string; row: number; col: number; input: CellInput }[]): void {
    this.cells.writeCells(cells);
  }

  /** A cell's computed value (row and column from 0). */
  cellValue(sheet: string, row: number, col: number): CellValue {
    return this.cells.value(sheet, row, col);
  }

  /** A cell's formula as the engine holds it, or null for a constant or an empty cell. */
  cellFormula(sheet: string, row: number, col: number): string | null {
    return this.cells.formula(sheet, row, col);
  }

  /** Whether the cell is an array formula's anchor or a cell its result spills into. */
  isArrayCell(sheet: string, row: number, col: number): boolean {
    return this.cells.isArrayCell(sheet, row, col);
  }

  /** The number the engine's function calls report a sheet by (engineFunctions' size recorder). */
  engineSheetNumber(sheet: string): number {
    return this.cells.sheetId(sheet);
  }

  /** Called after every change, so a grid on screen can redraw. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Counts the changes to cells, tables, formats and settings (not the selection): what is unsaved. */
  get revision(): number {
    return this.changes;
  }

  /** One step the user can undo: typing, a paste, a cleared range, one write of the task pane. */
  private atomically(change: () => void): void {
    this.history.push(atomically(this.cells, this.decorations, change));
    this.changes++;
    this.changed();
  }

  /** Goes back one step (Ctrl+Z); false when there is none. */
  undo(): boolean {
    return this.travel(this.history.undo(saveState(this.cells, this.decorations)));
  }

  /** Does again the step last undone (Ctrl+Y); false when there is none. */
  redo(): boolean {
    return this.travel(this.history.redo(saveState(this.cells, this.decorations)));
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  private travel(state: SavedState | null): boolean {
    if (!state) return false;
    this.cells.batch(() => restoreState(this.cells, this.decorations, state));
    this.changes++;
    this.changed();
    return true;
  }

  async sheetNames(): Promise<string[]> {
    return this.cells.sheetNames();
  }

  async readTables(names: readonly string[]): Promise<(TableData | null)[]> {
    return names.map((name) => this.readTable(name));
  }

  private readTable(name: string): TableData | null {
    const t = this.decorations.tables.get(name.toLowerCase());
    if (!t) return null;
    const values = this.cells.values(t.sheet, { row: t.row, col: t.col }, t.height, t.width);
    return { name: t.name, sheet: t.sheet, topLeft: rangeA1({ row: t.row, col: t.col }, 1, 1), headers: values[0].map((h) => (h === null ? "" : String(h))), rows: values.slice(1) };
  }

  async writeTables(specs: readonly TableSpec[]): Promise<void> {
    specs.forEach(validateTableSpec);
    this.atomically(() => {
      const d = this.decorations;
      for (const spec of specs) {
        const old = d.tables.get(spec.name.toLowerCase());
        const sheet = old?.sheet ?? spec.sheet;
        this.cells.ensureSheet(sheet);
        const start = old ? { row: old.row, col: old.col } : parseA1(spec.topLeft ?? "A1");
        if (old) this.cells.clear(sheet, start, old.height, old.width);
        const cells = [spec.headers, ...spec.rows];
        this.cells.write(sheet, start, cells);
        const entry = { name: spec.name, sheet, ...start, width: spec.headers.length, height: cells.length };
        refuseOverlap(entry, d.tables.values());
        d.tables.set(spec.name.toLowerCase(), entry);
        spec.numberFormats?.forEach((format, c) => {
          for (let r = 1; r < entry.height; r++) {
            const k = cellKey(sheet, start.row + r, start.col + c);
            if (format) d.numberFormats.set(k, format);
            else d.numberFormats.delete(k);
          }
        });
      }
    });
  }

  async writeSheets(specs: readonly SheetSpec[], options: SheetWriteOptions = {}): Promise<void> {
    specs.forEach(validateSheetSpec);
    const written = new Set(specs.map((s) => s.sheet.toLowerCase()));
    const remove = (options.remove ?? []).filter((name) => !written.has(name.toLowerCase()));
    const touched = new Set([...written, ...remove.map((n) => n.toLowerCase())]);
    refuseKeptTables([...this.decorations.tables.values()].filter((t) => touched.has(t.sheet.toLowerCase())).map((t) => ({ sheet: t.sheet, table: t.name })), options.keepTables);
    const before = parseWrittenSheets(this.settings[WRITTEN_SHEETS_SETTING]);
    if (options.ownSheetsOnly) {
      // Only a sheet Samkalk has not written can be the user's: the others are not looked into.
      const known = [...before, ...(options.knownOwn ?? [])];
      const ours = new Set(known.map((n) => n.toLowerCase()));
      const present = [...touched].flatMap((name) => this.cells.findSheet(name) ?? []).filter((sheet) => !ours.has(sheet.toLowerCase()));
      refuseUserSheets(present.map((sheet) => ({ sheet, hasContent: this.cells.hasContent(sheet) || [...this.decorations.tables.values()].some((t) => t.sheet.toLowerCase() === sheet.toLowerCase()) })), known);
    }
    this.atomically(() => {
      const d = this.decorations;
      for (const name of remove) {
        const existing = this.cells.findSheet(name);
        if (!existing) continue;
        this.cells.removeSheet(existing);
        d.clearSheet(existing);
      }
      for (const spec of specs) {
        this.cells.ensureSheet(spec.sheet);
        this.cells.clearSheet(spec.sheet);
        d.clearSheet(spec.sheet);
        const start = parseA1(spec.topLeft ?? "A1");
        this.cells.write(spec.sheet, start, spec.cells);
        spec.numberFormats?.forEach((format, c) => {
          if (!format) return;
          for (let r = 0; r < spec.cells.length; r++) d.numberFormats.set(cellKey(spec.sheet, start.row + r, start.col + c), format);
        });
        for (const f of spec.cellFormats ?? []) {
          const range = parseRange(f.address);
          for (let r = range.start.row; r <= range.end.row; r++) for (let c = range.start.col; c <= range.end.col; c++) d.numberFormats.set(cellKey(spec.sheet, r, c), f.format);
        }
        for (const r of spec.boldRows ?? []) for (let c = 0; c < (spec.cells[r]?.length ?? 0); c++) d.bold.add(cellKey(spec.sheet, start.row + r, start.col + c));
        if (spec.flagColumn) {
          d.conditional.push({ sheet: spec.sheet, col: start.col + spec.flagColumn.column, fromRow: start.row, toRow: start.row + spec.cells.length - 1, rules: spec.flagColumn.rules });
        }
        for (const t of spec.tables ?? []) {
          const pos = parseA1(t.topLeft);
          const entry = { name: t.name, sheet: spec.sheet, row: pos.row, col: pos.col, width: t.width, height: t.height };
          refuseOverlap(entry, d.tables.values());
          d.tables.set(t.name.toLowerCase(), entry);
        }
      }
      this.settings = { ...this.settings, [WRITTEN_SHEETS_SETTING]: updatedWrittenSheets(before, specs.map((s) => s.sheet), remove) };
    });
  }

  /** As Excel's table delete after clearing its range: cells, formats and fills go, the sheet stays. */
  async deleteTable(name: string): Promise<void> {
    const t = this.decorations.tables.get(name.toLowerCase());
    if (!t) return;
    this.atomically(() => {
      this.cells.clear(t.sheet, { row: t.row, col: t.col }, t.height, t.width);
      this.decorations.clearBlock(t.sheet, t.row, t.col, t.height, t.width);
      this.decorations.tables.delete(name.toLowerCase());
    });
  }

  async readSelection(): Promise<RangeData> {
    return this.readRange(this.selection.sheet, this.selection.address);
  }

  async readRange(sheet: string, address: string): Promise<RangeData> {
    const { start, end } = parseRange(address);
    const height = end.row - start.row + 1;
    const width = end.col - start.col + 1;
    const formulas = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => this.cells.formula(sheet, start.row + r, start.col + c)));
    return { sheet, address: rangeA1(start, height, width), values: this.cells.values(sheet, start, height, width), formulas };
  }

  async markCells(marks: readonly CellMark[]): Promise<(string | null)[]> {
    for (const m of marks) this.cells.sheetId(m.sheet);
    const fills = this.decorations.fills;
    const before = marks.map((m) => {
      const { start } = parseRange(m.address);
      return fills.get(cellKey(m.sheet, start.row, start.col)) ?? null;
    });
    this.atomically(() => {
      for (const m of marks) {
        const { start, end } = parseRange(m.address);
        for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) {
          if (m.fill === null) this.decorations.fills.delete(cellKey(m.sheet, r, c));
          else this.decorations.fills.set(cellKey(m.sheet, r, c), m.fill);
        }
      }
    });
    return before;
  }

  async selectRange(sheet: string, address: string): Promise<void> {
    this.cells.sheetId(sheet);
    this.selection = { sheet, address };
    this.changed();
  }

  getSelection(): { sheet: string; address: string } {
    return { ...this.selection };
  }

  async copySheetsAsValues(sheets: readonly string[], suffix: string, replace: readonly string[] = []): Promise<string[]> {
    // Values are read before the batch: the engine does not evaluate while a batch is open.
    const { names, replaced } = copyNames(sheets, suffix, this.cells.sheetNames(), replace);
    const copies = sheets.map((sheet, i) => ({ name: names[i], cells: this.cellsAsValues(sheet), formats: this.formatsOf(sheet) }));
    this.atomically(() => {
      for (const name of replaced) {
        this.cells.removeSheet(name);
        this.decorations.clearSheet(name);
      }
      for (const copy of copies) {
        this.cells.ensureSheet(copy.name);
        this.cells.writeRaw(copy.name, { row: 0, col: 0 }, copy.cells);
        for (const [row, col, format] of copy.formats) this.decorations.numberFormats.set(cellKey(copy.name, row, col), format);
      }
    });
    return copies.map((c) => c.name);
  }

  /** The number formats a sheet shows, a date function's implicit one too, so a copy as values looks the same. */
  private formatsOf(sheet: string): [number, number, string][] {
    const { height, width } = this.cells.size(sheet);
    const out: [number, number, string][] = [];
    for (let row = 0; row < height; row++) for (let col = 0; col < width; col++) {
      const format = this.decorations.numberFormats.get(cellKey(sheet, row, col)) ?? implicitFormat(this.cells.formula(sheet, row, col) ?? null);
      if (format) out.push([row, col, format]);
    }
    return out;
  }

  /** A sheet's cells with SAMKALK formulas and spilled arrays as values; other formulas kept. */
  private cellsAsValues(sheet: string): RawCell[][] {
    const { height, width } = this.cells.size(sheet);
    const cells: RawCell[][] = [];
    for (let r = 0; r < height; r++) {
      const row: RawCell[] = [];
      for (let c = 0; c < width; c++) {
        const formula = this.cells.formula(sheet, r, c);
        if (formula && !/SAMKALK\./i.test(formula) && !this.cells.isArrayCell(sheet, r, c)) {
          row.push(formula);
          continue;
        }
        const v = this.cells.value(sheet, r, c);
        row.push(typeof v === "object" && v !== null ? v.error : toRaw(v as CellInput));
      }
      cells.push(row);
    }
    return cells;
  }

  /**
   * The engine draws no charts: the chart is recorded (replacing one of the same name) so the
   * page can draw it from the same data, and tests can see what Excel would have been asked for.
   */
  async addChart(spec: ChartSpec): Promise<void> {
    validateChartSpec(spec);
    this.cells.sheetId(spec.sheet);
    this.chartList = [...this.chartList.filter((c) => !(c.sheet === spec.sheet && c.name === spec.name)), { ...spec }];
    this.changed();
  }

  charts(): ChartSpec[] {
    return this.chartList.map((c) => ({ ...c }));
  }

  async readTablesAndSettings(names: readonly string[]): Promise<{ tables: (TableData | null)[]; settings: Record<string, string> }> {
    return { tables: await this.readTables(names), settings: await this.getSettings() };
  }

  async getSettings(): Promise<Record<string, string>> {
    return { ...this.settings };
  }

  async saveSettings(settings: Record<string, string>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
    this.changes++;
  }

  // ——— for the standalone page's grid and for xlsx export ———

  /** Sets one cell as a user typing into it would: "=…" is a formula, other text is parsed. */
  setCellFromUser(sheet: string, address: string, text: string): void {
    const pos = parseA1(address);
    this.cells.sheetId(sheet);
    this.atomically(() => {
      this.cells.writeRaw(sheet, pos, [[text === "" ? null : text]]);
      if (text !== "") this.growTablesInto(sheet, pos.row, pos.col, 1, 1);
    });
  }

  /**
   * As Excel's AutoExpansion: what is typed or pasted on the rows right under a table, within its
   * columns, becomes rows of that table (unless another table stands there), so a 21-line budget
   * pasted over a 3-line one is read whole, never cut to the old size.
   */
  private growTablesInto(sheet: string, row: number, col: number, height: number, width: number): void {
    const tables = [...this.decorations.tables.values()];
    for (const t of tables) {
      if (t.sheet !== sheet || col >= t.col + t.width || col + width <= t.col) continue;
      const bottom = t.row + t.height;
      if (row > bottom || row + height <= bottom) continue;
      const target = row + height;
      const taken = tables.some((o) => o !== t && o.sheet === sheet && o.row < target && o.row + o.height > bottom && o.col < t.col + t.width && o.col + o.width > t.col);
      if (!taken) t.height = target - t.row;
    }
  }

  /**
   * Writes a block as a user pasting it would (numbers as numbers, "=…" as formulas in the
   * engine's syntax, other text as text), all or nothing; a date gets a date format.
   */
  setBlockFromUser(sheet: string, topLeft: string, block: readonly (readonly UserCell[])[]): void {
    const start = parseA1(topLeft);
    this.cells.sheetId(sheet);
    this.atomically(() => {
      this.cells.writeRaw(sheet, start, block.map((row) => row.map((c) => (c.kind === "formula" ? c.formula : c.kind === "text" ? (c.text === "" ? null : `'${c.text}`) : c.value))));
      block.forEach((row, r) => row.forEach((c, col) => {
        if (c.kind === "date") this.decorations.numberFormats.set(cellKey(sheet, start.row + r, start.col + col), "yyyy-mm-dd");
      }));
      // Trailing blank rows of a paste do not grow a table.
      let filled = block.length;
      while (filled > 0 && block[filled - 1].every((c) => c.kind === "text" && c.text === "")) filled--;
      if (filled > 0) this.growTablesInto(sheet, start.row, start.col, filled, Math.max(...block.map((r) => r.length)));
    });
  }

  cellDisplay(sheet: string, row: number, col: number): { value: CellValue; formula: string | null; numberFormat?: string; fill?: string; bold: boolean } {
    const value = this.cells.value(sheet, row, col);
    const k = cellKey(sheet, row, col);
    const d = this.decorations;
    let fill = d.fills.get(k);
    if (!fill && typeof value === "string") {
      const rule = d.conditional.find((c) => c.sheet === sheet && c.col === col && row >= c.fromRow && row <= c.toRow)?.rules.find((r) => r.text === value);
      fill = rule?.fill;
    }
    const formula = this.cells.formula(sheet, row, col);
    return { value, formula, numberFormat: d.numberFormats.get(k) ?? implicitFormat(formula), fill, bold: d.bold.has(k) };
  }

  sheetSize(sheet: string): { height: number; width: number } {
    return this.cells.size(sheet);
  }

  snapshot(): WorkbookSnapshot {
    const sheets = this.cells.contents().map(({ name, cells }) => {
      const { height, width } = this.cells.size(name);
      return { name, cells, values: this.cells.values(name, { row: 0, col: 0 }, height, width) };
    });
    const numberFormats: Record<string, string> = {};
    for (const [k, format] of this.decorations.numberFormats) numberFormats[addressOfKey(k)] = format;
    return { sheets, tables: [...this.decorations.tables.values()].map((t) => ({ ...t })), settings: { ...this.settings }, numberFormats, spills: this.spills(), styles: this.styles(sheets), names: { ...this.names }, ...(this.dateSystem === "1904" ? { dateSystem: this.dateSystem } : {}) };
  }

  /** Bold and fills as shown, flag colours included (a file gets them as plain fills). */
  private styles(sheets: { name: string; values: CellValue[][] }[]): Record<string, CellStyle> {
    const styles: Record<string, CellStyle> = {};
    const d = this.decorations;
    for (const k of d.bold) styles[addressOfKey(k)] = { ...styles[addressOfKey(k)], bold: true };
    for (const [k, fill] of d.fills) styles[addressOfKey(k)] = { ...styles[addressOfKey(k)], fill };
    for (const flags of d.conditional) {
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
    for (const name of this.cells.sheetNames()) {
      const { height, width } = this.cells.size(name);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const formula = this.cells.formula(name, row, col);
          if (!formula) continue;
          const value = this.cells.value(name, row, col);
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
    for (const name of this.cells.sheetNames()) {
      const { height, width } = this.cells.size(name);
      const spilled = (row: number, col: number) => row < height && col < width && this.cells.isArrayCell(name, row, col) && this.cells.formula(name, row, col) === null;
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          if (this.cells.formula(name, row, col) === null || !this.cells.isArrayCell(name, row, col)) continue;
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

/** "Sheet!B3" → the decorations' key of that cell. */
function keyOfAddress(address: string): string {
  const i = address.lastIndexOf("!");
  const { row, col } = parseA1(address.slice(i + 1));
  return cellKey(address.slice(0, i), row, col);
}

/** The decorations' key of a cell → "Sheet!B3". */
function addressOfKey(k: string): string {
  const i = k.lastIndexOf("!");
  const [row, col] = k.slice(i + 1).split(",").map(Number);
  return `${k.slice(0, i)}!${rangeA1({ row, col }, 1, 1)}`;
}
