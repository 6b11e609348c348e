import { Amount, ZERO } from "../core/money";
import { PrintedRow, readPrintedTable } from "../core/printedTable";
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

/** A two-column range whose first column holds text labels is a key as printed; anything else is null. */
export function labelledKey(range: ExcelMatrix, argument: string): LabelledKey | null {
  if (range.length < 2 || range[0].length !== 2) return null;
  const hasLabels = range.some((row) => typeof row[0] === "string" && row[0].trim() !== "" && Number.isNaN(Number(row[0].replace(/\s/g, "").replace(",", "."))));
  if (!hasLabels) return null;
  const cells = range.map((row) => row.map((c) => (typeof c === "number" ? amountFromExcel(c) : c === "" ? null : c)));
  const block = readPrintedTable({ file: "", rows: cells }).blocks.find((b) => b.kind === "table");
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
