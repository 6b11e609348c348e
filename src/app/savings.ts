import { CellInput } from "../core/cells";
import { ProcurementSavings } from "../core/savings";
import { roundAmount } from "../core/money";

/**
 * The savings as a sheet: one row per activity and the sum, hours and kronor exact, the share
 * rounded half up to 0,01 % as shown (the exact share stays in the result).
 */
export function savingsRows(result: ProcurementSavings): CellInput[][] {
  const head = ["Aktivitet", "Timmar en medlem", `Timmar ${result.members} var för sig`, "Timmar tillsammans", "Sparade timmar", "Kostnad var för sig", "Kostnad tillsammans", "Besparing (kr)", "Besparing (%)"];
  const row = (a: ProcurementSavings["total"]): CellInput[] => [a.activity, a.oneMember, a.separately, a.together, a.savedHours, a.separateCost, a.togetherCost, a.saving, a.share === null ? null : roundAmount(a.share, 4)];
  return [head, ...result.activities.map(row), row(result.total)];
}
