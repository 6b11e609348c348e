import { OfficeHost } from "../../src/workbook/officeWorkbook";
import { parseA1, parseRange, rangeA1 } from "../../src/core/a1";
import { fakeSettingCollection } from "./fakeSettings";

/**
 * An in-memory stand-in for the part of Excel's object model that OfficeWorkbook uses. Loaded
 * properties can only be read after context.sync(), as in Office.js, and every sync is counted,
 * so tests can show that round trips do not grow with the number of rows.
 */
interface Cell {
  formula?: string;
  value: string | number | boolean;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  /** Written through formulasLocal (the user's language). */
  local?: boolean;
}

interface FakeTable {
  name: string;
  sheet: string;
  row: number;
  col: number;
  height: number;
  width: number;
}

export class FakeExcel {
  sheets = new Map<string, Map<string, Cell>>();
  tables = new Map<string, FakeTable>();
  settingsStore: Record<string, unknown> = {};
  /** workbook.settings: one per workbook, shared by every client's context (fakeSettings.ts). */
  workbookSettings = new Map<string, unknown>();
  syncs = 0;
  selection = { sheet: "Blad1", address: "A1" };
  conditionalFormats: { sheet: string; address: string; text: string; fill: string }[] = [];
  charts: { sheet: string; name: string; type: string; source: string; seriesBy: string; title: string; position: string }[] = [];
  /** Makes the sync with this number (counting from 1 over the fake's life) fail, as a broken batch. */
  failSyncNumber: number | null = null;

  constructor(sheetNames: string[] = ["Blad1"]) {
    for (const n of sheetNames) this.sheets.set(n, new Map());
  }

  /** A copied sheet renamed after its ranges were taken: they go on to the renamed sheet, as in Excel. */
  private renamed = new Map<string, string>();

  sheetCells(sheet: string): Map<string, Cell> | undefined {
    return this.sheets.get(this.renamed.get(sheet) ?? sheet);
  }

  cell(sheet: string, address: string): Cell | undefined {
    const p = parseA1(address);
    return this.sheets.get(sheet)?.get(`${p.row},${p.col}`);
  }

  /** Simulates a Swedish Excel: the language, and formulas it answers #NAME? for. */
  displayLanguage = "en-US";
  nameErrorFor: RegExp | null = null;

  host(): OfficeHost {
    return {
      displayLanguage: this.displayLanguage,
      run: async (batch) => batch(this.context() as never),
      settings: {
        get: (name) => this.settingsStore[name],
        set: (name, value) => void (this.settingsStore[name] = JSON.parse(JSON.stringify(value))),
        remove: (name) => void delete this.settingsStore[name],
        saveAsync: (cb) => cb?.({ status: "succeeded" }),
      },
    };
  }

