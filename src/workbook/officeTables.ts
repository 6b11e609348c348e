import { refuseProtectedStructure } from "./protectedStructure";
import { parseRange, rangeA1, CellPosition } from "../core/a1";
import type { TableSpec } from "./port";
import type { UndoClearingCall } from "./undoCalls";
import { formulaReferences, shiftFormula } from "../io/formulaReferences";

/**
 * Tables on Excel, written in place and in pieces Excel on the web accepts.
 *
 * - A table is kept, never deleted and added again: its body is written and it is resized
 *   (Table.resize, ExcelApi 1.13), so structured references, validation lists, PivotTables and
 *   charts that point at it keep their source, and its style, widths and calculated columns stay.
 *   Columns are matched by header; a column of the user's own is left as it is (a calculated
 *   column fills the rows the table grows by). Without ExcelApi 1.13 the table is replaced as
 *   before (delete + add, style kept).
 * - Excel on the web refuses a request or a response over 5 MB. The new body is written in
 *   pieces of at most REQUEST_BUDGET (estimated as the JSON of the cells) to a hidden staging
 *   sheet, at its own rows, and only then copied over the table with Range.copyFrom, one small
 *   request whatever the size; formulas are staged so that the copy's moving of relative
 *   references gives back exactly what was asked for (stagedFormula). A failure while staging leaves the table untouched; a failure in the swap puts the
 *   table back from the copy of it the staging sheet holds (formulas and number formats too).
 */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
export const STAGING_SHEET = "Samkalk_utkast";

type OfficeCell = string | number | boolean;

/** UTF-8 bytes of a JSON text, from above: a character outside ASCII counted as three. */
export const jsonBytes = (value: unknown): number => {
  const text = JSON.stringify(value);
  let wide = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) wide++;
  return text.length + 2 * wide;
};

/** What Excel counts for a write: the JSON of the matrix, in bytes. Kept above Excel's own count. */
export const estimateBytes = (rows: readonly unknown[][]): number => rows.reduce((s: number, r) => s + jsonBytes(r) + 1, 2);

/** Row ranges [start, end) whose JSON stays under the budget each, with their estimated bytes (as estimateBytes gives). */
export function chunkRows(rows: readonly unknown[][], budget = REQUEST_BUDGET): [number, number, number][] {
  const chunks: [number, number, number][] = [];
  let start = 0;
  let bytes = 2;
  rows.forEach((row, i) => {
    const size = jsonBytes(row) + 1;
    if (i > start && bytes + size > budget) {
      chunks.push([start, i, bytes]);
      start = i;
      bytes = 2;
    }
    bytes += size;
  });
  if (rows.length > start) chunks.push([start, rows.length, bytes]);
  return chunks;
}

interface ExistingTable {
  sheet: string;
  start: CellPosition;
  height: number;
  width: number;
  headers: string[];
  style: string;
}

interface Plan {
  spec: TableSpec;
  body: OfficeCell[][];
  existing: ExistingTable | null;
  /** The table column each spec column goes to. */
  columns: number[];
  width: number;
  start: CellPosition;
  sheetExists: boolean;
  /**
   * How many columns to the right of its place on its own sheet this table's new body, and its
   * backup, sit on the staging sheet: same rows, never up or left (see stagedFormula).
   */
  stagingOffset: number;
  backupOffset: number;
}

/**
 * Range.copyFrom moves relative references as a paste does: a formula copied three columns left
 * refers three columns further left. A body is staged at its own rows, `offset` columns to the
 * right, with each formula written as it reads there (moved right by `offset`), so the copy to
 * the table moves it back to exactly what was asked for. Moving right never falls off the sheet
 * for a valid formula, as moving up or left (a reference to row 2 copied from row 1) would.
 */
function stagedFormula(cell: OfficeCell, offset: number): OfficeCell {
  if (offset === 0 || typeof cell !== "string" || !cell.startsWith("=")) return cell;
  return shiftFormula(cell, formulaReferences(cell), 0, offset);
}

const normal = (h: unknown) => String(h ?? "").trim().toLowerCase();
const local = (address: string) => address.slice(address.lastIndexOf("!") + 1);

export interface TableRun {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  canResize: boolean;
}

