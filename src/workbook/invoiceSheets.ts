import { Amount, ZERO } from "../core/money";
import { KeyEntry, mixedMethod, validateKey } from "../core/allocation";
import { CivilDate, addDays, formatIsoDate } from "../core/dates";
import { MemberFee, memberFees, proposeFee } from "../core/fee";
import { CallOff, PriceEntry } from "../core/catalogue";
import { Guarantee, GuaranteeFollowUp, followUpGuarantee } from "../core/guaranteedVolumes";
import { COMPONENTS, InvoiceBasis, InvoicePeriod, MemberInvoice, Penalty, invoiceBasis, invoiceProblems, parsePeriod, periodLabel, periodRange } from "../core/invoiceBasis";
import { ColumnMapping, FieldSpec, RowError, SourceTable, guessMapping } from "../io/sourceTable";
import { importRecords, readAmount, readDate, readText } from "../io/recordImport";
import { CALL_OFF_FIELDS, PRICE_FIELDS, importCallOffs, importPrices } from "../io/catalogueImport";
import { CellInput, FlagRule, SheetSpec, WorkbookPort } from "./port";
import { MODEL_TABLES, TABLES, modelFromTables, readSettings, readTable } from "./modelTables";

export const SUMMARY_SHEET = "Fakturaunderlag";
export const GUARANTEE_SHEET = "Garantiuppföljning";

type PenaltyField = "member" | "period" | "kind" | "amount";
const PENALTY_FIELDS: FieldSpec<PenaltyField>[] = [
  { field: "member", label: "Medlem", headers: ["Medlem", "Kommun"], required: true },
  { field: "period", label: "Kvartal", headers: ["Kvartal", "Period"], required: true },
  { field: "kind", label: "Typ", headers: ["Typ", "Orsak"], required: false },
  { field: "amount", label: "Belopp", headers: ["Belopp", "Vite"], required: true },
];

type GuaranteeField = "supplier" | "service" | "yearStart" | "quantity" | "price";
const GUARANTEE_FIELDS: FieldSpec<GuaranteeField>[] = [
  { field: "supplier", label: "Leverantör", headers: ["Leverantör", "Avtal"], required: true },
  { field: "service", label: "Tjänst", headers: ["Tjänst"], required: true },
  { field: "yearStart", label: "Avtalsår från", headers: ["Avtalsår från", "Avtalsårets start", "Leveransgodkännande"], required: true },
  { field: "quantity", label: "Garanterad volym", headers: ["Garanterad volym", "Garanti", "Volym"], required: true },
  { field: "price", label: "Pris", headers: ["Pris", "Pris per enhet"], required: true },
];

export const PENALTY_TABLE_HEADERS = ["Medlem", "Kvartal", "Typ", "Belopp"];
export const GUARANTEE_TABLE_HEADERS = ["Leverantör", "Tjänst", "Avtalsår från", "Garanterad volym", "Pris"];

export interface InvoiceModel {
  fees: MemberFee[];
  commonFee: Amount;
  key: KeyEntry[];
  prices: PriceEntry[];
  callOffs: CallOff[];
  penalties: Penalty[];
  guarantees: Guarantee[];
  errors: RowError[];
}

/**
 * Reads what an invoice basis needs in one round trip and checks it: unknown members or
 * services, call-offs without a valid price and members outside the key become row errors
 * naming sheet, table, row and column.
 */
