import { FormulaReferences, ReferenceToken, formulaReferences, referenceText, rewriteFormula, shiftFormula, shiftReference } from "../io/formulaReferences";
import { DefinedName, PackageSheet, XlsxPackage } from "../io/xlsxPackage";
import { SheetXml, XmlCell } from "../io/sheetXml";
import { SHEET_COLUMNS, SHEET_ROWS, parseRange } from "../core/a1";

/**
 * The cells of an xlsx package and how its formulas refer to each other, read from the file's
 * XML without an engine: enough to pick the cells a recalculation must evaluate (SAMKALK
 * formulas, their precedents and their dependents) and leave every other cell alone.
 */

export interface Rect {
  sheet: SheetCells;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class SheetCells {
  /** For each row, 1 + the index of its XmlRow (0: the file has no such row). */
  private readonly rowIndex: Int32Array;
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(readonly sheet: PackageSheet, private readonly xml: SheetXml) {
    let lastRow = 0;
    let lastCol = 0;
    for (const c of xml.cells) {
      if (c.row > lastRow) lastRow = c.row;
      if (c.col > lastCol) lastCol = c.col;
    }
    this.lastRow = lastRow;
    this.lastCol = lastCol;
    this.rowIndex = new Int32Array(lastRow + 1);
    xml.rows.forEach((r, i) => {
      if (r.cellCount > 0 && r.row <= lastRow) this.rowIndex[r.row] = i + 1;
    });
  }

  get name(): string {
    return this.sheet.name;
  }

  get cells(): readonly XmlCell[] {
    return this.xml.cells;
  }

  at(row: number, col: number): XmlCell | undefined {
    const index = row >= 0 && row <= this.lastRow ? this.rowIndex[row] : 0;
    if (index === 0) return undefined;
    const { firstCell, cellCount } = this.xml.rows[index - 1];
    for (let i = firstCell; i < firstCell + cellCount; i++) if (this.xml.cells[i].col === col) return this.xml.cells[i];
    return undefined;
  }

  /** The cells the file holds inside a rectangle. */
  *inside(top: number, left: number, bottom: number, right: number): Generator<XmlCell> {
    const last = Math.min(bottom, this.lastRow);
    for (let row = Math.max(0, top); row <= last; row++) {
      const index = this.rowIndex[row];
      if (index === 0) continue;
      const { firstCell, cellCount } = this.xml.rows[index - 1];
      for (let i = firstCell; i < firstCell + cellCount; i++) {
        const c = this.xml.cells[i];
        if (c.col >= left && c.col <= right) yield c;
      }
    }
  }
}

const LAST_ROW = SHEET_ROWS - 1;
const LAST_COL = SHEET_COLUMNS - 1;
/** Whole columns or rows this many or more across are bounded by the used range that way too. */
const WIDE = 1024;
const SAMKALK_FORMULA = /\bSAMKALK\.|_xldudf_SAMKALK_/i;
/** A character of a name (a sheet's, a function's, a defined name's): a letter, digit, _, . or beyond ASCII. */
const inName = (code: number) => (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122) || code === 95 || code === 46 || code > 127;

/**
 * A formula's text with each row number that is not $-fixed (the 7 of B7 or $B7) written relative
 * to the cell's own row: the same for every cell of a filled-down column. Only digits that can be
 * rows change: a string ("Kod1"), a sheet's name (Kv1!, Kv1_2024!, 'Kv 1'!) and a function's name
 * (LOG10() are kept as they are, or =Kv1_2024!B1 in one row and =Kv2_2024!B2 in the next would be
 * one shape, and the second would read the first one's sheet. A defined name's digits do change
 * (they only split keys, and a shape with names is read again for each cell).
 */
function relativeRows(text: string, row: number): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 39 || code === 34) {
      // A quoted sheet name or a string ('' or "" is the quote inside it): kept whole.
      for (i++; i < text.length; i++) if (text.charCodeAt(i) === code && text.charCodeAt(++i) !== code) break;
      i--;
      continue;
    }
    if (code > 57 && inName(code) && !inName(text.charCodeAt(i - 1))) {
      // A name that ends in ! (a sheet) or ( (a function): kept whole.
      let end = i + 1;
      while (end < text.length && inName(text.charCodeAt(end))) end++;
      const next = text.charCodeAt(end);
      if (next === 33 || next === 40) {
        i = end - 1;
        continue;
      }
    }
    if (code < 48 || code > 57) continue;
    const before = text.charCodeAt(i - 1) | 0x20;
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    if (i > 0 && before >= 97 && before <= 122) {
      out += `${text.slice(from, i)}#${Number(text.slice(i, end)) - row}`;
      from = end;
    }
    i = end - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const NO_REFERENCES: Shape = { row: 0, col: 0, text: "", refs: [], hasNames: false };