/** Writes the tables; returns the calls it made that clear Excel's undo stack. */
export async function writeTablesInPlace(host: TableRun, specs: readonly TableSpec[], toCell: (v: TableSpec["rows"][number][number]) => OfficeCell): Promise<UndoClearingCall[]> {
  const plans = await host.run(async (context) => {
    const found = specs.map((spec) => {
      const table = context.workbook.tables.getItemOrNullObject(spec.name);
      table.load("isNullObject,style");
      const range = table.getRange().load("address");
      const header = table.getHeaderRowRange().load("values");
      const sheet = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
      sheet.load("isNullObject");
      return { spec, table, range, header, sheet };
    });
    const staging = context.workbook.worksheets.getItemOrNullObject(STAGING_SHEET);
    staging.load("isNullObject");
    const protection = context.workbook.protection.load("protected");
    await context.sync();
    // The staging sheet is added (and deleted) on every write.
    refuseProtectedStructure(protection.protected, true);
    let freeCol = 0;
    const plans = found.map(({ spec, table, range, header, sheet }): Plan => {
      const body = (spec.rows.length > 0 ? spec.rows : [spec.headers.map(() => null)]).map((r) => spec.headers.map((_, c) => toCell(r[c] ?? null)));
      let existing: ExistingTable | null = null;
      if (!table.isNullObject) {
        const { start, end } = parseRange(range.address);
        const sheetName = range.address.includes("!") ? range.address.slice(0, range.address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'") : spec.sheet;
        existing = { sheet: sheetName, start, height: end.row - start.row + 1, width: end.col - start.col + 1, headers: header.values[0].map((h) => String(h ?? "")), style: table.style };
      }
      const keep = existing && host.canResize;
      let appended = 0;
      const columns = spec.headers.map((h, j) => {
        if (!keep) return j;
        const at = existing!.headers.findIndex((e) => normal(e) === normal(h));
        return at >= 0 ? at : existing!.width + appended++;
      });
      const width = keep ? existing!.width + appended : spec.headers.length;
      const start = existing?.start ?? parseRange(spec.topLeft ?? "A1").start;
      // Each block to the right of the previous one on the staging sheet, never left of its own place.
      const stagingOffset = Math.max(0, freeCol - start.col);
      freeCol = start.col + stagingOffset + width;
      const backupOffset = existing ? Math.max(0, freeCol - existing.start.col) : 0;
      if (existing) freeCol = existing.start.col + backupOffset + existing.width;
      return { spec, body, existing, columns, width, start, sheetExists: !sheet.isNullObject || !!existing, stagingOffset, backupOffset };
    });
    return { plans, stagingExists: !staging.isNullObject };
  });

  await stage(host, plans.plans, plans.stagingExists);
  try {
    await swap(host, plans.plans);
  } catch (error) {
    await restore(host, plans.plans);
    throw error;
  }
  const calls = new Set<UndoClearingCall>(["worksheets.add", "worksheet.delete"]);
  for (const p of plans.plans) {
    if (p.existing && host.canResize) calls.add("table.resize");
    else {
      calls.add("tables.add");
      if (p.existing) calls.add("table.delete");
    }
  }
  return [...calls];
}

/** The new bodies (and a copy of each table as it is) on the hidden staging sheet, in pieces. */
async function stage(host: TableRun, plans: Plan[], stagingExists: boolean): Promise<void> {
  // A body whose columns are not side by side in the table is written column by column: its
  // pieces are sized on that form ([[a],[b]] per row), which takes more bytes per cell.
  const contiguous = (p: Plan) => p.columns.every((c, j) => c === p.columns[0] + j);
  const pieces = plans.flatMap((p) => chunkRows(contiguous(p) ? p.body : p.body.map((r) => r.map((c) => [c]))).map(([from, to, bytes]) => ({ plan: p, from, to, bytes })));
  let first = true;
  try {
    while (first || pieces.length > 0) {
      await host.run(async (context) => {
        const staging = first ? null : context.workbook.worksheets.getItem(STAGING_SHEET);
        let ws = staging;
        if (first) {
          if (stagingExists) context.workbook.worksheets.getItem(STAGING_SHEET).delete();
          ws = context.workbook.worksheets.add(STAGING_SHEET);
          ws.visibility = "Hidden" as Excel.SheetVisibility.hidden;
          for (const p of plans) {
            if (!p.existing) continue;
            const old = context.workbook.worksheets.getItem(p.existing.sheet).getRange(rangeA1(p.existing.start, p.existing.height, p.existing.width));
            ws.getRange(rangeA1({ row: p.existing.start.row, col: p.existing.start.col + p.backupOffset }, p.existing.height, p.existing.width)).copyFrom(old, "All" as Excel.RangeCopyType.all);
          }
        }
        let bytes = 0;
        while (pieces.length > 0 && (bytes === 0 || bytes + pieces[0].bytes <= REQUEST_BUDGET)) {
          const piece = pieces.shift()!;
          bytes += piece.bytes;
          const p = piece.plan;
          const rows = p.body.slice(piece.from, piece.to).map((r) => r.map((c) => stagedFormula(c, p.stagingOffset)));
          const top = p.start.row + 1 + piece.from;
          if (contiguous(p)) ws!.getRange(rangeA1({ row: top, col: p.start.col + p.columns[0] + p.stagingOffset }, rows.length, p.columns.length)).formulas = rows as never;
          else p.columns.forEach((c, j) => (ws!.getRange(rangeA1({ row: top, col: p.start.col + c + p.stagingOffset }, rows.length, 1)).formulas = rows.map((r) => [r[j]]) as never));
        }
        first = false;
        await context.sync();
      });
    }
  } catch (error) {
    await dropStaging(host);
    throw error;
  }
}

async function dropStaging(host: TableRun): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(STAGING_SHEET);
    ws.load("isNullObject");
    await context.sync();
    if (ws.isNullObject) return;
    ws.delete();
    await context.sync();
  });
}

