import { mixedMethod } from "../core/allocation";
import { writeOutputSheets } from "./outputSheets";
import { CivilDate, addDays, formatIsoDate, todayLocal } from "../core/dates";
import { memberCostAmount } from "../core/budget";
import { Guarantee, GuaranteeFollowUp, followUpGuarantee } from "../core/guaranteedVolumes";
import { byInvoicingParty } from "../core/invoicingParties";
import { memberId } from "../core/memberIdentity";
import { COMPONENTS, InvoiceBasis, InvoicePeriod, MemberInvoice, basisSummary, invoiceBasis, invoiceProblems, parsePeriod, periodLabel, periodRange, periodsPerYear } from "../core/invoiceBasis";
import { YearSchedule, invoicedTable, yearSchedule } from "../core/invoicing";
import { PenaltyInvoice, penaltyInvoices } from "../core/penalties";
import { isDomainError } from "../core/errors";
import { RowError } from "../core/cells";
import { formatAmount } from "../core/numberText";
import { FlagRule, SheetSpec, WorkbookPort } from "../workbook/port";
import { WRITTEN_SHEETS_SETTING } from "../workbook/writtenSheets";
import { MEMBERS, MODEL_TABLES, Model, PENALTIES, modelFromTables, tablesByName } from "../model/tables";
import { CALL_OFFS } from "../model/catalogue";
import { FieldSpec, fieldLabel } from "../model/fields";
import { computeFee } from "./fee";
import { readModel } from "./model";
import { ModelSettings, parseSettings } from "../model/settings";
import { isText, listSetting } from "../core/listSetting";
import { CheckedBlock, SheetLayout } from "./sheetLayout";
import { SHEET_NAME, uniqueNames } from "../core/names";

export const SUMMARY_SHEET = "Fakturaunderlag";
export const PERIOD_SHEET = "Periodplan";
export const GUARANTEE_SHEET = "Garantiuppföljning";
/** Not "Viten": that is the name of the user's own table of penalties, often on a sheet of that name. */
export const PENALTY_SHEET = "Vitesunderlag";
/** The document setting that remembers the sheets of the last invoice run, so a new run replaces them all. */
export const INVOICE_SHEETS_SETTING = "invoiceSheets";

const COMPONENT_HEADERS: Record<(typeof COMPONENTS)[number], string> = {
  medlemsbidrag: "Medlemsbidrag",
  "fasta kostnader": "Medlemsspecifika kostnader",
  tjänster: "Tjänster",
  "garanterad volym": "Garanterad volym",
};

export interface InvoiceRun {
  basis: InvoiceBasis | null;
  schedule: YearSchedule | null;
  followUps: GuaranteeFollowUp[];
  errors: RowError[];
}

/** Model errors, and call-offs, penalties and members the key cannot invoice, located in their tables. */
function invoiceErrors(model: Model, key: { member: string }[]): RowError[] {
  const errors: RowError[] = [...model.errors];
  const located = { members: [model.memberTable, MEMBERS.fields], callOffs: [model.callOffs, CALL_OFFS.fields], penalties: [model.penalties, PENALTIES.fields] } as const;
  for (const p of invoiceProblems(key, model.members, model.prices, model.callOffs.records, model.penalties.records)) {
    const [table, fields] = located[p.list];
    errors.push({ file: table.source, row: table.rows[p.index], column: fieldLabel(fields as readonly FieldSpec<string>[], p.field), message: p.message });
  }
  return errors;
}

/**
 * The settings an invoice run uses: the ones stored in the workbook, for the year they state. A
 * workbook that states no year is read for the period's own year.
 */
export function invoiceSettings(stored: Record<string, string>, period: InvoicePeriod): ModelSettings {
  const settings = parseSettings(stored, todayLocal());
  return (stored.year ?? "").trim() === "" ? { ...settings, year: period.year } : settings;
}

/**
 * The model's uplift and last year's fee belong to the year the settings state: a period of
 * another year would be invoiced at that year's fee, so the run refuses and says so.
 */
export function modelYearErrors(settings: ModelSettings, period: InvoicePeriod): RowError[] {
  if (settings.year === period.year) return [];
  return [{
    file: "inställningarna under Medlemsbidrag", row: 1, column: "År",
    message: `modellen gäller ${settings.year}, men perioden är ${periodLabel(period)}: underlaget skulle räknas med ${settings.year} års uppräkning och bidrag. Välj ett år ${settings.year}, eller byt År under Medlemsbidrag och spara.`,
  }];
}

