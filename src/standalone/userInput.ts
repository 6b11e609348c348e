import { parseNumberText } from "../core/numberText";
import { isDomainError } from "../core/errors";
import { parseDate, toExcelSerial } from "../core/dates";
import { formulaFromSwedish } from "../workbook/localFormula";
import type { UserCell } from "../workbook/embeddedWorkbook";

/**
 * What a Swedish user means by a cell's text: "=…" a formula in Swedish syntax, "1 234,50",
 * "12,5 %" or "-53 000" a number, "2027-04-30" a date, anything else text.
 */
export function readUserCell(text: string): UserCell {
  const t = text.trim();
  if (t.startsWith("=")) return { kind: "formula", formula: formulaFromSwedish(t) };
  if (t === "") return { kind: "text", text: "" };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    try {
      return { kind: "date", value: toExcelSerial(parseDate(t)) };
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  try {
    const parsed = parseNumberText(t);
    if (parsed.kind === "number" && parsed.unit !== "tkr") return { kind: "number", value: Number(parsed.value.toString()) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  return { kind: "text", text };
}