/** One small request: headers, resize, copy from staging, formats; the staging sheet goes last. */
async function swap(host: TableRun, plans: Plan[]): Promise<void> {
  await host.run(async (context) => {
    const staging = context.workbook.worksheets.getItem(STAGING_SHEET);
    for (const p of plans) {
      const n = p.body.length;
      const ws = p.sheetExists ? context.workbook.worksheets.getItem(p.existing?.sheet ?? p.spec.sheet) : context.workbook.worksheets.add(p.spec.sheet);
      const headerCell = (c: number) => ws.getRange(rangeA1({ row: p.start.row, col: p.start.col + c }, 1, 1));
      const bodyColumn = (c: number) => ws.getRange(rangeA1({ row: p.start.row + 1, col: p.start.col + c }, n, 1));
      const fromStaging = (c: number) => staging.getRange(rangeA1({ row: p.start.row + 1, col: p.start.col + c + p.stagingOffset }, n, 1));
      const keep = p.existing && host.canResize;
      if (keep) {
        const table = context.workbook.tables.getItem(p.spec.name);
        p.columns.forEach((c, j) => { if (c >= p.existing!.width) headerCell(c).formulas = [[`'${p.spec.headers[j]}`]] as never; });
        table.resize(ws.getRange(rangeA1(p.start, 1 + n, p.width)));
        if (p.existing!.height > 1 + n) ws.getRange(rangeA1({ row: p.start.row + 1 + n, col: p.start.col }, p.existing!.height - 1 - n, p.existing!.width)).clear("Contents" as Excel.ClearApplyTo.contents);
      } else {
        if (p.existing) {
          context.workbook.tables.getItem(p.spec.name).delete();
          ws.getRange(rangeA1(p.existing.start, p.existing.height, p.existing.width)).clear();
        }
        ws.getRange(rangeA1(p.start, 1, p.spec.headers.length)).formulas = [p.spec.headers.map((h) => `'${h}`)] as never;
      }
      p.columns.forEach((c) => bodyColumn(c).copyFrom(fromStaging(c), "Formulas" as Excel.RangeCopyType.formulas));
      if (!keep) {
        const table = ws.tables.add(ws.getRange(rangeA1(p.start, 1 + n, p.width)), true);
        table.name = p.spec.name;
        if (p.existing) table.style = p.existing.style;
      }
      p.spec.numberFormats?.forEach((format, j) => { if (format && p.spec.rows.length > 0) bodyColumn(p.columns[j]).numberFormat = format as never; });
    }
    staging.delete();
    await context.sync();
  });
}

/** After a failed swap: each table back from its copy on the staging sheet, new ones removed. */
async function restore(host: TableRun, plans: Plan[]): Promise<void> {
  await host.run(async (context) => {
    const staging = context.workbook.worksheets.getItemOrNullObject(STAGING_SHEET);
    staging.load("isNullObject");
    const tables = plans.map((p) => {
      const t = context.workbook.tables.getItemOrNullObject(p.spec.name);
      t.load("isNullObject");
      const range = t.getRange().load("address");
      const sheet = context.workbook.worksheets.getItemOrNullObject(p.spec.sheet);
      sheet.load("isNullObject");
      return { t, range, sheet };
    });
    await context.sync();
    if (staging.isNullObject) return;
    plans.forEach((p, i) => {
      const { t, range, sheet } = tables[i];
      if (!p.existing) {
        if (!t.isNullObject) {
          t.delete();
          context.workbook.worksheets.getItem(p.spec.sheet).getRange(local(range.address)).clear();
        }
        if (!p.sheetExists && !sheet.isNullObject) context.workbook.worksheets.getItem(p.spec.sheet).delete();
        return;
      }
      const ws = context.workbook.worksheets.getItem(p.existing.sheet);
      const old = rangeA1(p.existing.start, p.existing.height, p.existing.width);
      if (!t.isNullObject) {
        const now = parseRange(range.address);
        const grown = now.end.row - now.start.row + 1;
        if (host.canResize) t.resize(ws.getRange(old));
        if (grown > p.existing.height) ws.getRange(rangeA1({ row: p.existing.start.row + p.existing.height, col: p.existing.start.col }, grown - p.existing.height, Math.max(p.width, p.existing.width))).clear();
        if (p.width > p.existing.width) ws.getRange(rangeA1({ row: p.existing.start.row, col: p.existing.start.col + p.existing.width }, p.existing.height, p.width - p.existing.width)).clear();
      }
      ws.getRange(old).copyFrom(staging.getRange(rangeA1({ row: p.existing.start.row, col: p.existing.start.col + p.backupOffset }, p.existing.height, p.existing.width)), "All" as Excel.RangeCopyType.all);
      if (t.isNullObject) {
        const table = ws.tables.add(ws.getRange(old), true);
        table.name = p.spec.name;
        table.style = p.existing.style;
      }
    });
    staging.delete();
    await context.sync();
  });
}

