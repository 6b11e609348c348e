import { mixedMethod } from "../core/allocation";
import { writeOutputSheets } from "./outputSheets";
import { BudgetFollowUp, FollowUpGroup, FollowUpRow, followUpBudget } from "../core/budgetFollowUp";
import { Settlement, settleYear } from "../core/settlement";
import { DomainError } from "../core/errors";
import { WorkbookPort } from "../workbook/port";
import { Model } from "../model/tables";
import { ModelSettings } from "../model/settings";
import { FeeComputation, computeFee, describeVersion } from "./fee";
import { readModelWithSettings } from "./model";
import { CheckedBlock, SheetLayout } from "./sheetLayout";

export const FOLLOW_UP_SHEET = "Budgetuppföljning";
export const SETTLEMENT_SHEET = "Reglering";

const FOLLOW_UP_HEADERS = ["Rad", "Budget", "Utfall", "Differens", "Förbrukat"];
const FOLLOW_UP_RULES = ["Differens = Budget − Utfall"];
const RATIO = ["Förbrukat"];

export interface YearEnd {
  fee: FeeComputation;
  followUp: BudgetFollowUp;
  settlement: Settlement;
}

/** Budget vs outcome and the year-end settlement, computed in core from the model. */
export function computeYearEnd(model: Model, settings: ModelSettings): YearEnd {
  const fee = computeFee(model, settings);
  if (model.costOutcomes.length === 0) throw new DomainError("MISSING_VALUE", "tabellen Kostnadsutfall saknas eller är tom: lägg in utfallet per kostnadsrad först", { table: "Kostnadsutfall" });
  const followUp = followUpBudget(model.budget.records, model.memberCosts.records, model.costOutcomes);
  const settlement = settleYear({ commonFee: fee.fee.fee, followUp, key: fee.version.entries, method: mixedMethod(settings.equalShare) });
  return { fee, followUp, settlement };
}

function followUpRowCells(label: string, r: FollowUpRow) {
  return [label, r.budget, r.outcome, r.difference, r.used];
}

function groupRows(out: SheetLayout, groups: readonly FollowUpGroup[], unbudgetedNote: string) {
  for (const g of groups) {
    out.row([g.label], true);
    for (const r of g.rows) out.row(followUpRowCells(r.unbudgeted ? `${r.category} (${unbudgetedNote})` : r.category, r));
    out.row(followUpRowCells(g.total.section, g.total), true);
  }
}

/**
 * Budgetuppföljning: the common budget per section and line, member-specific lines per member,
 * each with budget, outcome, difference (budget − outcome) and the share used; outcome booked on
 * a line without budget is its own row. Three tables, each of which adds up on its own.
 */
export function followUpSheet(y: YearEnd): SheetLayout {
  const out = new SheetLayout();
  out.row([`Budgetuppföljning ${y.fee.settings.year}`], true);
  out.blank();
  const common = out.table("Gemensam budget", FOLLOW_UP_HEADERS, FOLLOW_UP_RULES, RATIO);
  groupRows(out, y.followUp.sections, "ej budgeterat");
  out.row(followUpRowCells(y.followUp.common.section, y.followUp.common), true);
  common.end();
  out.blank();
  const members = out.table("Medlemsspecifikt", FOLLOW_UP_HEADERS, FOLLOW_UP_RULES, RATIO);
  groupRows(out, y.followUp.members, "ej budgeterat");
  out.row(followUpRowCells(y.followUp.memberSpecific.section, y.followUp.memberSpecific), true);
  members.end();
  out.blank();
  const total = out.table("Totalt", FOLLOW_UP_HEADERS, FOLLOW_UP_RULES, RATIO);
  out.row(followUpRowCells("Gemensam budget", y.followUp.common));
  out.row(followUpRowCells("Medlemsspecifikt", y.followUp.memberSpecific));
  out.row(followUpRowCells(y.followUp.total.section, y.followUp.total), true);
  total.end();
  out.format(`B4:D${out.nextRow - 1}`, "#,##0");
  out.format(`E4:E${out.nextRow - 1}`, "0.0%");
  return out;
}

/**
 * Reglering: each member's share of the common surplus or deficit by the decided key, and its
 * member-specific lines at actual cost. Positive amounts go back to the member.
 */
export function settlementSheet(y: YearEnd): SheetLayout {
  const s = y.settlement;
  const out = new SheetLayout();
  out.row([`Reglering ${y.fee.settings.year}`], true);
  out.blank();
  out.row(["Medlemsbidrag (gemensam del)", s.commonFee]);
  out.row(["Utfall gemensam budget", s.commonOutcome]);
  out.row([s.commonResult.isNegative() ? "Underskott att fördela" : "Överskott att fördela", s.commonResult]);
  out.row(["Fördelas efter nyckel", describeVersion(y.fee.version)]);
  out.row(["Positivt belopp = återbetalas till medlemmen, negativt = medlemmen betalar"]);
  out.format("B3:B5", "#,##0");
  out.blank();
  const headers = ["Medlem", "Andel gemensamt resultat", "Medlemsspecifikt budget", "Medlemsspecifikt utfall", "Medlemsspecifik reglering", "Summa reglering"];
  const table = out.table("Reglering", headers, [
    "Medlemsspecifik reglering = Medlemsspecifikt budget − Medlemsspecifikt utfall",
    "Summa reglering = Andel gemensamt resultat + Medlemsspecifik reglering",
  ]);
  for (const r of [...s.rows, s.total]) out.row([r.member, r.commonShare, r.specificBudget, r.specificOutcome, r.specificSettlement, r.total], r === s.total);
  table.end();
  out.format(`B${table.headerRow + 1}:F${out.nextRow - 1}`, "#,##0");
  return out;
}

/** Writes Budgetuppföljning and Reglering in one write. */
export async function runYearEnd(wb: WorkbookPort, signal?: AbortSignal): Promise<YearEnd & { blocks: { sheet: string; block: CheckedBlock }[] }> {
  const { model, settings } = await readModelWithSettings(wb);
  const y = computeYearEnd(model, settings);
  const sheets = [{ sheet: FOLLOW_UP_SHEET, layout: followUpSheet(y) }, { sheet: SETTLEMENT_SHEET, layout: settlementSheet(y) }];
  signal?.throwIfAborted();
  await writeOutputSheets(wb, sheets.map((s) => ({ sheet: s.sheet, cells: s.layout.cells, boldRows: s.layout.boldRows, cellFormats: s.layout.cellFormats })));
  return { ...y, blocks: sheets.flatMap((s) => s.layout.blocks.map((block) => ({ sheet: s.sheet, block }))) };
}
