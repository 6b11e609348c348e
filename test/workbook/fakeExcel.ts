import type { UndoClearingCall } from "../../src/workbook/undoCalls";
import { formulaReferences, shiftFormula } from "../../src/io/formulaReferences";
import { OfficeHost } from "../../src/workbook/officeWorkbook";
import { parseA1, parseRange, rangeA1 } from "../../src/core/a1";
import { fakeSettingCollection } from "./fakeSettings";

/**
 * An in-memory stand-in for the part of Excel's object model that OfficeWorkbook uses, strict
 * where Excel is strict:
 * - writes and loads are queued and happen at context.sync(), in order, as one request;
 * - a request or a response over 5 MB fails with RequestPayloadSizeLimitExceeded, as Excel on
 *   the web does (the size estimated as Excel's JSON of the values, formulas and formats queued);
 * - text written through `values` or `formulas` that starts with = + - @ becomes a formula, and
 *   number-like text a number, as Excel reads what is typed (only a leading apostrophe keeps text);
 * - a table has an id and keeps it until it is deleted; deleting it turns structured references
 *   to it into #REF! and breaks validation lists that point at it, as Excel does;
 * - calls that clear Excel's undo stack are recorded in `undoClearedBy`;
 * - a failing sync (failSyncNumber) applies the first half of its batch, then throws.
 * Loaded properties can only be read after sync, and every sync is counted.
 */
interface Cell {
  formula?: string;
  value: string | number | boolean;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  /** Written through formulasLocal (the user's language). */
  local?: boolean;
  /** A dynamic array formula's anchor: the range its result spills into, e.g. "E1:E2". */
  spill?: string;
}

interface FakeTable {
  id: string;
  name: string;
  sheet: string;
  row: number;
  col: number;
  height: number;
  width: number;
  style: string;
  /** Calculated columns (index in the table → formula), filled into rows the table grows by. */
  calculated: Record<number, string>;
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class PayloadTooLargeError extends Error {
  code = "RequestPayloadSizeLimitExceeded";
  constructor(which: "request" | "response", bytes: number) {
    super(`RequestPayloadSizeLimitExceeded: the ${which} payload (${bytes} bytes) is over the limit of ${PAYLOAD_LIMIT} bytes`);
  }
}

type Op = { bytes: number; run: () => number | void };

/** "1.13" → 13: requirement set versions compare by their minor number. */
const minor = (version: string) => Number(version.split(".")[1] ?? 0);

const payloadOf = (v: unknown) => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v), "utf8"));

export class FakeExcel {
  sheets = new Map<string, Map<string, Cell>>();
  tables = new Map<string, FakeTable>();
  hiddenSheets = new Set<string>();
  /** Data validation lists, e.g. { sheet: "Blad1", address: "D2", source: "=INDIRECT(\"Avtal[Leverantör]\")" }. */
  validations: { sheet: string; address: string; source: string; broken?: boolean }[] = [];
  settingsStore: Record<string, unknown> = {};
  /** workbook.settings: one per workbook, shared by every client's context (fakeSettings.ts). */
  workbookSettings = new Map<string, unknown>();
  /** A copied sheet renamed after its ranges were taken: they go on to the renamed sheet, as in Excel. */
  private renamed = new Map<string, string>();

  sheetCells(sheet: string): Map<string, Cell> | undefined {
    return this.sheets.get(this.renamed.get(sheet) ?? sheet);
  }
  syncs = 0;
  /** Each sync's request and response size in bytes. */
  requests: { request: number; response: number; refused?: boolean }[] = [];
  /** The calls, in order, after which Excel's Ctrl+Z could no longer undo what came before. */
  undoClearedBy: UndoClearingCall[] = [];
  /** The highest ExcelApi requirement set this Excel supports (written 1.13, never 1.10). */
  excelApi = 1.17;
  payloadLimit = PAYLOAD_LIMIT;
  selection = { sheet: "Blad1", address: "A1" };
  conditionalFormats: { sheet: string; address: string; text: string; fill: string }[] = [];
  charts: { sheet: string; name: string; type: string; source: string; seriesBy: string; title: string; position: string }[] = [];
  /** Makes the sync with this number (counting from 1 over the fake's life) fail, as a broken batch. */
  failSyncNumber: number | null = null;
  /** Granska → Skydda arbetsbok: sheets can be neither added, deleted, copied nor renamed (workbook.protection, ExcelApi 1.7). */
  structureProtected = false;
  /** Workbooks opened with Excel.createWorkbook, as the base64 xlsx given. */
  createdWorkbooks: string[] = [];
  private nextTableId = 1;