/** Computes the invoice basis for a period from the workbook's model, without writing. */
export function computeInvoice(model: Model, settings: ModelSettings, period: InvoicePeriod): InvoiceRun {
  const yearErrors = modelYearErrors(settings, period);
  if (yearErrors.length > 0) return { basis: null, schedule: null, followUps: [], errors: yearErrors };
  const asError = (error: unknown): RowError[] => {
    if (!isDomainError(error)) throw error;
    const where = error.location;
    return [{ file: where.source ?? (where.table ? `tabellen ${where.table}` : "modellen"), row: where.row ?? 1, column: where.column ?? "", message: error.message }];
  };
  if (model.errors.length > 0) return { basis: null, schedule: null, followUps: [], errors: model.errors };
  let schedule: YearSchedule;
  let fee;
  try {
    fee = computeFee(model, { ...settings, year: period.year });
    schedule = yearSchedule({ fee: fee.fee.fee, versions: model.keyVersions, year: period.year, periodsPerYear: periodsPerYear(period), method: mixedMethod(settings.equalShare) });
  } catch (error) {
    return { basis: null, schedule: null, followUps: [], errors: asError(error) };
  }
  const members = schedule.members.map((member) => ({ member }));
  const errors = invoiceErrors(model, members);
  if (errors.length > 0) return { basis: null, schedule, followUps: [], errors };
  const guarantees: Guarantee[] = model.guarantees.map(({ fixedShares, ...g }) => ({
    ...g,
    distribution: fixedShares ? { kind: "fixed", quantities: fixedShares } : { kind: "key", key: schedule.periods[period.index - 1].version.entries },
  }));
  const units = invoiceBasis({
    period, schedule,
    memberCosts: model.memberCosts.records.map((c) => ({ member: c.member, label: c.text, amount: memberCostAmount(c) })),
    prices: model.prices, callOffs: model.callOffs.records, guarantees,
  });
  // The key stays per unit; the invoices go to the party Medlemmar names for each unit.
  const basis = byInvoicingParty(units, new Map(model.members.filter((m) => m.party).map((m) => [memberId(m.member), m.party!])));
  const asOf = addDays(periodRange(period).to, -1);
  return { basis, schedule, followUps: guarantees.map((g) => followUpGuarantee(g, model.callOffs.records, asOf)), errors: [] };
}

export function summarySheet(basis: InvoiceBasis): SheetLayout {
  const out = new SheetLayout();
  out.row([`Fakturaunderlag ${periodLabel(basis.period)}`], true);
  out.blank();
  const headers = ["Medlem", ...COMPONENTS.map((c) => COMPONENT_HEADERS[c]), "Summa"];
  const table = out.table("Fakturaunderlag", headers, [`Summa = ${headers.slice(1, -1).join(" + ")}`]);
  const summary = basisSummary(basis);
  for (const r of summary.rows) out.row([r.member, ...r.components, r.total]);
  out.row([summary.total.member, ...summary.total.components, summary.total.total], true);
  table.end();
  out.format(`B${table.headerRow + 1}:G${out.nextRow - 1}`, "#,##0.00");
  out.blank();
  const checks = out.table("Kontroll", ["Kontroll: kostnad in = kostnad ut", "Organisationen", "Medlemmarna", "Differens", "Förklaring"], ["Differens = Medlemmarna − Organisationen"]);
  for (const c of basis.checks) out.row([COMPONENT_HEADERS[c.component], c.organisation, c.members, c.difference, c.explanation]);
  checks.end();
  out.format(`B${checks.headerRow + 1}:D${out.nextRow - 1}`, "#,##0.00");
  return out;
}

/** One member's invoice basis: every line with its component and source, and the sum. */
export function memberSheet(m: MemberInvoice, period: InvoicePeriod, out = new SheetLayout()): SheetLayout {
  out.row([`Fakturaunderlag ${m.member}, ${periodLabel(period)}`], true);
  out.blank();
  const table = out.table(`Fakturaunderlag ${m.member}`, ["Text", "Komponent", "Källa", "Belopp"]);
  for (const l of m.lines) out.row([l.text, COMPONENT_HEADERS[l.component], l.source, l.amount]);
  out.row(["Summa", "", "", m.total], true);
  table.end();
  out.format(`D${table.headerRow + 1}:D${out.nextRow - 1}`, "#,##0.00");
  return out;
}

/**
 * The year's invoicing of the fee, member × period, exact both ways: each member's periods sum to
 * its year, each period's members to the organisation's period. True-ups for a change of key are
 * included in the period that carries them and shown again on their own below.
 */
