import { count } from "../core/plural";
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { formatIsoDate, todayLocal } from "../core/dates";
import { FLAG_LABELS, Reconciliation, findingCount } from "../core/reconciliation";
import { formatAmount } from "../core/numberText";
import { Amount } from "../core/money";
import { readSourceFileInWorker } from "./isolated";
import { guessMapping } from "../model/fields";
import { CONTRACTS, importContracts } from "../model/contracts";
import { OUTCOMES, importOutcomes } from "../model/outcomes";
import { indexSeriesOf, readAccountMapping, readIndexRows, readMembers } from "../model/tables";
import { reconcileInput } from "../app/reconcile";
import { reconcileFollowUp } from "../app/followUp";
import { CliIO, UsageError, readInputFile } from "./io";
import { InputErrors, inputErrorLines, readTableFile } from "./tableInput";
import { parseDateOption, parseIntegerOption } from "./options";
import { findingJson, jsonAmount } from "./json";
import { renderTable } from "./textTable";
import { FIRST_YEAR, LAST_YEAR } from "../core/years";
import { noticeText, rowErrorText } from "../core/rowErrors";
import { ledgerImport } from "../app/ledgerImport";


const isLedger = (path: string) => /\.(se|si|sie)$/i.test(path);

/**
 * samkalk reconcile: Avtalat vs Fakturerat per member and system, with the same use case as the
 * pane. Outcomes come from a CSV/xlsx table or from an SIE 4 ledger with an account mapping.
 * Exit 0 when every row is OK, 1 when something is flagged, 2 on bad input.
 */
export async function reconcileCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      members: { type: "string" }, index: { type: "string" }, mapping: { type: "string" }, year: { type: "string" }, "as-of": { type: "string" }, months: { type: "string" }, json: { type: "boolean", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 1) return followUp(io, positionals[0], values.members, values.json);
  if (positionals.length !== 2) throw new UsageError(`ange en avtalsfil och en utfallsfil, eller en uppföljning som har båda`);
  const [contractsPath, outcomesPath] = positionals;
  const asOf = values["as-of"] === undefined ? todayLocal(io.today()) : parseDateOption(values["as-of"], "--as-of");
  const months = values.months === undefined ? 12 : parseIntegerOption(values.months, "--months", 0, 120);
  if (isLedger(outcomesPath) && !values.mapping) throw new UsageError(`en SIE-fil behöver --mapping <kontomappning.csv> som säger vilket konto som är vilken medlem och vilket system`);
  const year = values.year === undefined ? asOf.year : parseIntegerOption(values.year, "--year", FIRST_YEAR, LAST_YEAR);

  try {
    const contracts = await readTableFile(io, contractsPath, (s) => importContracts(s, guessMapping(s.headers, CONTRACTS.fields)));
    const members = values.members ? (await readTableFile(io, values.members, readMembers)).records : [];
    let outcomes;
    let ledgerNote = "";
    if (isLedger(outcomesPath)) {
      const mapping = await readTableFile(io, values.mapping!, readAccountMapping);
      const ledger = ledgerImport(readInputFile(io, outcomesPath), basename(outcomesPath), mapping.records, [], year);
      if (ledger.errors.length > 0) throw new InputErrors(ledger.errors);
      outcomes = ledger.outcomes;
      if (ledger.unmapped.length > 0) {
        io.stderr(`samkalk reconcile: ${count(ledger.unmapped.length, "transaktion", "transaktioner")} ${year} på mappade konton passar ingen rad i kontomappningen och är inte med i Fakturerat:\n${ledger.unmapped.map((e) => `  ${rowErrorText(e)}`).join("\n")}`);
      }
      ledgerNote = ledger.summary;
    } else {
      outcomes = (await readTableFile(io, outcomesPath, (s) => importOutcomes(s, guessMapping(s.headers, OUTCOMES.fields)))).records;
    }
    // Index clauses apply here as in the pane: agreed amounts uplifted by the Index series given.
    const indexSeries = values.index ? indexSeriesOf((await readTableFile(io, values.index, readIndexRows)).records) : new Map();
    const report = reconcileInput({ contracts: { ...contracts, source: contracts.source.file }, outcomes, members, indexSeries }, asOf, months);
    if (report.errors.length > 0) throw new InputErrors(report.errors);
    const { result } = report;
    const flagged = findingCount(result.flagCounts) > 0;

    if (values.json) {
      io.stdout(JSON.stringify({ ...reconciliationJson(result), deadlines: report.deadlines.upcoming.map((d) => ({ date: d.date, kind: d.kind, supplier: d.supplier, member: d.member, periodEnd: d.periodEnd })) }));
      return flagged ? 1 : 0;
    }
    if (ledgerNote) io.stdout(ledgerNote);
    io.stdout(reconciliationText(result));
    for (const w of report.warnings) io.stdout(`Obs: ${w}`);
    const { upcoming } = report.deadlines;
    io.stdout(upcoming.length === 0 ? `\nInga uppsägnings- eller optionsfrister inom ${months} månader från ${formatIsoDate(asOf)}.` : `\nFrister inom ${months} månader från ${formatIsoDate(asOf)}:\n${renderTable(
      ["Senast", "Vad", "Leverantör/System", "Medlem", "Avtalet upphör/förlängs"],
      upcoming.map((d) => [d.date, d.kind, d.supplier, d.member, d.periodEnd]),
      [false, false, false, false, false],
    )}`);
    return flagged ? 1 : 0;
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    io.stderr(`samkalk reconcile: indata går inte att läsa; inget jämfördes\n${inputErrorLines(error.errors)}`);
    return 2;
  }
}

