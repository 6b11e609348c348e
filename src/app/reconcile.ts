import { Amount } from "../core/money";

import { CivilDate } from "../core/dates";
import { Deadline, contractDeadlines } from "../core/contracts";
import { FLAG_LABELS, Reconciliation, reconcile } from "../core/reconciliation";
import { FlagRule, WorkbookPort } from "../workbook/port";
import { CellInput } from "../core/cells";
import { Model } from "../model/tables";
import { readModel } from "./model";

export const RECONCILIATION_SHEET = "Avtalskontroll";
export const RECONCILIATION_HEADERS = ["Kommun/Medlem", "Leverantör/System", "Avtalat", "Fakturerat", "Diff", "Per invånare", "Flagga"];

export const FLAG_FILLS: FlagRule[] = [
  { text: FLAG_LABELS["invoiced-without-contract"], fill: "#F4B6B6" },
  { text: FLAG_LABELS["contract-without-invoicing"], fill: "#FCE1A9" },
  { text: FLAG_LABELS.difference, fill: "#FFF4B3" },
  { text: FLAG_LABELS.ok, fill: "#C9E7C0" },
];


/** The Avtalskontroll sheet: a block per member with its rows and a total row that adds up. */
export function reconciliationCells(result: Reconciliation): { cells: CellInput[][]; boldRows: number[] } {
  const cells: CellInput[][] = [RECONCILIATION_HEADERS];
  const boldRows = [0];
  for (const m of result.members) {
    for (const r of m.rows) cells.push([r.member, r.supplier, r.agreed, r.invoiced, r.diff, r.perInhabitant, FLAG_LABELS[r.flag]]);
    boldRows.push(cells.length);
    cells.push([`Summa ${m.member}`, "", m.total.agreed, m.total.invoiced, m.total.diff, m.total.perInhabitant, ""]);
  }
  boldRows.push(cells.length);
  cells.push(["Summa alla medlemmar", "", result.total.agreed, result.total.invoiced, result.total.diff, null, ""]);
  return { cells, boldRows };
}

export type { Deadline };

export interface ReconciliationReport {
  result: Reconciliation;
  deadlines: { upcoming: Deadline[]; renewed: Deadline[] };
  errors: Model["errors"];
}

/**
 * Reads Avtal, Utfall and Medlemmar, reconciles, and writes Avtalskontroll. Nothing is written
 * while the model has row errors.
 */
export async function runReconciliation(wb: WorkbookPort, asOf: CivilDate, months: number, signal?: AbortSignal): Promise<ReconciliationReport> {
  const model = await readModel(wb);
  const inhabitants = new Map(model.members.filter((m) => m.inhabitants).map((m) => [m.member, m.inhabitants!] as [string, Amount]));
  const agreed = model.contracts.map((c) => ({ member: c.member, supplier: c.supplier, agreed: c.agreed }));
  const result = reconcile(agreed, model.outcomes, inhabitants);
  const deadlines = contractDeadlines(model.contracts, asOf, months);
  if (model.errors.length > 0) return { result, deadlines, errors: model.errors };
  const { cells, boldRows } = reconciliationCells(result);
  signal?.throwIfAborted();
  await wb.writeSheets([{
    sheet: RECONCILIATION_SHEET,
    cells,
    boldRows,
    numberFormats: [null, null, "#,##0", "#,##0", "#,##0", "0.00", null],
    flagColumn: { column: 6, rules: FLAG_FILLS },
  }]);
  return { result, deadlines, errors: [] };
}

