import { amountFromCellNumber } from "../core/cellNumber";
import { formatAmount, formatPercent } from "../core/numberText";
import { formatIsoDate, fromExcelSerial } from "../core/dates";
import { CellValue, isCellError } from "../core/cells";

/** Error values as Swedish Excel names them. */
const SWEDISH_ERRORS: Record<string, string> = {
  "#N/A": "#SAKNAS!",
  "#VALUE!": "#VÄRDEFEL!",
  "#DIV/0!": "#DIVISION/0!",
  "#NUM!": "#OGILTIGT!",
  "#NAME?": "#NAMN?",
  "#REF!": "#REFERENS!",
  "#NULL!": "#SKÄRNING!",
  "#CYCLE!": "#CIRKEL!",
};

/** A cell value as Swedish Excel would show it under its number format. */
export function cellText(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (isCellError(value)) return SWEDISH_ERRORS[value.error] ?? value.error;
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const amount = amountFromCellNumber(value);
  if (numberFormat?.includes("%")) return formatPercent(amount, (numberFormat.split(".")[1] ?? "").replace(/[^0]/g, "").length);
  if (numberFormat && /y{2,4}-m{1,2}-d{1,2}/i.test(numberFormat) && value >= 61) {
    try {
      return formatIsoDate(fromExcelSerial(value));
    } catch {
      return String(value);
    }
  }
  if (numberFormat && /0/.test(numberFormat)) return formatAmount(amount, { decimals: (numberFormat.split(".")[1] ?? "").replace(/[^0]/g, "").length });
  return formatAmount(amount, { decimals: Math.min(amount.decimalPlaces(), 10) });
}