export async function readInvoiceModel(wb: WorkbookPort, year: number): Promise<InvoiceModel> {
  const tables = await wb.readTables([...MODEL_TABLES, TABLES.prices, TABLES.callOffs, TABLES.penalties, TABLES.guarantees]);
  const model = modelFromTables(tables.slice(0, MODEL_TABLES.length));
  const [pricesT, callsT, penaltiesT, guaranteesT] = tables.slice(MODEL_TABLES.length);
  const errors: RowError[] = [...model.errors];
  const mapped = <F extends string>(s: SourceTable, fields: readonly FieldSpec<F>[]): ColumnMapping<F> => guessMapping(s.headers, fields);
  const prices = readTable(pricesT, errors, (s) => importPrices(s, mapped(s, PRICE_FIELDS))).records;
  const calls = readTable(callsT, errors, (s) => importCallOffs(s, mapped(s, CALL_OFF_FIELDS)));
  const penalties = readTable(penaltiesT, errors, (s) => importRecords(s, PENALTY_FIELDS, mapped(s, PENALTY_FIELDS), (get) => ({
    member: get("member", readText),
    period: get("period", (cell) => parsePeriod(String(cell ?? ""), year)),
    kind: get("kind", readText) || "övrigt",
    amount: get("amount", readAmount) ?? ZERO,
  })));
  const guarantees = readTable(guaranteesT, errors, (s) => importRecords(s, GUARANTEE_FIELDS, mapped(s, GUARANTEE_FIELDS), (get) => ({
    supplier: get("supplier", readText), service: get("service", readText), yearStart: get("yearStart", readDate)!, quantity: get("quantity", readAmount) ?? ZERO, unitPrice: get("price", readAmount) ?? ZERO,
  }), (g) => (!g.yearStart ? { column: "Avtalsår från", message: "datum saknas" } : null)));

  const key = model.newKey;
  if (key.length === 0) errors.push({ file: "tabellen Nyckel", row: 1, column: "", message: "tabellen Nyckel saknas eller är tom" });
  const located = { members: model.memberTable, callOffs: calls, penalties };
  for (const p of invoiceProblems(key, model.members, prices, calls.records, penalties.records)) {
    const table = located[p.list];
    errors.push({ file: table.source, row: table.rows[p.index], column: p.column, message: p.message });
  }

  const settings = await readSettings(wb);
  const commonFee = proposeFee(settings.lastYearFee, settings.upliftRate).nextYearFee;
  let fees: MemberFee[] = [];
  if (errors.length === 0) {
    validateKey(key);
    const fixed = model.members.filter((m) => !m.fixedCosts.isZero()).map((m) => ({ member: m.member, label: "Fasta kostnader", amount: m.fixedCosts }));
    fees = memberFees(commonFee, key, fixed, mixedMethod(settings.equalShare));
  }
  const guaranteeList: Guarantee[] = guarantees.records.map((g) => ({ ...g, distribution: { kind: "key", key } }));
  return { fees, commonFee, key, prices, callOffs: calls.records, penalties: penalties.records, guarantees: guaranteeList, errors };
}

const num = (a: Amount) => a.toNumber();

export function summaryCells(basis: InvoiceBasis): CellInput[][] {
  const header = ["Medlem", "Medlemsbidrag", "Fasta kostnader", "Tjänster", "Garanterad volym", "Viten", "Summa"];
  const rows = basis.members.map((m) => [m.member, ...COMPONENTS.map((c) => num(m.lines.filter((l) => l.component === c).reduce((s, l) => s.plus(l.amount), ZERO))), num(m.total)]);
  const totals = ["Summa", ...header.slice(1).map((_, i) => rows.reduce((s, r) => s + (r[i + 1] as number), 0))];
  const checks = [["Kontroll: kostnad in = kostnad ut", "Organisationen", "Medlemmarna", "Differens", "Förklaring"], ...basis.checks.map((c) => [c.component, num(c.organisation), num(c.members), num(c.difference), c.explanation])];
  return [[`Fakturaunderlag ${periodLabel(basis.period)}`], [], header, ...rows, totals, [], ...checks];
}

export function memberCells(m: MemberInvoice, period: InvoicePeriod): CellInput[][] {
  return [[`Fakturaunderlag ${m.member}, ${periodLabel(period)}`], [], ["Komponent", "Text", "Källa", "Belopp"], ...m.lines.map((l) => [l.component, l.text, l.source, num(l.amount)]), ["Summa", "", "", num(m.total)]];
}

const GUARANTEE_FLAGS: FlagRule[] = [{ text: "Risk för underskott", fill: "#F4B6B6" }, { text: "OK", fill: "#C9E7C0" }];

