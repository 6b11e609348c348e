import { CellMark, ChartSpec, RangeData, SheetSpec, SheetWriteOptions, TableSpec, WorkbookPort } from "./port";
import { refuseKeptTables } from "./keptTables";
import { UNDO_CLEARING_CALLS, UndoClearingCall } from "./undoCalls";
import type { WorkbookSnapshot } from "../core/cells";
import { CellInput, CellValue, TableData, amountToCellNumber, isAmount, isFormula, looksLikeFormula } from "../core/cells";
import { parseA1, parseRange, rangeA1 } from "../core/a1";
import { validateChartSpec, validateSheetSpec, validateTableSpec } from "./validation";
import { formulaToSwedish } from "./localFormula";
import { chunkRows, readInPieces, readTablesInPieces, writeTablesInPlace } from "./officeTables";
import { copyNames } from "../core/names";
import { DocumentSettings, SETTING_PREFIX, hasLegacySettings, queueSettingsRead, readSettings, saveSettings } from "./officeSettings";
import { WRITTEN_SHEETS_SETTING, parseWrittenSheets, refuseUserSheets, updatedWrittenSheets } from "./writtenSheets";
import { refuseProtectedStructure } from "./protectedStructure";

/** The part of the Office.js runtime this port uses; tests pass a counting fake. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The user's Office language, e.g. "sv-SE". */
  displayLanguage?: string;
  /** Excel.createWorkbook: opens a new workbook from an xlsx file in base64. */
  createWorkbook?(base64: string): Promise<void>;
  /** Office.context.requirements.isSetSupported. */
  supports?(set: string, version: string): boolean;
  /** The Common API's document settings, where older versions kept the model's settings (read once to migrate). */
  settings?: DocumentSettings;
}

export const officeHost = (): OfficeHost => ({
  run: (batch) => Excel.run(batch),
  displayLanguage: Office.context.displayLanguage,
  supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  createWorkbook: (base64) => Excel.createWorkbook(base64),
  settings: Office.context.document.settings as unknown as DocumentSettings,
});


/**
 * Text is written with a leading apostrophe when Excel would otherwise read it as a formula (or
 * as a number or date), so imported text never becomes a formula.
 */
export const textProtection = {
  /** Excel reads text starting with = + - @ as a formula and digits as a number: such text gets the apostrophe. */
  needsApostrophe: (text: string): boolean => looksLikeFormula(text) || /^[\d\s.,]+$/.test(text) || text.startsWith("'"),
};

export function toOfficeCell(input: CellInput): string | number | boolean {
  if (input === null || input === undefined) return "";
  if (isFormula(input)) return input.formula.startsWith("=") ? input.formula : `=${input.formula}`;
  if (typeof input === "string") return textProtection.needsApostrophe(input) ? `'${input}` : input;
  if (isAmount(input)) return amountToCellNumber(input);
  return input;
}

function fromOffice(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" && /^#(N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|BUSY!)$/.test(value)) return { error: value };
  return value as CellValue;
}

function blockAddress(topLeft: string, height: number, width: number): string {
  return rangeA1(parseA1(topLeft), height, width);
}

/**
 * The workbook port on Excel. Each operation queues all its reads, syncs, queues all its writes
 * and syncs again: two round trips whatever the number of rows.
 */
/** The colour Excel reports for a cell without fill. */
const NO_FILL = "#FFFFFF";

export class OfficeWorkbook implements WorkbookPort {
  readonly host = "excel" as const;

  constructor(private readonly office: OfficeHost = officeHost()) {}

