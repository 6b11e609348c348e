import ExcelJS from "exceljs";
import { DomainError } from "../core/errors";
import { fromEpochDays, toExcelSerial } from "../core/dates";
import type { WorkbookSnapshot } from "../core/cells";
import type { CellInput, CellValue } from "../core/cells";
import { amountToCellNumber, isAmount, isFormula } from "../core/cells";
import { parseRange, rangeA1 } from "../core/a1";
import { FunctionNames, formulaFromFile, formulaToFile } from "./formulaText";
import { formulaReferences, rewriteFormula } from "./formulaReferences";
import { WorkbookDates, loadWorkbookWithDates, plainCellValue } from "./xlsxTable";

/** The model's document settings travel in a very hidden sheet, so they survive any xlsx round trip. */
export const SETTINGS_SHEET = "_samkalk";

function dateToSerial(date: Date): number {
  const days = Math.round(date.getTime() / 86_400_000);
  return toExcelSerial(fromEpochDays(days)) + (date.getTime() / 86_400_000 - days);
}

/**
 * A constant as the snapshot holds it. A snapshot counts dates in the 1900 system, as the engine
 * and the page do: a date cell of a 1904 workbook becomes the 1900 serial of the same day.
 */
function constant(value: ExcelJS.CellValue, dates: WorkbookDates): CellInput {
  const plain = plainCellValue(value, dates);
  return plain instanceof Date ? dateToSerial(plain) : plain;
}

/** Reads an xlsx file into a workbook snapshot: formulas, constants, tables, formats, settings. */
export async function readWorkbookFile(bytes: Uint8Array, file: string): Promise<WorkbookSnapshot> {
  const { workbook, dates } = await loadWorkbookWithDates(bytes, file);
  const snapshot: WorkbookSnapshot = { sheets: [], tables: [], settings: {}, numberFormats: {} };
  for (const ws of workbook.worksheets) {
    if (ws.name === SETTINGS_SHEET) {
      ws.eachRow((row) => {
        const [k, v] = [row.getCell(1).value, row.getCell(2).value];
        if (typeof k === "string") snapshot.settings[k] = String(v ?? "");
      });
      continue;
    }
    const cells: CellInput[][] = [];
    const cleared = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // exceljs hands every cell of a merged range the master's value; the file holds it once.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value as ExcelJS.CellValue & { formula?: string; sharedFormula?: string; shareType?: string; ref?: string };
        while (cells.length < r) cells.push([]);
        const line = cells[r - 1];
        while (line.length < c) line.push(null);
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          line[c - 1] = { formula: formulaFromFile(cell.formula ?? v.formula ?? "") };
          const cachedResult = (v as { result?: ExcelJS.CellValue }).result;
          if (cachedResult !== undefined && cachedResult !== null) (snapshot.cached ??= {})[`${ws.name}!${cell.address}`] = cachedValue(cachedResult, dates);
          // The other cells of an array formula hold cached results only; the engine fills them.
          if (v.shareType === "array" && v.ref) {
            const { start, end } = parseRange(v.ref);
            for (let rr = start.row; rr <= end.row; rr++) for (let cc = start.col; cc <= end.col; cc++) if (rr !== r - 1 || cc !== c - 1) cleared.add(`${rr},${cc}`);
          }
        } else {
          try {
            line[c - 1] = constant(v, dates);
          } catch (error) {
            throw error instanceof DomainError ? error.at({ file, sheet: ws.name, cell: cell.address }) : error;
          }
        }
        if (cell.numFmt && cell.numFmt !== "General") snapshot.numberFormats[`${ws.name}!${cell.address}`] = cell.numFmt;
        const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill.fgColor?.argb : undefined;
        if (cell.font?.bold || fill) (snapshot.styles ??= {})[`${ws.name}!${cell.address}`] = { ...(cell.font?.bold ? { bold: true } : {}), ...(fill ? { fill: `#${fill.slice(-6)}` } : {}) };
      });
    });
    for (const k of cleared) {
      const [r, c] = k.split(",").map(Number);
      if (cells[r] && c < cells[r].length) cells[r][c] = null;
    }
    snapshot.sheets.push({ name: ws.name, cells });
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {})) {
      const ref = t.table.tableRef ?? t.table.ref;
      if (!ref) continue;
      const { start, end } = parseRange(ref);
      snapshot.tables.push({ name: t.table.name, sheet: ws.name, row: start.row, col: start.col, width: end.col - start.col + 1, height: end.row - start.row + 1 });
    }
  }
  if (snapshot.sheets.length === 0) throw new DomainError("MISSING_VALUE", "arbetsboken har inga blad", { file });
  // Workbook-wide defined names that refer to ranges (=SAMKALK.FORDELA(1000;Vikter)).
  for (const { name, ranges } of (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? []) {
    if (ranges.length === 1 && !name.startsWith("_xlnm.")) (snapshot.names ??= {})[name] = ranges[0];
  }
  if (snapshot.names) spellOutNames(snapshot, snapshot.names);
  return snapshot;
}