  constructor(sheetNames: string[] = ["Blad1"]) {
    for (const n of sheetNames) this.sheets.set(n, new Map());
  }

  cell(sheet: string, address: string): Cell | undefined {
    const p = parseA1(address);
    return this.sheets.get(sheet)?.get(`${p.row},${p.col}`);
  }

  /** Puts a cell as a user would type it (for arranging tests), outside any batch. */
  setCell(sheet: string, address: string, cell: Cell): void {
    const p = parseA1(address);
    this.sheets.get(sheet)!.set(`${p.row},${p.col}`, cell);
  }

  /** A table the user made, as Insert → Table does. */
  addUserTable(name: string, sheet: string, address: string, options: { style?: string; calculated?: Record<number, string> } = {}): FakeTable {
    const { start, end } = parseRange(address);
    const table: FakeTable = { id: String(this.nextTableId++), name, sheet, row: start.row, col: start.col, height: end.row - start.row + 1, width: end.col - start.col + 1, style: options.style ?? "TableStyleMedium2", calculated: options.calculated ?? {} };
    this.tables.set(name.toLowerCase(), table);
    for (const [c, formula] of Object.entries(table.calculated)) for (let r = 1; r < table.height; r++) this.sheets.get(sheet)!.set(`${table.row + r},${table.col + Number(c)}`, { formula, value: 0 });
    return table;
  }

  /** Simulates a Swedish Excel: the language, and formulas it answers #NAME? for. */
  displayLanguage = "en-US";
  nameErrorFor: RegExp | null = null;

  host(): OfficeHost {
    return {
      displayLanguage: this.displayLanguage,
      run: async (batch) => batch(this.context() as never),
      supports: (set, version) => set === "ExcelApi" && minor(version) <= minor(String(this.excelApi)),
      createWorkbook: async (base64) => {
        if (minor(String(this.excelApi)) < 8) throw new Error("ApiNotFound: Excel.createWorkbook needs ExcelApi 1.8");
        this.createdWorkbooks.push(base64);
      },
      settings: {
        get: (name) => this.settingsStore[name],
        set: (name, value) => void (this.settingsStore[name] = JSON.parse(JSON.stringify(value))),
        remove: (name) => void delete this.settingsStore[name],
        saveAsync: (cb) => cb?.({ status: "succeeded" }),
      },
    };
  }

  /** Excel reads text written as a value the way it reads what is typed. */
  private typed(v: unknown): Cell {
    if (typeof v === "string" && v.startsWith("'")) return { value: v.slice(1) };
    if (typeof v === "string" && /^[=+\-@]/.test(v) && v.length > 1) {
      const formula = v.startsWith("=") ? v : `=${v}`;
      return { formula, value: this.nameErrorFor?.test(formula) ? "#NAME?" : 0 };
    }
    if (typeof v === "string" && /^\d+([.,]\d+)?$/.test(v.trim())) return { value: Number(v.trim().replace(",", ".")) };
    return { value: v as string | number | boolean };
  }

  private deleteTable(key: string): void {
    const table = this.tables.get(key);
    if (!table) return;
    this.tables.delete(key);
    const ref = `${table.name.toLowerCase()}[`;
    for (const cells of this.sheets.values()) for (const [k, c] of cells) if (c.formula?.toLowerCase().includes(ref)) cells.set(k, { ...c, formula: "=#REF!", value: "#REF!" });
    for (const v of this.validations) if (v.source.toLowerCase().includes(ref)) v.broken = true;
  }

