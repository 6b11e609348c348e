import { FormulaReferences, ReferenceToken, formulaReferences, referenceText, rewriteFormula, shiftFormula, shiftReference } from "../io/formulaReferences";
import { DefinedName, PackageSheet, XlsxPackage } from "../io/xlsxPackage";
import { XmlCell } from "../io/sheetXml";
import { parseRange } from "../core/a1";

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
  readonly byPosition = new Map<number, XmlCell>();
  /** Index in `cells` of each row's first cell (cells are in row order, as the file stores them). */
  private readonly rowStart = new Map<number, [number, number]>();
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(readonly sheet: PackageSheet, readonly cells: readonly XmlCell[]) {
    let lastCol = 0;
    cells.forEach((c, i) => {
      this.byPosition.set(c.row * 16_384 + c.col, c);
      const span = this.rowStart.get(c.row);
      if (span) span[1] = i + 1;
      else this.rowStart.set(c.row, [i, i + 1]);
      lastCol = Math.max(lastCol, c.col);
    });
    this.lastRow = cells.reduce((m, c) => Math.max(m, c.row), 0);
    this.lastCol = lastCol;
  }

  get name(): string {
    return this.sheet.name;
  }

  at(row: number, col: number): XmlCell | undefined {
    return this.byPosition.get(row * 16_384 + col);
  }

  /** The cells the file holds inside a rectangle. */
  *inside(top: number, left: number, bottom: number, right: number): Generator<XmlCell> {
    const last = Math.min(bottom, this.lastRow);
    for (let row = top; row <= last; row++) {
      const span = this.rowStart.get(row);
      if (!span) continue;
      for (let i = span[0]; i < span[1]; i++) {
        const c = this.cells[i];
        if (c.row === row && c.col >= left && c.col <= right) yield c;
      }
    }
  }
}

const SAMKALK_FORMULA = /\bSAMKALK\.|_xldudf_SAMKALK_/i;
/** A row number that is not $-fixed, e.g. the 7 of B7 or $B7: what changes down a filled column. */
const RELATIVE_ROW = /(\$?[A-Za-z]{1,3})(\d+)/g;

interface Shape {
  row: number;
  col: number;
  text: string;
  refs: { sheet: SheetCells; ref: ReferenceToken; fixed: boolean }[];
  hasNames: boolean;
  unsupported?: string;
}

export interface FormulaCell {
  cell: XmlCell;
  sheet: SheetCells;
  /** The formula's text in this cell (a shared formula moved here from its master). */
  text: string;
  refs: FormulaReferences;
  samkalk: boolean;
}

export class FormulaGraph {
  readonly sheets: SheetCells[];
  private readonly bySheetName = new Map<string, SheetCells>();
  private readonly formulas = new Map<XmlCell, FormulaCell>();
  private readonly names = new Map<string, DefinedName>();
  private readonly masters = new Map<string, XmlCell>();
  private readonly shapes = new Map<string, Shape>();

  constructor(readonly workbook: XlsxPackage) {
    this.sheets = workbook.sheets.map((s) => new SheetCells(s, workbook.sheetXml(s).cells));
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
    const f: FormulaCell = { cell, sheet, text, refs: formulaReferences(text), samkalk: SAMKALK_FORMULA.test(text) };
    this.formulas.set(cell, f);
    return f;
  }

  /** Every cell of the workbook that holds a formula. */
  *formulaCells(): Generator<XmlCell> {
    for (const s of this.sheets) for (const c of s.cells) if (c.formula) yield c;
  }

  /** Whether a cell's formula calls a SAMKALK function (a shared formula's cells, by their master). */
  isSamkalk(cell: XmlCell): boolean {
    const text = cell.formula?.text ?? this.masters.get(`${this.sheetOfCell(cell).name}\u0000${cell.formula?.si}`)?.formula?.text ?? "";
    return SAMKALK_FORMULA.test(text);
  }

