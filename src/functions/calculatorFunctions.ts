import { Amount, ZERO } from "../core/money";
import { procurementSavings } from "../core/savings";
import { capitalCostInYear } from "../core/capitalCost";
import { FunctionError } from "./functionError";
import { ExcelMatrix, ExcelScalar, readInteger, readNumber, readRange, toExcelNumber } from "./excelValues";
import { guard } from "./allocationFunctions";

/** A cell or a column of hours (one per activity), summed; blank cells count as 0. */
function hoursOf(input: ExcelScalar | ExcelMatrix, argument: string): Amount {
  return readRange(input as ExcelMatrix, argument).reduce<Amount>((s, v) => {
    if (v.kind === "missing") throw new FunctionError("#N/A", `${argument}: värde saknas`);
    return v.kind === "number" ? s.plus(v.value) : s;
  }, ZERO);
}

/**
 * BESPARING / SAVINGS: (n × hours for one member − hours together) × hourly cost, or as a share of
 * the hours separately. Ranges of hours are summed first: the share of the whole is weighted by
 * hours, never an average of the activities' shares.
 */
export function savingsValue(hoursOneMember: ExcelScalar | ExcelMatrix, members: ExcelScalar, hoursTogether: ExcelScalar | ExcelMatrix, hourlyCost: ExcelScalar, asShare?: ExcelScalar): number {
  const one = hoursOf(hoursOneMember, "timmar_en_medlem");
  const together = hoursOf(hoursTogether, "timmar_tillsammans");
  const n = readInteger(members, "antal_medlemmar", 0, 1, 10_000);
  const rate = readNumber(hourlyCost, "timkostnad");
  if (asShare !== undefined && asShare !== null && typeof asShare !== "boolean") throw new FunctionError("#VALUE!", "som_andel ska vara SANT eller FALSKT");
  const result = guard(() => procurementSavings([{ activity: "Summa", oneMember: one, together }], n, rate), "timmar_en_medlem").total;
  if (asShare) {
    if (result.share === null) throw new FunctionError("#VALUE!", "timmarna var för sig är 0, så det finns ingen andel");
    return toExcelNumber(result.share);
  }
  return toExcelNumber(result.saving);
}

/** KAPITALKOSTNAD / CAPITALCOST: depreciation + internal interest on the opening book value in year k. */
export function capitalCostValue(amount: ExcelScalar, years: ExcelScalar, interestRate: ExcelScalar, yearNumber: ExcelScalar, decimals?: ExcelScalar): number {
  const total = readNumber(amount, "belopp");
  const n = readInteger(years, "avskrivningsår", 0, 1, 100);
  const rate = readNumber(interestRate, "internränta");
  const k = readInteger(yearNumber, "år_nr", 0, 1, 1000);
  const d = readInteger(decimals, "decimaler", 0, 0, 2);
  return toExcelNumber(guard(() => capitalCostInYear(total, n, rate, k, d), "internränta"));
}