  async sheetNames(): Promise<string[]> {
    return this.office.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  /** Tables are read in pieces that each stay under Excel on the web's 5 MB response limit. */
  async readTables(names: readonly string[]): Promise<(TableData | null)[]> {
    return this.readTablesWith(names);
  }

  /** The settings ride along with the tables' first batch; settings still to be moved from an older version take their own read. */
  async readTablesAndSettings(names: readonly string[]): Promise<{ tables: (TableData | null)[]; settings: Record<string, string> }> {
    if (hasLegacySettings(this.office)) return { tables: await this.readTables(names), settings: await this.getSettings() };
    let settings = (): Record<string, string> => ({});
    const tables = await this.readTablesWith(names, (context) => (settings = queueSettingsRead(context)));
    return { tables, settings: settings() };
  }

  private async readTablesWith(names: readonly string[], alsoInFirstBatch?: (context: Excel.RequestContext) => void): Promise<(TableData | null)[]> {
    const read = await readTablesInPieces(this.tableRun(), names, alsoInFirstBatch);
    return read.map((r) => {
      if (!r) return null;
      const values = r.values.map((row) => row.map(fromOffice));
      const rows = values.slice(1);
      // Excel keeps one body row in an empty table: a lone blank row is no data.
      const empty = rows.length === 1 && rows[0].every((v) => v === null);
      return { name: r.name, sheet: r.sheet, topLeft: rangeA1(r.start, 1, 1), headers: (values[0] ?? []).map((h) => String(h ?? "")), rows: empty ? [] : rows };
    });
  }

  /** Tables are written in place (body + resize), staged in pieces; see officeTables.ts. */
  async writeTables(specs: readonly TableSpec[]): Promise<void> {
    specs.forEach(validateTableSpec);
    this.clearedUndo = [];
    this.clearedUndo = await writeTablesInPlace(this.tableRun(), specs, toOfficeCell);
  }

  private clearedUndo: UndoClearingCall[] = [];

  lastWriteUndo(): readonly string[] {
    return this.clearedUndo;
  }

  private tableRun() {
    return { run: this.office.run.bind(this.office), canResize: this.office.supports?.("ExcelApi", "1.13") ?? false };
  }

  async writeSheets(specs: readonly SheetSpec[], options: SheetWriteOptions = {}): Promise<void> {
    specs.forEach(validateSheetSpec);
    const written = new Set(specs.map((s) => s.sheet.toLowerCase()));
    const remove = (options.remove ?? []).filter((name) => !written.has(name.toLowerCase()));
    const state = { previous: specs.map((): { address: string; formulas: unknown[][] } | null => null), existed: specs.map(() => false), writing: false };
    this.clearedUndo = [...UNDO_CLEARING_CALLS.filter((c) => c !== "worksheet.copy" && c !== "table.resize" && c !== "charts.add")];
    try {
      await this.writeSheetsOnce(specs, state, remove, options);
      await this.verifySamkalkFormulas(specs);
    } catch (error) {
      if (state.writing) await this.restoreSheets(specs, state);
      throw error;
    }
  }

  /** Puts sheets back as they were read before a failed write; sheets the write created are removed. */
  private async restoreSheets(specs: readonly SheetSpec[], state: { previous: ({ address: string; formulas: unknown[][] } | null)[]; existed: boolean[] }): Promise<void> {
    await this.office.run(async (context) => {
      specs.forEach((spec, i) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
        if (!state.existed[i]) {
          ws.delete();
          return;
        }
        ws.getRange().clear();
      });
      await context.sync();
      // The old content in pieces under Excel on the web's 5 MB per request.
      for (const [i, spec] of specs.entries()) {
        const old = state.previous[i];
        if (!state.existed[i] || !old) continue;
        const { start } = parseRange(old.address);
        for (const [from, to] of chunkRows(old.formulas)) {
          context.workbook.worksheets.getItem(spec.sheet).getRange(rangeA1({ row: start.row + from, col: start.col }, to - from, old.formulas[0].length)).formulas = old.formulas.slice(from, to) as never;
          await context.sync();
        }
      }
    });
  }

  /** What a sheet holds now, read in pieces when it is too large for one response. */
  private async previousContent(sheet: string, address: string): Promise<{ address: string; formulas: unknown[][] }> {
    const { start, end } = parseRange(address);
    const [read] = await readInPieces(this.tableRun(), [{ sheet, start, end }], ["formulas"]);
    return { address, formulas: read.formulas };
  }

