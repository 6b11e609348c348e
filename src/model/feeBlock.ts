import { Amount } from "../core/money";
import { SourceTable } from "../core/cells";
import { Fee } from "../core/budget";
import { Finding } from "../core/tablecheck";
import { formatAmount, parseNumberText } from "../core/numberText";
import { PrintedRow, printedGridOf, readPrintedTable } from "../core/printedTable";

/**
 * The small fee calculation printed under a budget after a blank row: last year's decided fee,
 * "Uppräkning 2 %", "Summa" (the new fee) and "Avvikelse". Its Summa refers to the budget above,
 * not to the two rows over it; read by its own arithmetic and never as budget lines.
 */
export interface FeeBlock {
  /** The uplift rate the label states ("Uppräkning 2 %" → 0,02). */
  upliftRate: Amount | null;
  lastFee: Amount | null;
  rows: { uplift?: PrintedRow; fee?: PrintedRow; lastFee?: PrintedRow; change?: PrintedRow };
}

const valueOf = (row: PrintedRow | undefined): Amount | null => {
  const v = row?.cells.find((c, j) => j > 0 && c.kind === "number");
  return v && v.kind === "number" ? v.value : null;
};

export function readFeeBlock(source: SourceTable): FeeBlock | null {
  const pairs = readPrintedTable(printedGridOf(source)).blocks.find((b) => b.kind === "pairs");
  if (!pairs) return null;
  const find = (pattern: RegExp) => pairs.rows.find((r) => pattern.test(r.label.trim()));
  const uplift = find(/^(allmän\s+)?uppräkning\b/i);
  const rows = { uplift, fee: find(/^(summa|nytt medlemsbidrag|medlemsbidrag)\b/i), lastFee: find(/^(beslutat|föregående|fjolårets)\b.*bidrag/i), change: find(/^avvikelse\b/i) };
  if (!rows.uplift && !rows.fee && !rows.lastFee && !rows.change) return null;
  const stated = uplift ? /(-?\d+(?:[,.]\d+)?)\s*%/.exec(uplift.label) : null;
  const rate = stated ? parseNumberText(`${stated[1]}%`) : null;
  return { upliftRate: rate && rate.kind === "number" ? rate.value : null, lastFee: valueOf(rows.lastFee), rows };
}

/** Each printed figure of the fee block against the fee computed from the budget: one finding per wrong cell. */
export function checkFeeBlock(block: FeeBlock, fee: Fee): Finding[] {
  const out: Finding[] = [];
  const compare = (row: PrintedRow | undefined, expected: Amount | null, what: string) => {
    const shown = valueOf(row);
    if (!row || shown === null || expected === null || shown.equals(expected)) return;
    const column = row.cells.findIndex((c, j) => j > 0 && c.kind === "number");
    const kr = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces() });
    out.push({ kind: "rule", row: row.label, rowNumber: row.line, column: "Belopp", columnNumber: column + 1, expected, actual: shown, difference: shown.minus(expected), message: `raden '${row.label}': ${what} är ${kr(expected)} men tabellen visar ${kr(shown)} (differens ${kr(shown.minus(expected))})` });
  };
  compare(block.rows.uplift, fee.uplift, "uppräkningen av Summa årskostnad");
  compare(block.rows.fee, fee.fee, "Summa årskostnad + uppräkning");
  compare(block.rows.change, fee.change, "beslutat bidrag föregående år − nytt bidrag");
  return out;
}