interface Shape {
  row: number;
  col: number;
  text: string;
  refs: { sheet: SheetCells; ref: ReferenceToken; fixed: boolean }[];
  hasNames: boolean;
  unsupported?: string;
}

export class FormulaCell {
  private references: FormulaReferences | undefined;

  constructor(
    readonly cell: XmlCell,
    readonly sheet: SheetCells,
    /** The formula's text in this cell (a shared formula moved here from its master). */
    readonly text: string,
    readonly samkalk: boolean,
  ) {}

  /** Its references, read when first asked: most formulas of a filled-down column never need their own. */
  get refs(): FormulaReferences {
    return (this.references ??= formulaReferences(this.text));
  }
}

/**
 * Where a formula's shape was read (its text there) and how far this cell is moved from it: the
 * cells of a filled-down column share one shape, so work on the text is done once for them all.
 */
export interface Placement {
  readonly shape: { readonly text: string };
  readonly rows: number;
  readonly cols: number;
}

export class FormulaGraph {
  readonly sheets: SheetCells[];
  private readonly bySheetName = new Map<string, SheetCells>();
  private readonly formulas = new Map<XmlCell, FormulaCell>();
  private readonly names = new Map<string, DefinedName>();
  private readonly masters = new Map<string, XmlCell>();
  private readonly shapes = new Map<string, Shape>();
  private readonly placements = new Map<XmlCell, { shape: Shape; rows: number; cols: number }>();

  constructor(readonly workbook: XlsxPackage) {
    this.sheets = workbook.sheets.map((s) => new SheetCells(s, workbook.sheetXml(s)));
    for (const s of this.sheets) {
      this.bySheetName.set(s.name.toLowerCase(), s);
      for (const c of s.cells) {
        if (c.formula?.type === "shared" && c.formula.text) this.masters.set(`${s.name}\u0000${c.formula.si}`, c);
      }
    }
    for (const n of workbook.names) this.names.set(`${n.sheet?.toLowerCase() ?? ""}\u0000${n.name.toLowerCase()}`, n);
  }

  sheetByName(name: string): SheetCells | undefined {
    return this.bySheetName.get(name.toLowerCase());
  }

  sheetOfCell(cell: XmlCell): SheetCells {
    return this.sheets[cell.sheet];
  }

  private definedName(name: string, sheet: SheetCells): DefinedName | undefined {
    return this.names.get(`${sheet.name.toLowerCase()}\u0000${name.toLowerCase()}`) ?? this.names.get(`\u0000${name.toLowerCase()}`);
  }

  /** The formula of a cell with shared formulas resolved; undefined for a constant. */
  formula(cell: XmlCell): FormulaCell | undefined {
    if (!cell.formula) return undefined;
    const known = this.formulas.get(cell);
    if (known) return known;
    const sheet = this.sheetOfCell(cell);
    let text = cell.formula.text ?? "";
    if (cell.formula.type === "shared" && cell.formula.text === null) {
      const master = this.masters.get(`${sheet.name}\u0000${cell.formula.si}`);
      const masterFormula = master && this.formula(master);
      text = masterFormula ? shiftFormula(masterFormula.text, masterFormula.refs, cell.row - master.row, cell.col - master.col) : "#REF!";
    }
    const f = new FormulaCell(cell, sheet, text, SAMKALK_FORMULA.test(text));
    this.formulas.set(cell, f);
    return f;
  }

  /** Every cell of the workbook that holds a formula. */
  *formulaCells(): Generator<XmlCell> {
    for (const s of this.sheets) for (const c of s.cells) if (c.formula) yield c;
  }

  /** Whether a cell's formula calls a SAMKALK function (a shared formula's cells, by their master). */
  isSamkalk(cell: XmlCell): boolean {
    return SAMKALK_FORMULA.test(this.sourceText(cell));
  }