  /**
   * The rectangles a cell's formula reads, names resolved; `unsupported` says why a formula cannot
   * be followed (another workbook, a sheet that does not exist, a 3D or structured reference).
   * A filled-down column repeats one shape row after row, so each shape is read once and moved.
   */
  reads(cell: XmlCell): { rects: Rect[]; unsupported?: string } {
    const sheet = this.sheetOfCell(cell);
    let shape: Shape;
    let rows = 0;
    let cols = 0;
    const f = cell.formula!;
    if (f.type === "shared" && f.text === null) {
      const master = this.masters.get(`${sheet.name}\u0000${f.si}`);
      if (!master) return { rects: [] };
      shape = this.shape(`${sheet.name}\u0000shared\u0000${f.si}`, master.formula!.text!, sheet, master.row, master.col);
      rows = cell.row - master.row;
      cols = cell.col - master.col;
    } else {
      const text = f.text ?? "";
      const key = `${sheet.name}\u0000${text.replace(RELATIVE_ROW, (_, column: string, row: string) => `${column}#${Number(row) - cell.row}`)}`;
      shape = this.shape(key, text, sheet, cell.row, cell.col);
      if (shape.hasNames && (shape.row !== cell.row || shape.text !== text)) shape = this.analyse(text, sheet, cell.row, cell.col);
      rows = cell.row - shape.row;
    }
    const rects: Rect[] = [];
    for (const { sheet: target, ref, fixed } of shape.refs) {
      const moved = fixed || (rows === 0 && cols === 0) ? ref : shiftReference(ref, rows, cols);
      if (moved) rects.push({ sheet: target, top: moved.top, left: moved.left, bottom: moved.bottom, right: moved.right });
    }
    return { rects, ...(shape.unsupported ? { unsupported: shape.unsupported } : {}) };
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

  private bounded(ref: ReferenceToken, home: SheetCells): string {
    if (ref.shape === "cells") return referenceText(ref);
    const sheet = ref.sheet === null ? home : this.sheetByName(ref.sheet) ?? home;
    return referenceText({
      ...ref,
      shape: "cells",
      bottom: ref.shape === "columns" ? Math.max(sheet.lastRow, ref.top) : ref.bottom,
      right: ref.shape === "rows" ? Math.max(sheet.lastCol, ref.left) : ref.right,
      absolute: ref.absolute,
    });
  }

  /** The rectangle an array formula's cached result covers, from its ref attribute. */
  arrayRect(f: FormulaCell): Rect | null {
    if (f.cell.formula?.type !== "array" || !f.cell.formula.ref) return null;
    try {
      const { start, end } = parseRange(f.cell.formula.ref);
      return { sheet: f.sheet, top: start.row, left: start.col, bottom: end.row, right: end.col };
    } catch {
      return null;
    }
  }
}

/** Rectangles bucketed by sheet and row band, for "does this formula read any of these cells?". */
export class RectIndex {
  private readonly bands = new Map<SheetCells, Map<number, Rect[]>>();
  private readonly lastBand = new Map<SheetCells, number>();
  private static readonly BAND = 256;

  add(rect: Rect): void {
    let sheet = this.bands.get(rect.sheet);
    if (!sheet) this.bands.set(rect.sheet, (sheet = new Map()));
    this.lastBand.set(rect.sheet, Math.max(this.lastBand.get(rect.sheet) ?? 0, Math.floor(rect.bottom / RectIndex.BAND)));
    for (let b = Math.floor(rect.top / RectIndex.BAND); b <= Math.floor(rect.bottom / RectIndex.BAND); b++) {
      const list = sheet.get(b) ?? [];
      list.push(rect);
      sheet.set(b, list);
    }
  }

  intersects(rect: Rect): boolean {
    const sheet = this.bands.get(rect.sheet);
    if (!sheet) return false;
    const last = Math.min(Math.floor(rect.bottom / RectIndex.BAND), this.lastBand.get(rect.sheet) ?? 0);
    for (let b = Math.floor(rect.top / RectIndex.BAND); b <= last; b++) {
      for (const r of sheet.get(b) ?? []) {
        if (r.top <= rect.bottom && rect.top <= r.bottom && r.left <= rect.right && rect.left <= r.right) return true;
      }
    }
    return false;
  }
}