  private context() {
    const pending: Op[] = [];
    const fake = this;
    const queue = (bytes: number, run: () => void) => void pending.push({ bytes: bytes + 40, run });
    const clearsUndo = (call: UndoClearingCall) => queue(0, () => void fake.undoClearedBy.push(call));
    const structureLocked = () => {
      if (fake.structureProtected) throw new Error("AccessDenied: the workbook's structure is protected");
    };
    const loadable = <T extends object>(target: T, compute: Record<string, () => unknown>): T & { load: (p?: string) => T } => {
      const loaded = new Map<string, unknown>();
      for (const prop of Object.keys(compute)) {
        Object.defineProperty(target, prop, {
          get: () => {
            if (!loaded.has(prop)) throw new Error(`property ${prop} was not loaded`);
            return loaded.get(prop);
          },
          set: (v) => loaded.set(prop, v),
          configurable: true,
        });
      }
      return Object.assign(target, {
        load(props = Object.keys(compute).join(",")) {
          // "items/name" loads the collection's items and, as in Office.js, their name with them.
          const paths = new Map<string, string[]>();
          for (const [p, sub] of props.split(",").map((x) => x.trim().split("/"))) paths.set(p, [...(paths.get(p) ?? []), ...(sub ? [sub] : [])]);
          for (const [p, subs] of paths) {
            if (!compute[p]) continue;
            pending.push({ bytes: 40, run: () => {
              const v = compute[p]();
              loaded.set(p, v);
              if (subs.length > 0 && Array.isArray(v)) {
                for (const item of v) if (typeof (item as { load?: unknown }).load === "function") (item as { load: (p: string) => unknown }).load(subs.join(","));
                for (const op of pending.splice(0)) op.run();
              }
              return payloadOf(v);
            } });
          }
          return target;
        },
      });
    };

    /**
     * A range; without an address the sheet's used range, from its first used cell to its last,
     * as Excel answers getUsedRange (valuesOnly: cells with a value or formula, not only a format).
     */
    const rangeProxy = (sheet: string, address?: string, nullObject: boolean | "whenBlank" = false, valuesOnly = false) => {
      const usedKeys = () => [...(fake.sheetCells(sheet) ?? new Map<string, Cell>())].filter(([, c]) => !valuesOnly || (c.formula ?? "") !== "" || (c.value ?? "") !== "").map(([k]) => k);
      const bounds = () => {
        if (address) return parseRange(address);
        let [minR, minC, maxR, maxC] = [Infinity, Infinity, 0, 0];
        for (const k of usedKeys()) {
          const [r, c] = k.split(",").map(Number);
          if (r < minR) minR = r;
          if (c < minC) minC = c;
          if (r > maxR) maxR = r;
          if (c > maxC) maxC = c;
        }
        return minR === Infinity ? { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } } : { start: { row: minR, col: minC }, end: { row: maxR, col: maxC } };
      };
      const isNull = () => (nullObject === "whenBlank" ? usedKeys().length === 0 : nullObject);
      const grid = <T>(f: (c: Cell | undefined) => T) => {
        const { start, end } = bounds();
        const cells = fake.sheetCells(sheet);
        if (!cells || isNull()) return [];
        return Array.from({ length: end.row - start.row + 1 }, (_, r) => Array.from({ length: end.col - start.col + 1 }, (_, c) => f(cells.get(`${start.row + r},${start.col + c}`))));
      };
      const eachCell = (f: (key: string, r: number, c: number) => void) => {
        const { start, end } = bounds();
        for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) f(`${r},${c}`, r - start.row, c - start.col);
      };
      const write = (matrixOrScalar: unknown, apply: (cell: Cell, v: unknown) => Cell) =>
        queue(payloadOf(matrixOrScalar), () => {
          const sheetCells = fake.sheetCells(sheet);
          if (!sheetCells) throw new Error(`ItemNotFound: the sheet ${sheet} does not exist`);
          eachCell((k, r, c) => {
            const v = Array.isArray(matrixOrScalar) ? (matrixOrScalar as unknown[][])[r]?.[c] : matrixOrScalar;
            if (v === undefined) throw new Error(`InvalidArgument: the matrix does not match the range ${address}`);
            sheetCells.set(k, apply(sheetCells.get(k) ?? { value: "" }, v));
          });
        });
      const contents = (c: Cell): Cell => {
        const next: Cell = { ...c };
        delete next.formula;
        delete next.local;
        return next;
      };
      const range: Record<string, unknown> = {
        __address: address,
        __sheet: sheet,
        clear: (what?: string) => queue(0, () => eachCell((k) => {
          const cells = fake.sheetCells(sheet)!;
          if (what === "Contents") {
            const c = cells.get(k);
            if (c) cells.set(k, { ...contents(c), value: "" });
          } else cells.delete(k);
        })),
        copyFrom: (source: Excel.Range, copyType = "All") => {
          const src = source as unknown as { __sheet: string; __address: string };
          queue(0, () => {
            const from = parseRange(src.__address);
            const fromCells = fake.sheetCells(src.__sheet)!;
            const cells = fake.sheetCells(sheet)!;
            const { start } = bounds();
            for (let r = 0; r <= from.end.row - from.start.row; r++) for (let c = 0; c <= from.end.col - from.start.col; c++) {
              const s = fromCells.get(`${from.start.row + r},${from.start.col + c}`) ?? { value: "" };
              const k = `${start.row + r},${start.col + c}`;
              const old = cells.get(k) ?? { value: "" };
              const formatOf = (x: Cell) => ({ numberFormat: x.numberFormat, fill: x.fill, bold: x.bold });
              // As a paste in Excel: relative references move with the copy ($ parts stay).
              const moved = s.formula ? { ...s, formula: shiftFormula(s.formula, formulaReferences(s.formula), start.row - from.start.row, start.col - from.start.col) } : s;
              const next: Cell = copyType === "All" ? { ...moved } : copyType === "Formats" ? { ...old, ...formatOf(s) } : copyType === "Values" ? { ...contents(old), value: s.value } : { ...contents(old), value: s.value, ...(moved.formula ? { formula: moved.formula } : {}) };
              for (const p of Object.keys(next) as (keyof Cell)[]) if (next[p] === undefined) delete next[p];
              cells.set(k, next);
            }
          });
        },
        getCell: (r: number, c: number) => rangeProxy(sheet, rangeA1({ row: bounds().start.row + r, col: bounds().start.col + c }, 1, 1)),
        getSpillingToRangeOrNullObject: () => {
          const anchor = fake.sheetCells(sheet)?.get(`${bounds().start.row},${bounds().start.col}`);
          return anchor?.spill ? rangeProxy(sheet, anchor.spill) : rangeProxy(sheet, "A1", true);
        },
        select: () => queue(0, () => void (fake.selection = { sheet, address: address ?? "A1" })),
        worksheet: worksheetProxy(sheet),
        format: {
          fill: fillProxy(),
          font: { set bold(v: boolean) { write(v, (c, x) => ({ ...c, bold: x as boolean })); } },
        },
        conditionalFormats: {
          add: () => {
            const entry = { sheet, address: address ?? "", text: "", fill: "" };
            clearsUndo("conditionalFormats.add");
            queue(0, () => void fake.conditionalFormats.push(entry));
            return { textComparison: { format: { fill: { set color(v: string) { entry.fill = v; } } }, set rule(r: { text: string }) { entry.text = r.text; } } };
          },
        },
      };
      /** As Excel: a cell without fill reads as #FFFFFF (of the range's first cell); clear() takes the fill away. */
      function fillProxy() {
        const setColor = (v: string) => write(v, (c, x) => ({ ...c, fill: x as string }));
        const fill = {
          load() {
            pending.push({ bytes: 40, run: () => {
              const color = fake.sheetCells(sheet)?.get(`${bounds().start.row},${bounds().start.col}`)?.fill ?? "#FFFFFF";
              Object.defineProperty(fill, "color", { get: () => color, set: setColor, configurable: true });
              return payloadOf(color);
            } });
            return fill;
          },
          clear: () => write(null, (c) => { const next = { ...c }; delete next.fill; return next; }),
        };
        Object.defineProperty(fill, "color", { get: () => { throw new Error("property color was not loaded"); }, set: setColor, configurable: true });
        return fill;
      }
      const proxy = loadable(range, {
        address: () => `${sheet}!${rangeA1(bounds().start, bounds().end.row - bounds().start.row + 1, bounds().end.col - bounds().start.col + 1)}`,
        // values, formulas and numberFormat load through their setters below (counted once).
        isNullObject: isNull,
      });
      const formulaGrid = () => grid((c) => (c ? c.formula ?? c.value : ""));
      const setter = (prop: string, set: (m: unknown) => void, compute?: () => unknown) => {
        Object.defineProperty(proxy, prop, { set, get: () => { throw new Error(`property ${prop} was not loaded`); }, configurable: true });
        if (!compute) return;
        const load = proxy.load;
        proxy.load = (props?: string) => {
          load(props);
          if (props?.split(",").map((p) => p.trim()).includes(prop)) {
            pending.push({ bytes: 40, run: () => { const v = compute(); Object.defineProperty(proxy, prop, { get: () => v, set, configurable: true }); return payloadOf(v); } });
          }
          return proxy;
        };
      };
      setter("formulas", (m) => write(m, (cell, v) => ({ ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}), ...(cell.fill ? { fill: cell.fill } : {}), ...(cell.bold ? { bold: cell.bold } : {}), ...fake.typed(v) })), formulaGrid);
      setter("values", (m) => write(m, (cell, v) => ({ ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}), ...(cell.fill ? { fill: cell.fill } : {}), ...(cell.bold ? { bold: cell.bold } : {}), ...fake.typed(v) })), () => grid((c) => (c ? c.value : "")));
      setter("numberFormat", (f) => write(f, (c, x) => ({ ...c, numberFormat: x as string })), () => grid((c) => c?.numberFormat ?? "General"));
      setter("formulasLocal", (m) => write(m, (cell, v) => ({ ...cell, formula: String(v), local: true, value: 0 })));
      return proxy as unknown as Excel.Range;
    };

    const tableProxy = (name: string) => {
      const entry = () => fake.tables.get(name.toLowerCase());
      // Fixed when the proxy is made, as an Office.js proxy refers to the object it got.
      const bound = entry();
      const live = () => {
        const t = entry();
        if (!t || (bound && t !== bound)) throw new Error(`ItemNotFound: the table ${name} does not exist`);
        return t;
      };
      const area = (rowOffset: number, height: (t: FakeTable) => number) => {
        const t = entry();
        if (!t) return rangeProxy("", "A1", true);
        return rangeProxy(t.sheet, rangeA1({ row: t.row + rowOffset, col: t.col }, Math.max(1, height(t)), t.width));
      };
      const t = loadable({
        getRange: () => area(0, (x) => x.height),
        getDataBodyRange: () => area(1, (x) => x.height - 1),
        getHeaderRowRange: () => area(0, () => 1),
        delete: () => { clearsUndo("table.delete"); queue(0, () => { live(); fake.deleteTable(name.toLowerCase()); }); },
        resize: (target: Excel.Range | string) => {
          clearsUndo("table.resize");
          queue(0, () => {
            const table = live();
            const address = typeof target === "string" ? target : (target as unknown as { __address: string }).__address;
            const { start, end } = parseRange(address);
            if (start.row !== table.row) throw new Error("InvalidArgument: the header row must stay in its row");
            const overlaps = start.col <= table.col + table.width - 1 && end.col >= table.col && end.row >= table.row;
            if (!overlaps) throw new Error("InvalidArgument: the new range must overlap the table");
            const cells = fake.sheets.get(table.sheet)!;
            const oldHeight = table.height;
            Object.assign(table, { col: start.col, height: end.row - start.row + 1, width: end.col - start.col + 1 });
            for (const [c, formula] of Object.entries(table.calculated)) for (let r = oldHeight; r < table.height; r++) cells.set(`${table.row + r},${table.col + Number(c)}`, { formula, value: 0 });
          });
        },
        get worksheet() { return worksheetProxy(entry()?.sheet ?? ""); },
      }, { isNullObject: () => !entry(), name: () => entry()?.name, id: () => entry()?.id, style: () => entry()?.style });
      return t;
    };

    function worksheetProxy(name: string): Excel.Worksheet {
      const ws = loadable({
        getRange: (address?: string) => rangeProxy(name, address),
        // Excel answers a null object for a blank sheet (a sheet with only formats, with valuesOnly).
        getUsedRangeOrNullObject: (valuesOnly = false) => rangeProxy(name, undefined, "whenBlank", valuesOnly),
        set visibility(v: string) { queue(0, () => void (v === "Visible" ? fake.hiddenSheets.delete(name) : fake.hiddenSheets.add(name))); },
        charts: {
          add: (type: string, range: Excel.Range, seriesBy: string) => {
            const chart = { sheet: name, name: `Diagram ${fake.charts.length + 1}`, type, source: (range as unknown as { __address: string }).__address, seriesBy, title: "", position: "" };
            clearsUndo("charts.add");
            queue(0, () => void fake.charts.push(chart));
            return {
              set name(n: string) { chart.name = n; },
              title: { set text(t: string) { chart.title = t; } },
              setPosition: (cell: string) => void (chart.position = cell),
            };
          },
          getItemOrNullObject: (chartName: string) => loadable({
            delete: () => queue(0, () => void (fake.charts = fake.charts.filter((c) => !(c.sheet === name && c.name === chartName)))),
          }, { isNullObject: () => !fake.charts.some((c) => c.sheet === name && c.name === chartName) }),
        },
        activate: () => queue(0, () => void (fake.selection.sheet = name)),
        delete: () => {
          clearsUndo("worksheet.delete");
          queue(0, () => {
            structureLocked();
            if (!fake.sheets.has(name)) throw new Error(`ItemNotFound: the sheet ${name} does not exist`);
            for (const [k, t] of fake.tables) if (t.sheet === name) fake.deleteTable(k);
            fake.sheets.delete(name);
            fake.hiddenSheets.delete(name);
          });
        },
        copy: () => {
          const copyName = `${name} (2)`;
          let finalName = copyName;
          clearsUndo("worksheet.copy");
          queue(0, () => {
            structureLocked();
            // A new sheet of this name is no longer the one an earlier copy was renamed from.
            fake.renamed.delete(copyName);
            fake.sheets.set(copyName, new Map([...fake.sheets.get(name)!].map(([k, c]) => [k, { ...c }])));
          });
          const copy = worksheetProxy(copyName) as unknown as Record<string, unknown>;
          Object.defineProperty(copy, "name", {
            get: () => finalName,
            set: (n: string) => queue(0, () => { structureLocked(); fake.sheets.set(n, fake.sheets.get(copyName)!); fake.sheets.delete(copyName); fake.renamed.set(copyName, n); finalName = n; }),
            configurable: true,
          });
          copy.load = () => copy;
          return copy;
        },
        tables: loadable({
          add: (range: Excel.Range) => {
            const { start, end } = parseRange((range as unknown as { __address: string }).__address ?? "A1");
            const table: FakeTable = { id: String(fake.nextTableId++), name: `Tabell${fake.tables.size + 1}`, sheet: name, row: start.row, col: start.col, height: end.row - start.row + 1, width: end.col - start.col + 1, style: "TableStyleMedium2", calculated: {} };
            clearsUndo("tables.add");
            queue(0, () => void fake.tables.set(table.name.toLowerCase(), table));
            return {
              set name(n: string) { queue(0, () => { fake.tables.delete(table.name.toLowerCase()); table.name = n; fake.tables.set(n.toLowerCase(), table); }); },
              set style(s: string) { queue(0, () => void (table.style = s)); },
            };
          },
        }, { items: () => [...fake.tables.values()].filter((t) => t.sheet === name).map((t) => tableProxy(t.name)) }),
      }, { isNullObject: () => !fake.sheets.has(name), name: () => name });
      return ws as unknown as Excel.Worksheet;
    }

    const sheetNamed = (n: string) => [...fake.sheets.keys()].find((k) => k.toLowerCase() === n.toLowerCase()) ?? n;

    return {
      workbook: {
        worksheets: loadable({
          // Sheet names are compared without case in Excel ("Viten" and "viten" are one sheet).
          getItemOrNullObject: (n: string) => worksheetProxy(sheetNamed(n)),
          getItem: (n: string) => worksheetProxy(sheetNamed(n)),
          add: (n: string) => {
            clearsUndo("worksheets.add");
            queue(0, () => {
              structureLocked();
              if ([...fake.sheets.keys()].some((s) => s.toLowerCase() === n.toLowerCase())) throw new Error(`ItemAlreadyExists: a sheet ${n} exists`);
              fake.sheets.set(n, new Map());
            });
            return worksheetProxy(n);
          },
        }, { items: () => [...fake.sheets.keys()].map((n) => worksheetProxy(n)) }),
        tables: { getItemOrNullObject: (n: string) => tableProxy(n), getItem: (n: string) => tableProxy(n) },
        getSelectedRange: () => rangeProxy(fake.selection.sheet, fake.selection.address),
        settings: fakeSettingCollection(fake.workbookSettings, (run) => queue(0, run)),
        protection: loadable({}, { protected: () => fake.structureProtected }),
      },
      sync: async () => {
        fake.syncs++;
        const ops = pending.splice(0);
        const request = ops.reduce((s, o) => s + o.bytes, 0);
        if (fake.syncs === fake.failSyncNumber) {
          for (const op of ops.slice(0, Math.floor(ops.length / 2))) op.run();
          throw new Error("Excel svarade med ett fel (simulerat)");
        }
        if (request > fake.payloadLimit) {
          fake.requests.push({ request, response: 0, refused: true });
          throw new PayloadTooLargeError("request", request);
        }
        let response = 0;
        for (const op of ops) response += op.run() ?? 0;
        fake.requests.push({ request, response, ...(response > fake.payloadLimit ? { refused: true } : {}) });
        if (response > fake.payloadLimit) throw new PayloadTooLargeError("response", response);
      },
    };
  }
}
