import { CellInput, SourceTable } from "../core/cells";
import { writeOutputSheets } from "./outputSheets";
import { Amount, roundAmount } from "../core/money";
import { rangeA1 } from "../core/a1";
import { KeyFigureRow, costPerInhabitant } from "../core/keyFigures";
import { lineChartSvg } from "../io/lineChart";
import { RowError } from "../core/cells";
import { importKeyFigures } from "../model/keyFigures";
import { ChartSpec, SheetSpec, WorkbookPort } from "../workbook/port";

export const KEY_FIGURE_SHEET = "Nyckeltal";
const CHART_NAME = "Kostnad per invånare";

export interface KeyFigureReport {
  rows: KeyFigureRow[];
  years: number[];
  /** The chart for the page and the pane. */
  svg: string;
  sheet: SheetSpec;
  chart: ChartSpec;
}

/** Reads Medlem; År; Utfall; Invånare and builds the report, or gives the rows' errors. */
export function keyFiguresFromTable(table: SourceTable): { report: KeyFigureReport | null; errors: RowError[] } {
  const imported = importKeyFigures(table);
  if (imported.errors.length > 0) return { report: null, errors: imported.errors };
  const records = imported.records;
  return {
    report: keyFigureReport(
      records.map((r) => ({ member: r.member, year: r.year, value: r.cost })),
      records.map((r) => ({ member: r.member, year: r.year, value: r.inhabitants })),
    ),
    errors: [],
  };
}

/**
 * Cost per inhabitant per member and year as a sheet (the long table, and a block of years ×
 * members that the chart is drawn from), an Excel line chart over that block, and the same chart
 * as SVG. Figures on the sheet are rounded as shown (kr per inhabitant to öre, change to 0,1 %);
 * the exact ones stay in the report.
 */
export function keyFigureReport(costs: Parameters<typeof costPerInhabitant>[0], population: Parameters<typeof costPerInhabitant>[1]): KeyFigureReport {
  const rows = costPerInhabitant(costs, population);
  const years = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.year)))].sort((a, b) => a - b);
  const valueIn = (row: KeyFigureRow, year: number): Amount | null => row.cells.find((c) => c.year === year)?.perInhabitant ?? null;
  const svg = lineChartSvg({ title: "Kostnad per invånare", unit: "kr/invånare", categories: years.map(String), series: rows.map((r) => ({ name: r.member, values: years.map((y) => valueIn(r, y)) })) });

  const long: CellInput[][] = [["Medlem", "År", "Utfall", "Invånare", "Kr per invånare", "Förändring"]];
  for (const r of rows) for (const c of r.cells) long.push([r.member, c.year, c.cost, c.inhabitants, roundAmount(c.perInhabitant, 2), c.change === null ? null : roundAmount(c.change, 3)]);
  const blockColumn = 7; // H: one empty column after the long table
  const block: CellInput[][] = [["År", ...rows.map((r) => r.member)], ...years.map((y) => [String(y), ...rows.map((r) => { const v = valueIn(r, y); return v === null ? null : roundAmount(v, 2); })])];
  const width = blockColumn + block[0].length;
  const height = Math.max(long.length, block.length);
  const cells: CellInput[][] = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => (j < long[0].length ? long[i]?.[j] ?? null : j >= blockColumn ? block[i]?.[j - blockColumn] ?? null : null)));
  const sheet: SheetSpec = {
    sheet: KEY_FIGURE_SHEET,
    cells,
    numberFormats: [null, "0", "#,##0", "#,##0", "#,##0.00", "0.0%", null, null, ...rows.map(() => "#,##0.00")],
    boldRows: [0],
  };
  const chart: ChartSpec = {
    sheet: KEY_FIGURE_SHEET,
    name: CHART_NAME,
    kind: "line",
    title: "Kostnad per invånare (kr)",
    dataAddress: rangeA1({ row: 0, col: blockColumn }, block.length, block[0].length),
    topLeft: rangeA1({ row: block.length + 1, col: blockColumn }, 1, 1),
  };
  return { rows, years, svg, sheet, chart };
}

/** Writes the sheet and then the chart over it. */
export async function writeKeyFigures(port: WorkbookPort, report: KeyFigureReport): Promise<void> {
  await writeOutputSheets(port, [report.sheet]);
  await port.addChart(report.chart);
}