  /** The formula text as the file holds it: the cell's own, or its shared formula master's, unmoved. */
  sourceText(cell: XmlCell): string {
    return cell.formula?.text ?? this.masters.get(`${this.sheetOfCell(cell).name}\u0000${cell.formula?.si}`)?.formula?.text ?? "";
  }

  /**
   * The rectangles a cell's formula reads, names resolved; `unsupported` says why a formula cannot
   * be followed (another workbook, a sheet that does not exist, a 3D or structured reference).
   * A filled-down column repeats one shape row after row, so each shape is read once and moved.
   */
  reads(cell: XmlCell): { rects: Rect[]; unsupported?: string } {
    const { shape, rows, cols } = this.placement(cell);
    const rects: Rect[] = [];
    for (const { sheet: target, ref, fixed } of shape.refs) {
      const moved = fixed || (rows === 0 && cols === 0) ? ref : shiftReference(ref, rows, cols);
      if (moved) rects.push({ sheet: target, top: moved.top, left: moved.left, bottom: moved.bottom, right: moved.right });
    }
    return { rects, ...(shape.unsupported ? { unsupported: shape.unsupported } : {}) };
  }

  /** Why a cell's formula cannot be followed, if it cannot. */
  unsupported(cell: XmlCell): string | undefined {
    return this.placement(cell).shape.unsupported;
  }

  /** Whether any rectangle a cell's formula reads passes the test; allocates nothing per reference. */
  readsAny(cell: XmlCell, test: (sheet: SheetCells, top: number, left: number, bottom: number, right: number) => boolean): boolean {
    const { shape, rows, cols } = this.placement(cell);
    for (const { sheet, ref, fixed } of shape.refs) {
      if (fixed || (rows === 0 && cols === 0)) {
        if (test(sheet, ref.top, ref.left, ref.bottom, ref.right)) return true;
        continue;
      }
      const absolute = ref.absolute;
      const a = ref.shape === "columns" || absolute[0] ? ref.top : ref.top + rows;
      const b = ref.shape === "columns" || absolute[2] ? ref.bottom : ref.bottom + rows;
      const c = ref.shape === "rows" || absolute[1] ? ref.left : ref.left + cols;
      const d = ref.shape === "rows" || absolute[3] ? ref.right : ref.right + cols;
      const top = Math.min(a, b);
      const bottom = Math.max(a, b);
      const left = Math.min(c, d);
      const right = Math.max(c, d);
      // Moved off the sheet: #REF! in Excel, and nothing read (as reads() drops it).
      if (top < 0 || left < 0 || bottom > LAST_ROW || right > LAST_COL) continue;
      if (test(sheet, top, left, bottom, right)) return true;
    }
    return false;
  }

  /** The shape a cell's formula has and how far it is moved from where the shape was read. */
  placementOf(cell: XmlCell): Placement {
    return this.placement(cell);
  }

  private placement(cell: XmlCell): { shape: Shape; rows: number; cols: number } {
    const known = this.placements.get(cell);
    if (known) return known;
    const sheet = this.sheetOfCell(cell);
    const f = cell.formula!;
    let placed: { shape: Shape; rows: number; cols: number };
    if (f.type === "shared" && f.text === null) {
      const master = this.masters.get(`${sheet.name}\u0000${f.si}`);
      placed = master
        ? { shape: this.shape(`${sheet.name}\u0000shared\u0000${f.si}`, master.formula!.text!, sheet, master.row, master.col), rows: cell.row - master.row, cols: cell.col - master.col }
        : { shape: NO_REFERENCES, rows: 0, cols: 0 };
    } else {
      const text = f.text ?? "";
      const key = `${sheet.name}\u0000${relativeRows(text, cell.row)}`;
      let shape = this.shape(key, text, sheet, cell.row, cell.col);
      // A name is not a reference: the same key with another name must be read on its own.
      if (shape.hasNames && (shape.row !== cell.row || shape.text !== text)) shape = this.analyse(text, sheet, cell.row, cell.col);
      placed = { shape, rows: cell.row - shape.row, cols: 0 };
    }
    this.placements.set(cell, placed);
    return placed;
  }

  private shape(key: string, text: string, sheet: SheetCells, row: number, col: number): Shape {
    let shape = this.shapes.get(key);
    if (!shape) this.shapes.set(key, (shape = this.analyse(text, sheet, row, col)));
    return shape;
  }

