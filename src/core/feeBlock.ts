import { Amount } from "./money";
import { Fee } from "./budget";
import { Finding } from "./tablecheck";
import { formatAmount } from "./numberText";
import { PrintedRow } from "./printedTable";

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

/** The amount a fee-block row prints (its one number), or null. */
export function feeBlockValue(row: PrintedRow | undefined): Amount | null {
  const v = row?.cells.find((c, j) => j > 0 && c.kind === "number");
  return v && v.kind === "number" ? v.value : null;
}

/** Each printed figure of the fee block against the fee computed from the budget: one finding per wrong cell. */
export function checkFeeBlock(block: FeeBlock, fee: Fee): Finding[] {
  const out: Finding[] = [];
  const compare = (row: PrintedRow | undefined, expected: Amount | null, what: string) => {
    const shown = feeBlockValue(row);
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
