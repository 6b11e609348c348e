import { SourceTable } from "../core/cells";
import { FeeBlock, feeBlockValue } from "../core/feeBlock";
import { parseNumberText } from "../core/numberText";
import { printedGridOf, readPrintedTable } from "../core/printedTable";

/** Finds the fee calculation printed under a budget by its labels (the rule that checks it is core's). */
export function readFeeBlock(source: SourceTable): FeeBlock | null {
  const pairs = readPrintedTable(printedGridOf(source)).blocks.find((b) => b.kind === "pairs");
  if (!pairs) return null;
  const find = (pattern: RegExp) => pairs.rows.find((r) => pattern.test(r.label.trim()));
  const uplift = find(/^(allmän\s+)?uppräkning\b/i);
  const rows = { uplift, fee: find(/^(summa|nytt medlemsbidrag|medlemsbidrag)\b/i), lastFee: find(/^(beslutat|föregående|fjolårets)\b.*bidrag/i), change: find(/^avvikelse\b/i) };
  if (!rows.uplift && !rows.fee && !rows.lastFee && !rows.change) return null;
  const stated = uplift ? /(-?\d+(?:[,.]\d+)?)\s*%/.exec(uplift.label) : null;
  const rate = stated ? parseNumberText(`${stated[1]}%`) : null;
  return { upliftRate: rate && rate.kind === "number" ? rate.value : null, lastFee: feeBlockValue(rows.lastFee), rows };
}