  private analyse(text: string, home: SheetCells, row: number, col: number): Shape {
    const shape: Shape = { row, col, text, refs: [], hasNames: false };
    const visit = (refs: FormulaReferences, depth: number, fixed: boolean) => {
      if (refs.unsupported) shape.unsupported ??= refs.unsupported;
      for (const ref of refs.references) {
        const sheet = ref.sheet === null ? home : this.sheetByName(ref.sheet);
        if (!sheet) shape.unsupported ??= `bladet ${ref.sheet} finns inte`;
        else shape.refs.push({ sheet, ref, fixed });
      }
      for (const token of refs.names) {
        shape.hasNames = true;
        const name = this.definedName(token.name, home);
        // A name's references do not move with the cell that uses it.
        if (name && depth < 8) visit(formulaReferences(name.formula), depth + 1, true);
      }
    };
    visit(formulaReferences(text), 0, false);
    return shape;
  }

  /**
   * The formula as the engine reads it: defined names written out, whole columns and rows
   * bounded by the sheet's used range (so a spill takes the size of the data, not of the sheet).
   */
  engineText(f: FormulaCell): string {
    // Most formulas have nothing to write out or bound: their text as it is, without reading it
    // twice more (a tenth of a 100 000-formula recalculation).
    if (f.refs.names.length === 0 && f.refs.references.every((r) => r.shape === "cells" && f.text.slice(r.start, r.end) === referenceText(r))) return f.text;
    let text = f.text;
    for (let depth = 0; depth < 8; depth++) {
      const refs = formulaReferences(text);
      let replaced = false;
      text = rewriteFormula(text, refs, (ref) => text.slice(ref.start, ref.end), (token) => {
        const name = this.definedName(token.name, f.sheet);
        if (!name) return token.name;
        replaced = true;
        const inner = formulaReferences(name.formula);
        const single = inner.references.length === 1 && inner.names.length === 0 && inner.references[0].start === 0 && inner.references[0].end === name.formula.length;
        return single ? name.formula : `(${name.formula})`;
      });
      if (!replaced) break;
    }
    const refs = formulaReferences(text);
    return rewriteFormula(text, refs, (ref) => this.bounded(ref, f.sheet));
  }

  private readonly reaches = new Map<SheetCells, { row: number; col: number }>();

  /**
   * How far a sheet's values may reach: its used range, and past it what a formula spills into. A
   * SAMKALK function spills at most as tall and wide as its largest range argument (FORDELA,
   * NYCKELANDEL, REGLERING: the shape of the weights; TABELLKOLL: a row per finding); an array
   * formula's cached result says its own range. A file written without cached values holds none
   * of the spilled cells, and SUM(B:B) must still add every part.
   */
  private reachOf(sheet: SheetCells): { row: number; col: number } {
    const known = this.reaches.get(sheet);
    if (known) return known;
    let row = sheet.lastRow;
    let col = sheet.lastCol;
    for (const cell of sheet.cells) {
      if (!cell.formula) continue;
      const f = this.formula(cell);
      if (!f) continue;
      const rect = this.arrayRect(cell);
      if (rect) {
        row = Math.max(row, rect.bottom);
        col = Math.max(col, rect.right);
      }
      if (!f.samkalk) continue;
      for (const ref of f.refs.references) {
        if (ref.shape !== "cells") continue;
        row = Math.max(row, cell.row + ref.bottom - ref.top);
        col = Math.max(col, cell.col + ref.right - ref.left);
      }
    }
    const reach = { row, col };
    this.reaches.set(sheet, reach);
    return reach;
  }

  private bounded(ref: ReferenceToken, home: SheetCells): string {
    if (ref.shape === "cells") return referenceText(ref);
    const sheet = ref.sheet === null ? home : this.sheetByName(ref.sheet) ?? home;
    const reach = this.reachOf(sheet);
    return referenceText({
      ...ref,
      shape: "cells",
      // A whole column runs to the sheet's reach (its used range and its spills) down, a whole row
      // across. Across,
      // a few columns (A:D) stay as written, so that VLOOKUP(x;A:D;4;0) still reads column D
      // however empty; thousands of them (A:XFD), or rows (1:1048576), end at the used range too:
      // the engine is never given a million rows or sixteen thousand columns of nothing.
      bottom: ref.shape === "columns" || ref.bottom - ref.top >= WIDE ? Math.max(Math.min(ref.bottom, reach.row), ref.top) : ref.bottom,
      right: ref.shape === "rows" || ref.right - ref.left >= WIDE ? Math.max(Math.min(ref.right, reach.col), ref.left) : ref.right,
      absolute: ref.absolute,
    });
  }

