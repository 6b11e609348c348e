import { Amount } from "../core/money";

import { CivilDate, compareDates, addMonths, formatIsoDate } from "../core/dates";
import { noticeStatus, optionDeadlines } from "../core/contracts";
import { FLAG_LABELS, Reconciliation, reconcile } from "../core/reconciliation";
import { CellInput, FlagRule, WorkbookPort } from "./port";
import { Model, readModel } from "./modelTables";

export const RECONCILIATION_SHEET = "Avtalskontroll";
export const RECONCILIATION_HEADERS = ["Kommun/Medlem", "Leverantör/System", "Avtalat", "Fakturerat", "Diff", "Per invånare", "Flagga"];

export const FLAG_FILLS: FlagRule[] = [
  { text: FLAG_LABELS["invoiced-without-contract"], fill: "#F4B6B6" },
  { text: FLAG_LABELS["contract-without-invoicing"], fill: "#FCE1A9" },
  { text: FLAG_LABELS.difference, fill: "#FFF4B3" },
  { text: FLAG_LABELS.ok, fill: "#C9E7C0" },
];

const num = (a: Amount | null) => (a === null ? null : a.toNumber());

/** The Avtalskontroll sheet: a block per member with its rows and a total row that adds up. */
export function reconciliationCells(result: Reconciliation): { cells: CellInput[][]; boldRows: number[] } {
  const cells: CellInput[][] = [RECONCILIATION_HEADERS];
  const boldRows = [0];
  for (const m of result.members) {
    for (const r of m.rows) cells.push([r.member, r.supplier, num(r.agreed), num(r.invoiced), num(r.diff), num(r.perInhabitant), FLAG_LABELS[r.flag]]);
    boldRows.push(cells.length);
    cells.push([`Summa ${m.member}`, "", m.total.agreed.toNumber(), m.total.invoiced.toNumber(), m.total.diff.toNumber(), num(m.total.perInhabitant), ""]);
  }
  boldRows.push(cells.length);
  cells.push(["Summa alla medlemmar", "", result.total.agreed.toNumber(), result.total.invoiced.toNumber(), result.total.diff.toNumber(), null, ""]);
  return { cells, boldRows };
}

export interface Deadline {
  supplier: string;
  member: string;
  kind: "uppsägning" | "option";
  date: string;
  periodEnd: string;
  renewals: number;
}

/** Notice and option deadlines within `months` of `asOf`, and contracts that have renewed by themselves. */
export function contractDeadlines(model: Pick<Model, "contracts">, asOf: CivilDate, months: number): { upcoming: Deadline[]; renewed: Deadline[] } {
  const horizon = addMonths(asOf, months);
  const upcoming: Deadline[] = [];
  const renewed: Deadline[] = [];
  for (const c of model.contracts) {
    const status = noticeStatus(c, asOf);
    if (!status) continue;
    const base = { supplier: c.supplier, member: c.member, periodEnd: formatIsoDate(status.periodEnd), renewals: status.renewals };
    if (status.noticeDeadline && compareDates(status.noticeDeadline, asOf) >= 0 && compareDates(status.noticeDeadline, horizon) <= 0) {
      upcoming.push({ ...base, kind: "uppsägning", date: formatIsoDate(status.noticeDeadline) });
    }
    for (const o of optionDeadlines(status.periodEnd, c.options ?? [])) {
      if (compareDates(o.callDeadline, asOf) >= 0 && compareDates(o.callDeadline, horizon) <= 0) upcoming.push({ ...base, kind: "option", date: formatIsoDate(o.callDeadline) });
    }
    if (status.renewals > 0) renewed.push({ ...base, kind: "uppsägning", date: status.noticeDeadline ? formatIsoDate(status.noticeDeadline) : "" });
  }
  upcoming.sort((a, b) => a.date.localeCompare(b.date));
  renewed.sort((a, b) => b.renewals - a.renewals);
  return { upcoming, renewed };
}

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
  const deadlines = contractDeadlines(model, asOf, months);
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