function reconciliationJson(result: Reconciliation) {
  return {
    rows: result.members.flatMap((m) => m.rows.map((r) => ({ member: r.member, supplier: r.supplier, agreed: jsonAmount(r.agreed), invoiced: jsonAmount(r.invoiced), diff: jsonAmount(r.diff), perInhabitant: jsonAmount(r.perInhabitant), flag: r.flag }))),
    members: result.members.map((m) => ({ member: m.member, agreed: jsonAmount(m.total.agreed), invoiced: jsonAmount(m.total.invoiced), diff: jsonAmount(m.total.diff) })),
    total: { agreed: jsonAmount(result.total.agreed), invoiced: jsonAmount(result.total.invoiced), diff: jsonAmount(result.total.diff) },
  };
}

function reconciliationText(result: Reconciliation): string {
  const kr = (a: Amount | null) => (a === null ? "" : formatAmount(a, { decimals: a.decimalPlaces() }));
  const rows = result.members.flatMap((m) => [
    ...m.rows.map((r) => [r.member, r.supplier, kr(r.agreed), kr(r.invoiced), kr(r.diff), r.perInhabitant ? kr(r.perInhabitant) : "saknas", FLAG_LABELS[r.flag]]),
    [`Summa ${m.member}`, "", kr(m.total.agreed), kr(m.total.invoiced), kr(m.total.diff), m.total.perInhabitant ? kr(m.total.perInhabitant) : "", ""],
  ]);
  rows.push(["Summa alla medlemmar", "", kr(result.total.agreed), kr(result.total.invoiced), kr(result.total.diff), "", ""]);
  return renderTable(["Medlem", "Leverantör/System", "Avtalat", "Fakturerat", "Diff", "Per invånare", "Flagga"], rows, [false, false, true, true, true, true, false]);
}

/**
 * One follow-up table with both Avtalat and Fakturerat (long, or a block per kommun): reconciled,
 * and what the printed table itself gets wrong listed as findings. Exit 1 on a flag or a finding.
 */
async function followUp(io: CliIO, path: string, membersPath: string | undefined, json: boolean): Promise<number> {
  const source = await readSourceFileInWorker(readInputFile(io, path), basename(path));
  const members = membersPath ? (await readTableFile(io, membersPath, readMembers)).records : [];
  const { result, findings, notices } = reconcileFollowUp(source, members);
  for (const n of notices) io.stderr(noticeText(source.file, n));
  const flagged = findingCount(result.flagCounts) > 0 || findings.length > 0;
  if (json) {
    io.stdout(JSON.stringify({ ...reconciliationJson(result), findings: findings.map(findingJson) }));
    return flagged ? 1 : 0;
  }
  io.stdout(reconciliationText(result));
  io.stdout(findings.length === 0 ? `\n${source.file}: den tryckta tabellen går ihop.` : `\n${source.file}: den tryckta tabellen går inte ihop på ${findings.length} ${findings.length === 1 ? "punkt" : "punkter"}:\n${findings.map((f) => `- ${f.message}`).join("\n")}`);
  return flagged ? 1 : 0;
}