  /** The rectangle an array formula's cached result covers, from its ref attribute (no need to read the formula). */
  arrayRect(cell: XmlCell): Rect | null {
    if (cell.formula?.type !== "array" || !cell.formula.ref) return null;
    try {
      const { start, end } = parseRange(cell.formula.ref);
      return { sheet: this.sheetOfCell(cell), top: start.row, left: start.col, bottom: end.row, right: end.col };
    } catch {
      return null;
    }
  }
}

/**
 * Rectangles bucketed by sheet and row band, for "does this formula read any of these cells?".
 * Single cells (most of what changes: each dependent found) are kept apart, in a set for small
 * questions (=C1+B2 looks its two cells up) and by band for large ones: a 100 000-link running
 * total put hundreds of cells in each band, and every link had scanned them all.
 */
export class RectIndex {
  private readonly bands = new Map<SheetCells, Map<number, Rect[]>>();
  private readonly singleBands = new Map<SheetCells, Map<number, number[]>>();
  private readonly singles = new Map<SheetCells, Set<number>>();
  private static readonly BAND = 256;
  /** A question this many cells or smaller looks its cells up in the set. */
  private static readonly LOOKUP_CELLS = 64;

  private static bandsOf<T>(of: Map<SheetCells, Map<number, T[]>>, sheet: SheetCells): Map<number, T[]> {
    let bands = of.get(sheet);
    if (!bands) of.set(sheet, (bands = new Map()));
    return bands;
  }

  add(rect: Rect): void {
    if (rect.top === rect.bottom && rect.left === rect.right) {
      const key = rect.top * SHEET_COLUMNS + rect.left;
      let cells = this.singles.get(rect.sheet);
      if (!cells) this.singles.set(rect.sheet, (cells = new Set()));
      cells.add(key);
      const bands = RectIndex.bandsOf(this.singleBands, rect.sheet);
      const band = Math.floor(rect.top / RectIndex.BAND);
      const list = bands.get(band);
      if (list) list.push(key);
      else bands.set(band, [key]);
      return;
    }
    const bands = RectIndex.bandsOf(this.bands, rect.sheet);
    for (let b = Math.floor(rect.top / RectIndex.BAND); b <= Math.floor(rect.bottom / RectIndex.BAND); b++) {
      const list = bands.get(b);
      if (list) list.push(rect);
      else bands.set(b, [rect]);
    }
  }

  intersects(on: SheetCells, top: number, left: number, bottom: number, right: number): boolean {
    const cells = this.singles.get(on);
    if (cells) {
      if ((bottom - top + 1) * (right - left + 1) <= RectIndex.LOOKUP_CELLS) {
        for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) if (cells.has(row * SHEET_COLUMNS + col)) return true;
      } else if (this.meetsBands(this.singleBands.get(on)!, top, bottom, (key) => {
        const row = Math.floor(key / SHEET_COLUMNS);
        const col = key % SHEET_COLUMNS;
        return row >= top && row <= bottom && col >= left && col <= right;
      })) return true;
    }
    const bands = this.bands.get(on);
    return bands !== undefined && this.meetsBands(bands, top, bottom, (r) => r.top <= bottom && top <= r.bottom && r.left <= right && left <= r.right);
  }

  /** Whether an entry of the bands from top to bottom passes the test; only the bands that exist are visited. */
  private meetsBands<T>(bands: Map<number, T[]>, top: number, bottom: number, meets: (entry: T) => boolean): boolean {
    const first = Math.floor(top / RectIndex.BAND);
    const last = Math.floor(bottom / RectIndex.BAND);
    if (last - first + 1 > bands.size) {
      for (const [b, list] of bands) if (b >= first && b <= last && list.some(meets)) return true;
      return false;
    }
    for (let b = first; b <= last; b++) if (bands.get(b)?.some(meets)) return true;
    return false;
  }
}