export function guaranteeCells(followUps: readonly GuaranteeFollowUp[], asOf: CivilDate): CellInput[][] {
  const cells: CellInput[][] = [[`Garantiuppföljning per ${formatIsoDate(asOf)}`]];
  for (const f of followUps) {
    cells.push([], [`${f.guarantee.supplier}: ${f.guarantee.service}, avtalsår från ${formatIsoDate(f.guarantee.yearStart)}`], ["Medlem", "Garanterat", "Beställt hittills", "Prognos för året", "Förväntat underskott (kr)", "Status"]);
    for (const r of [...f.rows, f.total]) cells.push([r.member, num(r.guaranteed), num(r.ordered), num(r.forecast), num(r.expectedShortfallAmount), r === f.total ? "" : r.expectedShortfallAmount.isZero() ? "OK" : "Risk för underskott"]);
  }
  return cells;
}

/** A sheet name Excel accepts for a member's own invoice sheet. */
export function memberSheetName(member: string): string {
  return `Underlag ${member}`.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);
}

export interface InvoiceRun {
  basis: InvoiceBasis | null;
  followUps: GuaranteeFollowUp[];
  errors: RowError[];
}

/** Computes the invoice basis for a period from the workbook's model, without writing. */
export async function computeInvoice(wb: WorkbookPort, year: number, periodText: string): Promise<InvoiceRun & { model: InvoiceModel; period: InvoicePeriod }> {
  const period = parsePeriod(periodText, year);
  const model = await readInvoiceModel(wb, year);
  if (model.errors.length > 0) return { basis: null, followUps: [], errors: model.errors, model, period };
  const basis = invoiceBasis({ period, fees: model.fees, commonFee: model.commonFee, prices: model.prices, callOffs: model.callOffs, guarantees: model.guarantees, penalties: model.penalties });
  const asOf = addDays(periodRange(period).to, -1);
  const followUps = model.guarantees.map((g) => followUpGuarantee(g, model.callOffs, asOf));
  return { basis, followUps, errors: [], model, period };
}

/**
 * Fakturaunderlag: writes the summary (with the cost-in = cost-out checks), one sheet per member
 * or one block per member on the summary sheet, and the guarantee follow-up. Re-running replaces
 * those sheets; nothing is written while the model has errors.
 */
export async function runInvoiceBasis(wb: WorkbookPort, year: number, periodText: string, layout: "sheets" | "blocks", signal?: AbortSignal): Promise<InvoiceRun> {
  const run = await computeInvoice(wb, year, periodText);
  if (!run.basis) return run;
  const basis = run.basis;
  const summary = summaryCells(basis);
  const specs: SheetSpec[] = [];
  const money = { format: "#,##0.00" };
  if (layout === "blocks") {
    const cells = [...summary];
    for (const m of basis.members) cells.push([], ...memberCells(m, basis.period));
    specs.push({ sheet: SUMMARY_SHEET, cells, cellFormats: [{ address: `B4:F${cells.length}`, ...money }], boldRows: [0, 2] });
  } else {
    specs.push({ sheet: SUMMARY_SHEET, cells: summary, cellFormats: [{ address: `B4:G${summary.length}`, ...money }], boldRows: [0, 2] });
    for (const m of basis.members) specs.push({ sheet: memberSheetName(m.member), cells: memberCells(m, basis.period), cellFormats: [{ address: `D4:D${m.lines.length + 4}`, ...money }], boldRows: [0, 2, m.lines.length + 3] });
  }
  if (run.followUps.length > 0) {
    const asOf = addDays(periodRange(basis.period).to, -1);
    specs.push({ sheet: GUARANTEE_SHEET, cells: guaranteeCells(run.followUps, asOf), flagColumn: { column: 5, rules: GUARANTEE_FLAGS }, boldRows: [0] });
  }
  signal?.throwIfAborted();
  await wb.writeSheets(specs);
  return run;
}