  private async writeSheetsOnce(specs: readonly SheetSpec[], state: { previous: ({ address: string; formulas: unknown[][] } | null)[]; existed: boolean[]; writing: boolean }, remove: readonly string[], options: SheetWriteOptions): Promise<void> {
    await this.office.run(async (context) => {
      const sheets = specs.map((spec) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
        ws.load("isNullObject,name");
        return ws;
      });
      const stale = remove.map((name) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        ws.load("isNullObject,name");
        return ws;
      });
      const writtenSetting = context.workbook.settings.getItemOrNullObject(SETTING_PREFIX + WRITTEN_SHEETS_SETTING).load("isNullObject,value");
      const protection = context.workbook.protection.load("protected");
      await context.sync();
      refuseProtectedStructure(protection.protected, sheets.some((ws) => ws.isNullObject) || stale.some((ws) => !ws.isNullObject));
      const writtenBefore = writtenSetting.isNullObject ? [] : parseWrittenSheets(String(writtenSetting.value));
      // The old content comes back in this response; a sheet too large for one (over 5 MB on the
      // web) is read again in pieces.
      const readUsed = (withFormulas: boolean) => sheets.map((ws) => (ws.isNullObject ? null : ws.getUsedRangeOrNullObject().load(withFormulas ? "isNullObject,address,formulas" : "isNullObject,address")));
      const loadTables = () => {
        specs.forEach((_, i) => {
          state.existed[i] = !sheets[i].isNullObject;
          if (state.existed[i]) sheets[i].tables.load("items/name");
        });
        for (const ws of stale) if (!ws.isNullObject) ws.tables.load("items/name");
        return stale.map((ws) => (ws.isNullObject ? null : ws.getUsedRangeOrNullObject(true).load("isNullObject")));
      };
      let used = readUsed(true);
      let staleUsed = loadTables();
      let inPieces = false;
      try {
        await context.sync();
      } catch (error) {
        if (!/PayloadSizeLimitExceeded/i.test(`${(error as { code?: string }).code ?? ""} ${error}`)) throw error;
        used = readUsed(false);
        staleUsed = loadTables();
        await context.sync();
        inPieces = true;
      }
      refuseKeptTables([...sheets, ...stale].flatMap((ws) => (ws.isNullObject ? [] : ws.tables.items.map((t) => ({ sheet: ws.name, table: t.name })))), options.keepTables);
      if (options.ownSheetsOnly) {
        const present = [...sheets.map((ws, i) => ({ ws, used: used[i] })), ...stale.map((ws, i) => ({ ws, used: staleUsed[i] }))].filter((s) => !s.ws.isNullObject);
        refuseUserSheets(present.map(({ ws, used: u }) => ({ sheet: ws.name, hasContent: (u !== null && !u.isNullObject) || ws.tables.items.length > 0 })), [...writtenBefore, ...(options.knownOwn ?? [])]);
      }
      for (const [i, u] of used.entries()) {
        if (!u || u.isNullObject) continue;
        state.previous[i] = inPieces ? await this.previousContent(specs[i].sheet, u.address.split("!").pop()!) : { address: u.address, formulas: u.formulas };
      }
      // Everything that changes the workbook happens from here, after the old content is known:
      // one batch, or for a sheet over the request budget one batch and then its further pieces.
      state.writing = true;
      const later: ((ws: Excel.Worksheet) => void)[] = [];
      const laterSheet: string[] = [];
      for (const [i, spec] of specs.entries()) {
        const existed = state.existed[i];
        const ws = existed ? sheets[i] : context.workbook.worksheets.add(spec.sheet);
        if (existed) {
          for (const t of ws.tables.items) t.delete();
          ws.getRange().clear();
        }
        const topLeft = spec.topLeft ?? "A1";
        const width = Math.max(1, ...spec.cells.map((r) => r.length));
        const cells = spec.cells.map((r) => Array.from({ length: width }, (_, c) => toOfficeCell(r[c] ?? null)));
        const start = parseA1(topLeft);
        // The cells in pieces under the request budget: the first goes with the sheet's structure,
        // the rest each in a request of its own below.
        chunkRows(cells).forEach(([from, to], k) => {
          const write = (w: Excel.Worksheet) => (w.getRange(rangeA1({ row: start.row + from, col: start.col }, to - from, width)).formulas = cells.slice(from, to) as never);
          if (k === 0) write(ws);
          else {
            later.push(write);
            laterSheet.push(spec.sheet);
          }
        });
        spec.numberFormats?.forEach((format, c) => {
          if (format && cells.length > 0) ws.getRange(rangeA1({ row: start.row, col: start.col + c }, cells.length, 1)).numberFormat = format as never;
        });
        for (const f of spec.cellFormats ?? []) ws.getRange(f.address).numberFormat = f.format as never;
        for (const r of spec.boldRows ?? []) ws.getRange(rangeA1({ row: start.row + r, col: start.col }, 1, width)).format.font.bold = true;
        if (spec.flagColumn && cells.length > 0) {
          const column = ws.getRange(rangeA1({ row: start.row, col: start.col + spec.flagColumn.column }, cells.length, 1));
          for (const rule of spec.flagColumn.rules) {
            const cf = column.conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType.containsText);
            cf.textComparison.format.fill.color = rule.fill;
            cf.textComparison.rule = { operator: "Contains" as Excel.ConditionalTextOperator.contains, text: rule.text };
          }
        }
        for (const t of spec.tables ?? []) {
          const table = ws.tables.add(ws.getRange(blockAddress(t.topLeft, t.height, t.width)), true);
          table.name = t.name;
        }
      }
      context.workbook.settings.add(SETTING_PREFIX + WRITTEN_SHEETS_SETTING, updatedWrittenSheets(writtenBefore, specs.map((s) => s.sheet), remove));
      // Last: if a write above fails, no sheet of the earlier run is gone.
      const dropStale = () => { for (const ws of stale) if (!ws.isNullObject) ws.delete(); };
      if (later.length === 0) dropStale();
      await context.sync();
      for (const [k, write] of later.entries()) {
        write(context.workbook.worksheets.getItem(laterSheet[k]));
        if (k === later.length - 1) dropStale();
        await context.sync();
      }
    });
  }

  /**
   * The pane writes formulas with the SAMKALK functions' English names, as Range.formulas expects.
   * Should a Swedish Excel answer #NAME? for them, they are written again through formulasLocal
   * in Swedish (SAMKALK.FORDELA, ";" and decimal comma), so the sheet works for the user and shows
   * the names the user knows. One extra round trip, only for sheets with SAMKALK formulas.
   */
  private async verifySamkalkFormulas(specs: readonly SheetSpec[]): Promise<void> {
    const cells = specs.flatMap((spec) => {
      const start = parseA1(spec.topLeft ?? "A1");
      return spec.cells.flatMap((row, r) => row.flatMap((cell, c) => (isFormula(cell) && /SAMKALK\./i.test(cell.formula) ? [{ sheet: spec.sheet, address: rangeA1({ row: start.row + r, col: start.col + c }, 1, 1), formula: cell.formula }] : [])));
    });
    if (cells.length === 0 || !/^sv/i.test(this.office.displayLanguage ?? "")) return;
    await this.office.run(async (context) => {
      const ranges = cells.map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(c.address).load("values"));
      await context.sync();
      const broken = cells.filter((_, i) => /^#(NAME\?|NAMN\?)$/.test(String(ranges[i].values[0][0])));
      if (broken.length === 0) return;
      for (const c of broken) context.workbook.worksheets.getItem(c.sheet).getRange(c.address).formulasLocal = [[formulaToSwedish(c.formula.startsWith("=") ? c.formula : `=${c.formula}`)]] as never;
      await context.sync();
    });
  }

  async deleteTable(name: string): Promise<void> {
    await this.office.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("isNullObject");
      await context.sync();
      if (table.isNullObject) return;
      this.clearedUndo = ["table.delete"];
      table.getRange().clear();
      table.delete();
      await context.sync();
    });
  }

  async readSelection(): Promise<RangeData> {
    return this.office.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address,values,formulas");
      const sheet = range.worksheet.load("name");
      await context.sync();
      return toRangeData(sheet.name, range);
    });
  }

  /** Read in pieces under Excel on the web's response limit, values and formulas. */
  async readRange(sheet: string, address: string): Promise<RangeData> {
    const { start, end } = parseRange(address);
    const [read] = await readInPieces(this.tableRun(), [{ sheet, start, end }], ["values", "formulas"]);
    return {
      sheet,
      address: rangeA1(start, end.row - start.row + 1, end.col - start.col + 1),
      values: read.values.map((row) => row.map(fromOffice)),
      formulas: read.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
    };
  }

  async markCells(marks: readonly CellMark[]): Promise<(string | null)[]> {
    return this.office.run(async (context) => {
      const ranges = marks.map((m) => context.workbook.worksheets.getItem(m.sheet).getRange(m.address));
      const fills = ranges.map((r) => r.getCell(0, 0).format.fill.load("color"));
      await context.sync();
      // Excel answers #FFFFFF for a cell without fill (RangeFill.color); it is put back as no fill.
      const before = fills.map((f) => (f.color && f.color.toUpperCase() !== NO_FILL ? f.color : null));
      marks.forEach((m, i) => {
        if (m.fill === null) ranges[i].format.fill.clear();
        else ranges[i].format.fill.color = m.fill;
      });
      await context.sync();
      return before;
    });
  }

  async selectRange(sheet: string, address: string): Promise<void> {
    await this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Copies in this workbook with SAMKALK formulas replaced by their values (a colleague without
   * the add-in would see #NAMN?); other formulas are kept. The sheet copy keeps the number
   * formats, so 26,18 % stays a percentage and dates stay dates. A kept formula that spills gets
   * its spill area left empty (Range.getSpillingToRangeOrNullObject, ExcelApi 1.12): written back
   * as values, the spilled cells would block it (#SPILL!). Text is written back as text.
   */
  async copySheetsAsValues(sheets: readonly string[], suffix: string, replace: readonly string[] = []): Promise<string[]> {
    this.clearedUndo = replace.length > 0 ? ["worksheet.copy", "worksheet.delete"] : ["worksheet.copy"];
    const spills = this.office.supports?.("ExcelApi", "1.12") ?? false;
    return this.office.run(async (context) => {
      const existing = context.workbook.worksheets.load("items/name");
      // A protected structure refuses the copy, the batch's first change: nothing is half-made.
      const copies = sheets.map((name) => {
        const copy = context.workbook.worksheets.getItem(name).copy("End" as Excel.WorksheetPositionType.end);
        copy.load("name");
        const used = copy.getUsedRangeOrNullObject().load("isNullObject,address,values,formulas");
        return { name, copy, used };
      });
      await context.sync();
      // Excel refuses a sheet name already taken: a second copy gets "… (2)", as the embedded port
      // does; an earlier copy being replaced gives its name up.
      const copied = copyNames(sheets, suffix, existing.items.map((s) => s.name), replace);
      const names = copied.names;
      const replaced = existing.items.filter((s) => copied.replaced.includes(s.name));
      const kept = copies.map(({ used }) => {
        if (used.isNullObject) return null;
        const matrix: unknown[][] = used.formulas.map((row, r) => row.map((f, c) => {
          const value = used.values[r][c];
          const isText = typeof value === "string" && value === f;
          if (isText) return toOfficeCell(value as string);
          return typeof f === "string" && f.startsWith("=") && !/SAMKALK\./i.test(f) ? f : value;
        }));
        const anchors = spills ? matrix.flatMap((row, r) => row.flatMap((v, c) => (typeof v === "string" && v.startsWith("=") ? [{ r, c, spill: used.getCell(r, c).getSpillingToRangeOrNullObject().load("isNullObject,address") }] : []))) : [];
        return { matrix, anchors };
      });
      if (kept.some((k) => k && k.anchors.length > 0)) await context.sync();
      copies.forEach(({ copy, used }, i) => {
        if (replaced.length === 0) copy.name = names[i];
        const k = kept[i];
        if (!k) return;
        const origin = parseRange(used.address).start;
        for (const { r, c, spill } of k.anchors) {
          if (spill.isNullObject) continue;
          const area = parseRange(spill.address);
          for (let y = area.start.row; y <= area.end.row; y++) for (let x = area.start.col; x <= area.end.col; x++) {
            const [ry, cx] = [y - origin.row, x - origin.col];
            if ((ry !== r || cx !== c) && k.matrix[ry]?.[cx] !== undefined) k.matrix[ry][cx] = "";
          }
        }
        used.formulas = k.matrix as never;
      });
      await context.sync();
      if (replaced.length > 0) {
        // The earlier copies go only once the new ones are whole; then the new ones take their names.
        for (const ws of replaced) ws.delete();
        copies.forEach(({ copy }, i) => (copy.name = names[i]));
        await context.sync();
      }
      return names;
    });
  }

  /** The sheets' values and number formats, read in pieces, written as xlsx and opened as a new workbook. */
  async newWorkbookAsValues(sheets: readonly string[]): Promise<boolean> {
    const create = this.office.createWorkbook;
    if (!create || !this.office.supports?.("ExcelApi", "1.8")) return false;
    const blocks = await this.office.run(async (context) => {
      const used = sheets.map((name) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("isNullObject,address"));
      await context.sync();
      return used.map((u, i) => (u.isNullObject ? null : { sheet: sheets[i], ...parseRange(u.address) }));
    });
    const present = blocks.flatMap((b) => (b ? [b] : []));
    const read = await readInPieces(this.tableRun(), present, ["values", "numberFormat"]);
    const snapshot: WorkbookSnapshot = { sheets: [], tables: [], settings: {}, numberFormats: {} };
    let k = 0;
    for (const [i, name] of sheets.entries()) {
      const block = blocks[i];
      const cells: CellInput[][] = [];
      if (block) {
        const { values, numberFormat } = read[k++];
        values.forEach((row, r) => row.forEach((v, c) => {
          const at = { row: block.start.row + r, col: block.start.col + c };
          (cells[at.row] ??= [])[at.col] = v === "" ? null : (v as CellInput);
          const format = numberFormat[r]?.[c];
          if (typeof format === "string" && format !== "General") snapshot.numberFormats[`${name}!${rangeA1(at, 1, 1)}`] = format;
        }));
      }
      snapshot.sheets.push({ name, cells: Array.from(cells, (row) => Array.from(row ?? [], (v) => v ?? null)) });
    }
    const { writeWorkbookFile } = await import("../io/xlsxWorkbook");
    await create(toBase64(await writeWorkbookFile(snapshot)));
    return true;
  }

  /** One batch: an earlier chart of the same name goes, the new one is placed over its cell. */
  async addChart(spec: ChartSpec): Promise<void> {
    validateChartSpec(spec);
    await this.office.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(spec.sheet);
      const old = ws.charts.getItemOrNullObject(spec.name);
      old.load("isNullObject");
      await context.sync();
      if (!old.isNullObject) old.delete();
      const chart = ws.charts.add("Line" as Excel.ChartType.line, ws.getRange(spec.dataAddress), "Columns" as Excel.ChartSeriesBy.columns);
      chart.name = spec.name;
      chart.title.text = spec.title;
      chart.setPosition(spec.topLeft);
      await context.sync();
    });
  }

  /** Workbook settings travel inside the file, so a colleague opening it gets them too (officeSettings.ts). */
  async getSettings(): Promise<Record<string, string>> {
    return readSettings(this.office);
  }

  async saveSettings(settings: Record<string, string>): Promise<void> {
    await saveSettings(this.office, settings);
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function toRangeData(sheet: string, range: Excel.Range): RangeData {
  return {
    sheet,
    address: range.address.split("!").pop()!,
    values: range.values.map((row) => row.map(fromOffice)),
    formulas: range.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
  };
}
