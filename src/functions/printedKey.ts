import { Amount, ZERO } from "../core/money";
import { PrintedBlock, PrintedInput, PrintedRow, printedValue, readPrintedTable } from "../core/printedTable";
import { FunctionError, guard } from "./functionError";
import { checkWeight } from "../core/weights";
import { ExcelMatrix, amountFromExcel, toExcelNumber } from "./excelValues";

/**
 * A key pointed at as printed: two columns, labels and weights, with group rows, subtotals with or
 * without a label and a grand total. Only the lines take a share; the result has the range's
 * shape, the label beside each amount, nothing on a group row, and a subtotal's or total's own
 * sum on its row, so the spilled table adds up as the key does.
 */
export interface LabelledKey {
  weights: Amount[];
  /** The result in the range's shape, from one part per line. */
  place: (parts: readonly Amount[]) => (string | number)[][];
}

/**
 * A key printed without a header row (names and weights from the first row on: the reader calls
 * it "pairs", or "headerless" with a group row or an empty weight), read as if a header stood
 * above it, so that its group, subtotal and total rows are what they are in a key with one. Only
 * where a name in the first column is text, which weights cannot be: a range of weights written
 * as text ("12 %", "(5)") stays weights. Lines keep their row in the range.
 */
function withoutHeader(cells: PrintedInput[][]): PrintedBlock | undefined {
  if (!cells.some((row) => printedValue(row[0]).kind === "text")) return undefined;
  const grid = { file: "", rows: [[null, "Vikt"], ...cells], lines: [0, ...cells.map((_, i) => i + 1)] };
  return readPrintedTable(grid).blocks.find((b) => b.kind === "table");
}

/** A two-column range whose first column holds text labels is a key as printed; anything else is null. */
export function labelledKey(range: ExcelMatrix, argument: string): LabelledKey | null {
  if (range.length < 2 || range[0].length !== 2) return null;
  const hasLabels = range.some((row) => typeof row[0] === "string" && row[0].trim() !== "" && Number.isNaN(Number(row[0].replace(/\s/g, "").replace(",", "."))));
  if (!hasLabels) return null;
  const cells = range.map((row) => row.map((c) => (typeof c === "number" ? amountFromExcel(c) : c === "" ? null : c)));
  const block = readPrintedTable({ file: "", rows: cells }).blocks.find((b) => b.kind === "table") ?? withoutHeader(cells);
  if (!block) return null;
  const lines = block.rows.filter((r) => r.role === "line");
  const weights = lines.map((row) => {
    const v = row.cells[1];
    const where = `${argument}, rad ${row.line}`;
    if (v.kind === "number") return guard(() => checkWeight(v.value, { shown: v.text }), where);
    if (v.kind === "empty") return ZERO;
    throw new FunctionError("#VALUE!", `${where}: '${v.kind === "missing" ? v.text : v.text}' är ingen vikt`);
  });
  return {
    weights,
    place: (parts) => {
      const byLine = new Map<number, Amount>(lines.map((r, i) => [r.line, parts[i]]));
      const sumOf = (row: PrintedRow): Amount => {
        const rows = row.sums ? row.sums.map((i) => block.rows[i]) : lines;
        return rows.reduce((s, r) => s.plus(byLine.get(r.line) ?? (r.role === "subtotal" || r.role === "block-total" ? sumOf(r) : ZERO)), ZERO);
      };
      const out = range.map((row): (string | number)[] => [typeof row[0] === "string" ? row[0] : row[0] === null || row[0] === undefined ? "" : String(row[0]), ""]);
      for (const row of block.rows) {
        const at = row.line - 1;
        if (row.role === "line") out[at][1] = toExcelNumber(byLine.get(row.line)!);
        else if (row.role === "subtotal" || row.role === "total" || row.role === "block-total") out[at][1] = toExcelNumber(sumOf(row));
      }
      return out;
    },
  };
}