/**
 * A table's header and body read in pieces, each response under the budget (see readInPieces).
 */
export async function readTablesInPieces(host: TableRun, names: readonly string[], alsoInFirstBatch?: (context: Excel.RequestContext) => void): Promise<({ name: string; sheet: string; start: CellPosition; values: unknown[][] } | null)[]> {
  const found = await host.run(async (context) => {
    alsoInFirstBatch?.(context);
    const tables = names.map((n) => {
      const t = context.workbook.tables.getItemOrNullObject(n);
      t.load("isNullObject,name");
      const range = t.getRange().load("address");
      const sheet = t.worksheet.load("name");
      return { t, range, sheet };
    });
    await context.sync();
    return tables.map(({ t, range, sheet }) => (t.isNullObject ? null : { name: t.name, sheet: sheet.name, ...parseRange(range.address) }));
  });
  const blocks = found.flatMap((f) => (f ? [f] : []));
  const read = await readInPieces(host, blocks, ["values"]);
  let k = 0;
  return found.map((f) => (f ? { name: f.name, sheet: f.sheet, start: f.start, values: read[k++].values } : null));
}

type Prop = "values" | "formulas" | "numberFormat";

/**
 * Blocks of cells read in pieces whose responses each stay under the budget: the piece size is
 * estimated from the width and then from what the last piece weighed; a piece Excel still finds
 * too large is read again at half the size.
 */
export async function readInPieces(host: TableRun, blocks: readonly { sheet: string; start: CellPosition; end: CellPosition }[], props: readonly Prop[]): Promise<Record<Prop, unknown[][]>[]> {
  const out = blocks.map(() => ({ values: [] as unknown[][], formulas: [] as unknown[][], numberFormat: [] as unknown[][] }));
  // A first guess from typical cells (a number, a short name, blanks), corrected by each piece read.
  let perCell = 12 * props.length;
  const todo = blocks.map((f, i) => ({ i, f, from: f.start.row }));
  while (todo.length > 0) {
    await host.run(async (context) => {
      const batch: { i: number; from: number; range: Excel.Range }[] = [];
      let bytes = 0;
      while (todo.length > 0) {
        const item = todo[0];
        const width = item.f.end.col - item.f.start.col + 1;
        const left = item.f.end.row - item.from + 1;
        const count = Math.max(1, Math.min(left, Math.floor((REQUEST_BUDGET - bytes) / (perCell * width))));
        if (bytes > 0 && count * perCell * width + bytes > REQUEST_BUDGET) break;
        const range = context.workbook.worksheets.getItem(item.f.sheet).getRange(rangeA1({ row: item.from, col: item.f.start.col }, count, width)).load(props.join(","));
        batch.push({ i: item.i, from: item.from, range });
        bytes += count * perCell * width;
        item.from += count;
        if (item.from > item.f.end.row) todo.shift();
        if (bytes >= REQUEST_BUDGET) break;
      }
      try {
        await context.sync();
      } catch (error) {
        if (!/PayloadSizeLimitExceeded/i.test(`${(error as { code?: string }).code ?? ""} ${error}`)) throw error;
        perCell *= 2;
        for (const b of [...batch].reverse()) {
          const waiting = todo.find((t) => t.i === b.i);
          if (waiting) waiting.from = Math.min(waiting.from, b.from);
          else todo.unshift({ i: b.i, f: blocks[b.i], from: b.from });
        }
        return;
      }
      let got = 0;
      let cells = 0;
      for (const b of batch) {
        for (const p of props) {
          const m = b.range[p] as unknown[][];
          // One row at a time: a spread of a piece's rows (hundreds of thousands for a narrow
          // table) would pass the engine's argument limit.
          for (const row of m) out[b.i][p].push(row);
          got += estimateBytes(m);
          cells += m.length * (m[0]?.length ?? 1);
        }
      }
      perCell = Math.max(8, Math.ceil((got / Math.max(1, cells)) * 1.25)) * props.length;
    });
  }
  return out;
}