export function periodSheet(schedule: YearSchedule, kind: InvoicePeriod["kind"]): SheetLayout {
  const out = new SheetLayout();
  const labels = schedule.periods.map((p) => `${kind}${p.index}`);
  const table = invoicedTable(schedule);
  out.row([`Medlemsbidrag ${schedule.year} per period`], true);
  out.row([`Nyckel per period: ${schedule.periods.map((p, i) => `${labels[i]} ${p.version.name}`).join(", ")}`]);
  out.blank();
  const main = out.table("Periodplan", ["Medlem", ...labels, "År"], [`År = ${labels.join(" + ")}`]);
  for (const r of table.rows) out.row([r.member, ...r.periods, r.year]);
  out.row(["Summa", ...table.total.periods, table.total.year], true);
  main.end();
  out.format(`B${main.headerRow + 1}:${String.fromCharCode(66 + labels.length)}${out.nextRow - 1}`, "#,##0");
  if (table.trueUps.some((r) => r.periods.some((a) => !a.isZero()))) {
    out.blank();
    out.row(["Varav justering av tidigare perioder efter ny nyckel (ny nyckel − fakturerat); summerar till 0 i varje period"], true);
    const ups = out.table("Justering", ["Medlem", ...labels]);
    for (const r of table.trueUps) out.row([r.member, ...r.periods]);
    out.row(["Summa", ...table.trueUpTotals], true);
    ups.end();
  }
  return out;
}

const GUARANTEE_FLAGS: FlagRule[] = [{ text: "Risk för underskott", fill: "#F4B6B6" }, { text: "Under egen andel", fill: "#FCE1A9" }, { text: "OK", fill: "#C9E7C0" }];

export function guaranteeSheet(followUps: readonly GuaranteeFollowUp[], asOf: CivilDate): SheetLayout {
  const out = new SheetLayout();
  out.row([`Garantiuppföljning per ${formatIsoDate(asOf)}: garantin gäller alla medlemmar tillsammans`], true);
  for (const f of followUps) {
    const g = f.guarantee;
    out.blank();
    out.row([`${g.supplier}: ${g.service} (${g.kind === "periodic" ? "periodisk" : "engångs"}), avtalsår från ${formatIsoDate(g.yearStart)}, ${f.quarters} av 4 kvartal rapporterade; förväntat underskott för alla: ${formatAmount(f.expectedShortfallAmount, { unit: "kr" })}`]);
    const table = out.table(`Garanti ${g.service}`, ["Medlem", "Garanterad andel", "Beställt hittills", "Prognos för året", "Status"]);
    for (const r of f.rows) out.row([r.member, r.guaranteed, r.ordered, r.forecast, r.forecast.lessThan(r.guaranteed) ? "Under egen andel" : "OK"]);
    out.row([f.total.member, f.total.guaranteed, f.total.ordered, f.total.forecast, f.expectedShortfallAmount.isZero() ? "OK" : "Risk för underskott"], true);
    table.end();
  }
  return out;
}

/** Sheet names for members' own sheets: valid in Excel, unique (case folded), never a name the run uses itself. */
export function memberSheetNames(members: readonly string[]): string[] {
  return uniqueNames(members.map((m) => `Underlag ${m}`), [SUMMARY_SHEET, PERIOD_SHEET, GUARANTEE_SHEET], SHEET_NAME);
}

export interface InvoiceWrite extends InvoiceRun {
  sheets: string[];
  blocks: { sheet: string; block: CheckedBlock }[];
}

/**
 * Fakturaunderlag: writes the summary (with the cost-in = cost-out checks), the period plan, one
 * sheet per member or one block per member on the summary sheet, and the guarantee follow-up.
 * Every sheet of the previous run that this run does not write is removed in the same write, so
 * switching layout leaves nothing stale; nothing is written while the model has errors.
 */
