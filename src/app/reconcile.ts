import { Amount } from "../core/money";
import { writeOutputSheets } from "./outputSheets";
import { CivilDate } from "../core/dates";
import { Deadline, IndexSeries, contractDeadlines, indexedAmount } from "../core/contracts";
import { FLAG_LABELS, Outcome, Reconciliation, reconcile } from "../core/reconciliation";
import { isDomainError } from "../core/errors";
import { RowError } from "../core/cells";
import { FlagRule, WorkbookPort } from "../workbook/port";
import { ImportedContract } from "../model/contracts";
import { Member, TableRecords } from "../model/tables";
import { readModel } from "./model";
import { CheckedBlock, SheetLayout } from "./sheetLayout";

export const RECONCILIATION_SHEET = "Avtalskontroll";
export const RECONCILIATION_HEADERS = ["Kommun/Medlem", "Leverantör/System", "Avtalat", "Indexerat avtalat", "Fakturerat", "Diff", "Per invånare", "Flagga"];
const RULES = ["Diff = Indexerat avtalat − Fakturerat"];
const RATIOS = ["Per invånare"];

export const FLAG_FILLS: FlagRule[] = [
  { text: FLAG_LABELS["invoiced-without-contract"], fill: "#F4B6B6" },
  { text: FLAG_LABELS["contract-without-invoice"], fill: "#FCE1A9" },
  { text: FLAG_LABELS.difference, fill: "#FFF4B3" },
  { text: FLAG_LABELS.ok, fill: "#C9E7C0" },
  { text: FLAG_LABELS["no-amounts"], fill: "#E7E6E6" },
];

export type { Deadline };

/** What reconciliation needs, whether read from the workbook or from files. */
export interface ReconciliationInput {
  contracts: Pick<TableRecords<ImportedContract>, "records" | "rows" | "source">;
  outcomes: Outcome[];
  members: Member[];
  indexSeries: ReadonlyMap<string, IndexSeries>;
}

export interface ReconciliationReport {
  result: Reconciliation;
  deadlines: { upcoming: Deadline[]; renewed: Deadline[] };
  errors: RowError[];
  /** What was computed but deserves a look, e.g. an index series without a base month. */
  warnings: string[];
}

/**
 * Agreed (indexed by each contract's clause, to the latest index month on or before `asOf`) vs
 * invoiced per member and system, and the notice and option deadlines within `months`.
 */
export function reconcileInput(input: ReconciliationInput, asOf: CivilDate, months: number): ReconciliationReport {
  const errors: RowError[] = [];
  const warnings = input.contracts.records.flatMap((c, i) => (c.indexWithoutBase ? [`${input.contracts.source}, rad ${input.contracts.rows[i]}: ${c.supplier}/${c.member} har indexserien ${c.indexWithoutBase} men ingen basmånad, så avtalat belopp jämförs oindexerat`] : []));
  const agreed = input.contracts.records.map((c, i) => {
    let indexed: Amount | null = c.agreed;
    if (c.agreed !== null && c.index) {
      try {
        indexed = indexedAmount(c.agreed, c.index, input.indexSeries, asOf).amount;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        errors.push({ file: input.contracts.source, row: input.contracts.rows[i], column: "Indexserie", message: error.message });
      }
    }
    return { member: c.member, supplier: c.supplier, agreed: c.agreed, indexedAgreed: indexed };
  });
  const inhabitants = new Map(input.members.filter((m) => m.inhabitants).map((m) => [m.member, m.inhabitants!] as [string, Amount]));
  return { result: reconcile(agreed, input.outcomes, inhabitants), deadlines: contractDeadlines(input.contracts.records, asOf, months), errors, warnings };
}

/** The Avtalskontroll table: a block per member with its rows and a total row, and a grand total. */
export function reconciliationSheet(result: Reconciliation): SheetLayout {
  const out = new SheetLayout();
  const table = out.table("Avtalskontroll", RECONCILIATION_HEADERS, RULES, RATIOS);
  const perInhabitant = (a: Amount | null) => a ?? "saknas";
  for (const m of result.members) {
    for (const r of m.rows) out.row([r.member, r.supplier, r.agreed, r.indexedAgreed, r.invoiced, r.diff, perInhabitant(r.perInhabitant), FLAG_LABELS[r.flag]]);
    out.row([`Summa ${m.member}`, "", m.total.agreed, m.total.indexedAgreed, m.total.invoiced, m.total.diff, perInhabitant(m.total.perInhabitant), ""], true);
  }
  out.row(["Summa alla medlemmar", "", result.total.agreed, result.total.indexedAgreed, result.total.invoiced, result.total.diff, null, ""], true);
  table.end();
  return out;
}

/**
 * Reads Avtal, Utfall, Medlemmar and Index, reconciles, and writes Avtalskontroll. Nothing is
 * written while the model has row errors.
 */
export async function runReconciliation(wb: WorkbookPort, asOf: CivilDate, months: number, signal?: AbortSignal): Promise<ReconciliationReport & { blocks: CheckedBlock[] }> {
  const model = await readModel(wb, asOf.year);
  const report = reconcileInput({ contracts: model.contractRows, outcomes: model.outcomes, members: model.members, indexSeries: model.indexSeries }, asOf, months);
  const errors = [...model.errors, ...report.errors];
  if (errors.length > 0) return { ...report, errors, blocks: [] };
  const layout = reconciliationSheet(report.result);
  signal?.throwIfAborted();
  await writeOutputSheets(wb, [{
    sheet: RECONCILIATION_SHEET,
    cells: layout.cells,
    boldRows: layout.boldRows,
    numberFormats: [null, null, "#,##0", "#,##0", "#,##0", "#,##0", "#,##0.00", null],
    flagColumn: { column: 7, rules: FLAG_FILLS },
  }]);
  return { ...report, blocks: layout.blocks };
}