/**
 * HyperFormula passes a named range to its own functions but hands a plugin function the name's
 * value, which for a range is #VALUE!: in SAMKALK formulas a name is written out as its range.
 * The name itself stays defined, and other formulas keep using it.
 */
function spellOutNames(snapshot: WorkbookSnapshot, names: Record<string, string>): void {
  const byName = new Map(Object.entries(names).map(([n, range]) => [n.toLowerCase(), range]));
  for (const sheet of snapshot.sheets) {
    for (const row of sheet.cells) {
      row.forEach((cell, c) => {
        if (!isFormula(cell) || !/SAMKALK\./i.test(cell.formula)) return;
        const text = cell.formula.replace(/^=/, "");
        const refs = formulaReferences(text);
        if (refs.names.length === 0) return;
        row[c] = { formula: `=${rewriteFormula(text, refs, (ref) => text.slice(ref.start, ref.end), (token) => byName.get(token.name.toLowerCase()) ?? token.name)}` };
      });
    }
  }
}

/** A formula's cached result as the file holds it. */
function cachedValue(value: ExcelJS.CellValue, dates: WorkbookDates): CellValue {
  if (typeof value === "object" && value !== null && "error" in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
  const c = constant(value, dates);
  return c === null || typeof c !== "object" ? (c as CellValue) : null;
}

function result(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return { error: value.error } as unknown as ExcelJS.CellValue;
  return value;
}

export interface WriteOptions {
  /** Replace SAMKALK formulas by their values, for colleagues without the add-in. */
  valuesOnly?: boolean;
  /**
   * Cells whose cached result from the original file is kept ("Sheet!C2" → value), because the
   * engine could not evaluate them; the file then asks Excel to recalculate everything on open.
   */
  keepCached?: Record<string, CellValue>;
  /** SAMKALK's Swedish names, written as their invariant ids (the host hands in the catalogue). */
  functionNames?: FunctionNames;
}

/** Writes a snapshot (with its computed values) as xlsx: formulas keep their cached results. */
export async function writeWorkbookFile(snapshot: WorkbookSnapshot, options: WriteOptions = {}): Promise<Uint8Array> {
  checkSpillsFit(snapshot);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samkalk";
  // The serials of a 1904 snapshot are only the right days in a 1904 file.
  if (snapshot.dateSystem === "1904") workbook.properties.date1904 = true;
  // Values kept from the original file may be stale: Excel recalculates everything on open.
  if (options.keepCached && Object.keys(options.keepCached).length > 0) workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of snapshot.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const values = sheet.values ?? [];
    // The engine's sheet can stay wider than Excel's after a spill past the edge shrank: the cells
    // out there are empty (nothing can be typed there), and exceljs refuses to address them.
    const height = Math.min(Math.max(sheet.cells.length, values.length), 1_048_576);
    for (let r = 0; r < height; r++) {
      const width = Math.min(Math.max(sheet.cells[r]?.length ?? 0, values[r]?.length ?? 0), 16_384);
      for (let c = 0; c < width; c++) {
        const input = sheet.cells[r]?.[c] ?? null;
        const value = values[r]?.[c];
        const cell = ws.getCell(r + 1, c + 1);
        const address = `${sheet.name}!${rangeA1({ row: r, col: c }, 1, 1)}`;
        const spill = snapshot.spills?.[address];
        if (isFormula(input)) {
          const formula = formulaToFile(input.formula, options.functionNames);
          if (options.valuesOnly && /SAMKALK\./i.test(formula)) {
            const { start, end } = parseRange(spill ?? rangeA1({ row: r, col: c }, 1, 1));
            for (let rr = start.row; rr <= end.row; rr++) for (let cc = start.col; cc <= end.col; cc++) ws.getCell(rr + 1, cc + 1).value = result(values[rr]?.[cc]);
          } else if (spill) {
            const { start, end } = parseRange(spill);
            const results = [];
            for (let rr = start.row; rr <= end.row; rr++) for (let cc = start.col; cc <= end.col; cc++) results.push(result(values[rr]?.[cc]));
            // The typings omit fillFormula's fourth parameter (shareType), which exceljs supports.
            (ws.fillFormula as (range: string, f: string, r: unknown[], shareType: string) => void)(spill, formula, results, "array");
          } else {
            const kept = options.keepCached?.[address];
            cell.value = { formula, result: result(kept !== undefined ? kept : value) } as ExcelJS.CellFormulaValue;
          }
        } else if (input !== null) {
          cell.value = isAmount(input) ? amountToCellNumber(input) : input;
        } else if (value !== null && value !== undefined && !insideSpill(snapshot, sheet.name, r, c)) {
          cell.value = result(value);
        }
        const format = snapshot.numberFormats[address];
        if (format) cell.numFmt = format;
        const style = snapshot.styles?.[address];
        if (style?.bold) cell.font = { bold: true };
        if (style?.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill.replace("#", "").toUpperCase()}` } };
      }
    }
  }
  for (const t of snapshot.tables) {
    const ws = workbook.getWorksheet(t.sheet);
    if (!ws) continue;
    const headerRow = snapshot.sheets.find((s) => s.name === t.sheet)?.cells[t.row] ?? [];
    const columns = Array.from({ length: t.width }, (_, i) => ({ name: String(headerRow[t.col + i] ?? `Kolumn${i + 1}`) }));
    const rows = Array.from({ length: t.height - 1 }, (_, r) => Array.from({ length: t.width }, (_, c) => ws.getCell(t.row + 2 + r, t.col + 1 + c).value));
    ws.addTable({ name: t.name, ref: rangeA1({ row: t.row, col: t.col }, 1, 1), headerRow: true, columns, rows: rows as never });
  }
  for (const [name, range] of Object.entries(snapshot.names ?? {})) workbook.definedNames.add(range, name);
  if (Object.keys(snapshot.settings).length > 0) {
    const ws = workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    for (const [k, v] of Object.entries(snapshot.settings)) ws.addRow([k, v]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function insideSpill(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number): boolean {
  for (const [anchor, range] of Object.entries(snapshot.spills ?? {})) {
    if (!anchor.startsWith(`${sheet}!`)) continue;
    const { start, end } = parseRange(range);
    if (row >= start.row && row <= end.row && col >= start.col && col <= end.col) return true;
  }
  return false;
}

/**
 * The engine lets a result spill past the sheet's last row and column; Excel has no such cells and
 * exceljs would stop with an English message. Refused in Swedish, naming the formula's cell.
 */
function checkSpillsFit(snapshot: WorkbookSnapshot): void {
  for (const [anchor, range] of Object.entries(snapshot.spills ?? {})) {
    const [, endText] = range.split(":");
    const end = /^([A-Z]+)(\d+)$/.exec(endText ?? "");
    if (!end) continue;
    const col = [...end[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(end[2]);
    if (col <= 16_384 && row <= 1_048_576) continue;
    const at = anchor.lastIndexOf("!");
    throw new DomainError(
      "OUT_OF_RANGE",
      `blad ${anchor.slice(0, at)}, cell ${anchor.slice(at + 1)}: resultatet skulle spilla ${row > 1_048_576 ? "förbi bladets sista rad (1 048 576)" : "förbi bladets sista kolumn (XFD)"} och kan inte sparas i en Excel-fil; flytta formeln uppåt eller åt vänster`,
    );
  }
}