export async function runInvoiceBasis(wb: WorkbookPort, year: number, periodText: string, layout: "sheets" | "blocks", signal?: AbortSignal): Promise<InvoiceWrite> {
  const period = parsePeriod(periodText, year);
  // The settings ride in the round trip that reads the model's tables.
  const read = await wb.readTablesAndSettings(MODEL_TABLES);
  const stored = read.settings;
  const settings = invoiceSettings(stored, period);
  const model = modelFromTables(tablesByName(MODEL_TABLES, read.tables), period.year);
  const run = computeInvoice(model, settings, period);
  if (!run.basis || !run.schedule) return { ...run, sheets: [], blocks: [] };
  const basis = run.basis;
  const written: { sheet: string; layout: SheetLayout; flag?: SheetSpec["flagColumn"] }[] = [];
  const summary = summarySheet(basis);
  if (layout === "blocks") {
    for (const m of basis.members) {
      summary.blank();
      memberSheet(m, basis.period, summary);
    }
    written.push({ sheet: SUMMARY_SHEET, layout: summary });
  } else {
    written.push({ sheet: SUMMARY_SHEET, layout: summary });
    const names = memberSheetNames(basis.members.map((m) => m.member));
    basis.members.forEach((m, i) => written.push({ sheet: names[i], layout: memberSheet(m, basis.period) }));
  }
  written.push({ sheet: PERIOD_SHEET, layout: periodSheet(run.schedule, period.kind) });
  const specs: SheetSpec[] = written.map((w) => ({ sheet: w.sheet, cells: w.layout.cells, boldRows: w.layout.boldRows, cellFormats: w.layout.cellFormats }));
  if (run.followUps.length > 0) {
    const layout = guaranteeSheet(run.followUps, addDays(periodRange(basis.period).to, -1));
    written.push({ sheet: GUARANTEE_SHEET, layout });
    specs.push({ sheet: GUARANTEE_SHEET, cells: layout.cells, flagColumn: { column: 4, rules: GUARANTEE_FLAGS }, boldRows: layout.boldRows });
  }
  const previous = listSetting(stored[INVOICE_SHEETS_SETTING], isText);
  signal?.throwIfAborted();
  // A workbook invoiced before every sheet write was remembered: its last run's sheets are known
  // to be Samkalk's by this run's own list, and are replaced rather than refused as the user's.
  const remembered = stored[WRITTEN_SHEETS_SETTING] !== undefined;
  await writeOutputSheets(wb, specs, { remove: previous, ...(remembered ? {} : { knownOwn: previous }) });
  const sheets = specs.map((s) => s.sheet);
  await wb.saveSettings({ [INVOICE_SHEETS_SETTING]: JSON.stringify(sheets) });
  return { ...run, sheets, blocks: written.flatMap((w) => w.layout.blocks.map((block) => ({ sheet: w.sheet, block }))) };
}

/**
 * Vitesunderlag: for the period, one invoice basis per member towards the supplier, every penalty
 * line with its clause and note, without VAT. These are the members' invoices to the supplier,
 * not lines on the members' fee invoices.
 */
export function penaltySheet(invoices: readonly PenaltyInvoice[], period: InvoicePeriod): SheetLayout {
  const out = new SheetLayout();
  out.row([`Viten ${periodLabel(period)}: underlag för medlemmarnas fakturor till leverantören (moms utgår inte på vite)`], true);
  if (invoices.length === 0) out.row(["Inga viten för perioden."]);
  for (const inv of invoices) {
    out.blank();
    out.row([`Från ${inv.member} till ${inv.supplier}, ${periodLabel(period)}`], true);
    const table = out.table(`Vite ${inv.member} till ${inv.supplier}`, ["Avtalsklausul", "Kvartal", "Anteckning", "Belopp"]);
    for (const l of inv.lines) out.row([l.clause, periodLabel(l.period), l.note, l.amount]);
    out.row(["Summa att fakturera (ingen moms)", "", "", inv.total], true);
    table.end();
    out.format(`D${table.headerRow + 1}:D${out.nextRow - 1}`, "#,##0.00");
  }
  return out;
}

/** Writes the Viten sheet for a quarter or half-year; nothing is written while the model has errors. */
export async function runPenaltyInvoices(wb: WorkbookPort, year: number, periodText: string, signal?: AbortSignal): Promise<{ invoices: PenaltyInvoice[]; errors: RowError[]; blocks: { sheet: string; block: CheckedBlock }[] }> {
  const period = parsePeriod(periodText, year);
  const model = await readModel(wb, period.year);
  if (model.errors.length > 0) return { invoices: [], errors: model.errors, blocks: [] };
  const invoices = penaltyInvoices(model.penalties.records, period);
  const layout = penaltySheet(invoices, period);
  signal?.throwIfAborted();
  await writeOutputSheets(wb, [{ sheet: PENALTY_SHEET, cells: layout.cells, boldRows: layout.boldRows, cellFormats: layout.cellFormats }]);
  return { invoices, errors: [], blocks: layout.blocks.map((block) => ({ sheet: PENALTY_SHEET, block })) };
}