  private context() {
    const pending: (() => void)[] = [];
    const fake = this;
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
          for (const p of props.split(",").map((x) => x.trim().split("/")[0])) if (compute[p]) pending.push(() => loaded.set(p, compute[p]()));
          return target;
        },
      });
    };

    const rangeProxy = (sheet: string, address?: string) => {
      const bounds = () => {
        if (address) return parseRange(address);
        const cells = [...(fake.sheetCells(sheet)?.keys() ?? [])].map((k) => k.split(",").map(Number));
        const maxR = Math.max(0, ...cells.map((c) => c[0]));
        const maxC = Math.max(0, ...cells.map((c) => c[1]));
        return { start: { row: 0, col: 0 }, end: { row: maxR, col: maxC } };
      };
      const grid = <T>(f: (c: Cell | undefined) => T) => {
        const { start, end } = bounds();
        return Array.from({ length: end.row - start.row + 1 }, (_, r) => Array.from({ length: end.col - start.col + 1 }, (_, c) => f(fake.sheetCells(sheet)!.get(`${start.row + r},${start.col + c}`))));
      };
      const eachCell = (f: (key: string, r: number, c: number) => void) => {
        const { start, end } = bounds();
        for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) f(`${r},${c}`, r - start.row, c - start.col);
      };
      const write = (matrixOrScalar: unknown, apply: (cell: Cell, v: unknown) => void) => {
        const sheetCells = fake.sheetCells(sheet)!;
        eachCell((k, r, c) => {
          const v = Array.isArray(matrixOrScalar) ? (matrixOrScalar as unknown[][])[r][c] : matrixOrScalar;
          const cell = sheetCells.get(k) ?? { value: "" };
          apply(cell, v);
          sheetCells.set(k, cell);
        });
      };
      const range: Record<string, unknown> = {
        __address: address,
        clear: () => eachCell((k) => fake.sheetCells(sheet)!.delete(k)),
        select: () => void (fake.selection = { sheet, address: address ?? "A1" }),
        worksheet: worksheetProxy(sheet),
        format: {
          fill: { set color(v: string) { write(v, (c, x) => (c.fill = x as string)); } },
          font: { set bold(v: boolean) { write(v, (c, x) => (c.bold = x as boolean)); } },
        },
        conditionalFormats: {
          add: () => {
            const entry = { sheet, address: address ?? "", text: "", fill: "" };
            fake.conditionalFormats.push(entry);
            return { textComparison: { format: { fill: { set color(v: string) { entry.fill = v; } } }, set rule(r: { text: string }) { entry.text = r.text; } } };
          },
        },
      };
      const proxy = loadable(range, {
        address: () => `${sheet}!${rangeA1(bounds().start, bounds().end.row - bounds().start.row + 1, bounds().end.col - bounds().start.col + 1)}`,
        values: () => grid((c) => (c ? c.value : "")),
        formulas: () => grid((c) => (c ? c.formula ?? c.value : "")),
        isNullObject: () => false,
      });
      // Writes are plain assignments in Office.js; they take effect in order, like the real batch.
      const writeFormulas = (m: unknown) => write(m, (cell, v) => {
        if (typeof v === "string" && v.startsWith("=")) { cell.formula = v; cell.value = fake.nameErrorFor?.test(v) ? "#NAME?" : 0; }
        else { delete cell.formula; cell.value = typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as string | number | boolean); }
      });
      Object.defineProperty(proxy, "formulas", {
        set: writeFormulas,
        get: () => { throw new Error("property formulas was not loaded"); },
        configurable: true,
      });
      const loadedFormulas = proxy.load;
      proxy.load = (props?: string) => {
        loadedFormulas(props);
        // Once loaded, formulas read the loaded grid and an assignment still writes the cells.
        if (props?.includes("formulas")) pending.push(() => { const loaded = grid((c) => (c ? c.formula ?? c.value : "")); Object.defineProperty(proxy, "formulas", { get: () => loaded, set: writeFormulas, configurable: true }); });
        return proxy;
      };
      Object.defineProperty(proxy, "formulasLocal", { set: (m) => write(m, (cell, v) => { cell.formula = String(v); cell.local = true; cell.value = 0; }), configurable: true });
      Object.defineProperty(proxy, "numberFormat", { set: (f) => write(f, (c, x) => (c.numberFormat = x as string)), configurable: true });
      return proxy as unknown as Excel.Range;
    };

    const tableProxy = (name: string) => {
      const entry = () => fake.tables.get(name.toLowerCase());
      const t = loadable({
        getRange: () => rangeProxy(entry()!.sheet, rangeA1({ row: entry()!.row, col: entry()!.col }, entry()!.height, entry()!.width)),
        delete: () => void fake.tables.delete(name.toLowerCase()),
        get worksheet() { return worksheetProxy(entry()!.sheet); },
      }, { isNullObject: () => !entry(), name: () => entry()?.name });
      return t;
    };

    function worksheetProxy(name: string): Excel.Worksheet {
      const ws = loadable({
        getRange: (address?: string) => rangeProxy(name, address),
        getUsedRangeOrNullObject: () => rangeProxy(name),
        charts: {
          add: (type: string, range: Excel.Range, seriesBy: string) => {
            const chart = { sheet: name, name: `Diagram ${fake.charts.length + 1}`, type, source: (range as unknown as { __address: string }).__address, seriesBy, title: "", position: "" };
            fake.charts.push(chart);
            return {
              set name(n: string) { chart.name = n; },
              title: { set text(t: string) { chart.title = t; } },
              setPosition: (cell: string) => void (chart.position = cell),
            };
          },
          getItemOrNullObject: (chartName: string) => loadable({
            delete: () => void (fake.charts = fake.charts.filter((c) => !(c.sheet === name && c.name === chartName))),
          }, { isNullObject: () => !fake.charts.some((c) => c.sheet === name && c.name === chartName) }),
        },
        activate: () => void (fake.selection.sheet = name),
        delete: () => {
          fake.sheets.delete(name);
          for (const [k, t] of fake.tables) if (t.sheet === name) fake.tables.delete(k);
        },
        copy: () => {
          const copyName = `${name} (2)`;
          fake.sheets.set(copyName, new Map([...fake.sheets.get(name)!].map(([k, c]) => [k, { ...c }])));
          const copy = worksheetProxy(copyName) as unknown as Record<string, unknown>;
          Object.defineProperty(copy, "name", {
            get: () => copyName,
            set: (n: string) => { fake.sheets.set(n, fake.sheets.get(copyName)!); fake.sheets.delete(copyName); fake.renamed.set(copyName, n); },
            configurable: true,
          });
          return copy;
        },
        tables: loadable({
          add: (range: Excel.Range) => {
            const { start, end } = parseRange((range as unknown as { __address: string }).__address ?? "A1");
            const table: FakeTable = { name: `Tabell${fake.tables.size + 1}`, sheet: name, row: start.row, col: start.col, height: end.row - start.row + 1, width: end.col - start.col + 1 };
            fake.tables.set(table.name.toLowerCase(), table);
            return { set name(n: string) { fake.tables.delete(table.name.toLowerCase()); table.name = n; fake.tables.set(n.toLowerCase(), table); } };
          },
        }, { items: () => [...fake.tables.values()].filter((t) => t.sheet === name).map((t) => tableProxy(t.name)) }),
      }, { isNullObject: () => !fake.sheets.has(name), name: () => name });
      return ws as unknown as Excel.Worksheet;
    }

    return {
      workbook: {
        worksheets: loadable({
          getItemOrNullObject: (n: string) => worksheetProxy(n),
          getItem: (n: string) => worksheetProxy(n),
          add: (n: string) => {
            fake.sheets.set(n, new Map());
            return worksheetProxy(n);
          },
        }, { items: () => [...fake.sheets.keys()].map((n) => ({ name: n })) }),
        tables: { getItemOrNullObject: (n: string) => tableProxy(n) },
        getSelectedRange: () => rangeProxy(fake.selection.sheet, fake.selection.address),
        settings: fakeSettingCollection(fake.workbookSettings, pending),
      },
      sync: async () => {
        fake.syncs++;
        if (fake.syncs === fake.failSyncNumber) {
          pending.splice(0);
          throw new Error("Excel svarade med ett fel (simulerat)");
        }
        for (const f of pending.splice(0)) f();
      },
    };
  }
}
