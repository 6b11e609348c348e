import { CellInput, RowError, SourceTable } from "../core/cells";
import { writeOutputSheets } from "./outputSheets";
import { ProcurementSavings, procurementSavings } from "../core/savings";
import { AmountLike, roundAmount } from "../core/money";
import { importActivities } from "../model/savingsActivities";
import { WorkbookPort } from "../workbook/port";

export const SAVINGS_SHEET = "Besparing";

/** The savings from a table of activities, or the rows' errors. */
export function savingsFromTable(table: SourceTable, members: number, hourlyCost: AmountLike): { result: ProcurementSavings | null; errors: RowError[] } {
  const imported = importActivities(table);
  if (imported.errors.length > 0) return { result: null, errors: imported.errors };
  return { result: procurementSavings(imported.records, members, hourlyCost), errors: [] };
}

/** Writes the savings sheet, the sum row in bold. */
export async function writeSavings(port: WorkbookPort, result: ProcurementSavings): Promise<void> {
  const cells = savingsRows(result);
  await writeOutputSheets(port, [{ sheet: SAVINGS_SHEET, cells, numberFormats: [null, "#,##0.##", "#,##0.##", "#,##0.##", "#,##0.##", "#,##0", "#,##0", "#,##0", "0.00%"], boldRows: [0, cells.length - 1] }]);
}

/**
 * The savings as a sheet: one row per activity and the sum, hours and kronor exact, the share
 * rounded half up to 0,01 % as shown (the exact share stays in the result).
 */
export function savingsRows(result: ProcurementSavings): CellInput[][] {
  const head = ["Aktivitet", "Timmar en medlem", `Timmar ${result.members} var för sig`, "Timmar tillsammans", "Sparade timmar", "Kostnad var för sig", "Kostnad tillsammans", "Besparing (kr)", "Besparing (%)"];
  const row = (a: ProcurementSavings["total"]): CellInput[] => [a.activity, a.oneMember, a.separately, a.together, a.savedHours, a.separateCost, a.togetherCost, a.saving, a.share === null ? null : roundAmount(a.share, 4)];
  return [head, ...result.activities.map(row), row(result.total)];
}
