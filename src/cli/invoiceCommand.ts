import { parseArgs } from "node:util";
import { count } from "../core/plural";
import { basename, join } from "node:path";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { isolated, timeLimitSeconds } from "./isolated";
import { LIMITS } from "../core/limits";
import { computeInvoice, invoiceSettings, memberSheet, periodSheet, summarySheet } from "../app/invoice";
import { readModel } from "../app/model";
import { FILE_NAME, SHEET_NAME, uniqueNames, validName } from "../core/names";
import { parsePeriod } from "../core/invoiceBasis";
import { invoicedTable } from "../core/invoicing";
import { Amount } from "../core/money";
import { formatAmount } from "../core/numberText";
import { renderTable } from "./textTable";
import { CellInput } from "../core/cells";
import { cellsToCsv, cellsToXlsx } from "../io/tableFiles";
import { CliIO, UsageError, readInputFile } from "./io";
import { checkOutputTargets, makeFolder, removeIfEmpty } from "./outputFiles";
import type { OutputFile } from "./outputFiles";
import { parseIntegerOption } from "./options";
import { FIRST_YEAR, LAST_YEAR } from "../core/years";
import { rowErrorLines } from "../core/rowErrors";

/**
 * samkalk invoice: one invoice basis file per member plus a summary, from the model workbook's
 * named tables. An inconsistent model exits 2 naming sheet, table, row and column.
 */
export async function invoiceCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { year: { type: "string" }, period: { type: "string" }, output: { type: "string", short: "o" }, format: { type: "string", default: "xlsx" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError("ange exakt en modellarbetsbok: samkalk invoice <modell.xlsx> --year <ÅÅÅÅ> --period <Q1|Q2|Q3|Q4|H1|H2> -o <mapp>");
  if (!values.year) throw new UsageError("--year <ÅÅÅÅ> saknas");
  if (!values.period) throw new UsageError("--period <Q1|Q2|Q3|Q4|H1|H2> saknas");
  if (!values.output) throw new UsageError("-o <mapp> saknas");
  if (values.format !== "xlsx" && values.format !== "csv") throw new UsageError(`--format ska vara xlsx eller csv, inte '${values.format}'`);
  const year = parseIntegerOption(values.year, "--year", FIRST_YEAR, LAST_YEAR);

  const file = basename(positionals[0]);
  const snapshot = await isolated("workbook", [readInputFile(io, positionals[0]), file], { file, what: "läsningen av arbetsboken", seconds: timeLimitSeconds(LIMITS.xlsxParseSeconds) });
  const wb = EmbeddedWorkbook.fromSnapshot(snapshot);
  const period = parsePeriod(values.period, year);
  const run = computeInvoice(await readModel(wb, period.year), invoiceSettings(await wb.getSettings(), period), period);
  if (!run.basis || !run.schedule) {
    io.stderr(`samkalk invoice: modellen går inte ihop; inga filer skrevs\n${rowErrorLines(run.errors.map((e) => ({ ...e, file: `fil ${basename(positionals[0])}, ${e.file}` })))}`);
    return 2;
  }
  const label = `${period.year}-${period.kind}${period.index}`;
  const summaryName = `Fakturaunderlag ${label} Sammanställning`;
  const planName = `Fakturaunderlag ${label} Periodplan`;
  // Every name is planned, and checked against the model file, before anything is written:
  // two members never share a file, and no output replaces the input.
  const names = uniqueNames(run.basis.members.map((m) => `Fakturaunderlag ${label} ${m.member}`), [summaryName, planName], FILE_NAME);
  const pathOf = (name: string) => join(values.output!, `${name}.${values.format}`);
  const files: [string, string, CellInput[][]][] = [
    [summaryName, "Sammanställning", summarySheet(run.basis).cells],
    [planName, "Periodplan", periodSheet(run.schedule, period.kind).cells],
    ...run.basis.members.map((m, i): [string, string, CellInput[][]] => [names[i], validName(m.member, SHEET_NAME), memberSheet(m, run.basis!.period).cells]),
  ];
  checkOutputTargets(files.map(([name]) => pathOf(name)), [positionals[0]]);
  const outputs: OutputFile[] = [];
  for (const [name, sheet, cells] of files) outputs.push({ path: pathOf(name), bytes: values.format === "csv" ? cellsToCsv(cells) : await cellsToXlsx(sheet, cells) });
  const made = makeFolder(values.output);
  try {
    io.writeFiles(outputs, [positionals[0]]);
  } catch (error) {
    if (made) removeIfEmpty(values.output);
    throw error;
  }
  const written = outputs.map((o) => o.path);
  const plan = invoicedTable(run.schedule);
  const labels = run.schedule.periods.map((p) => `${period.kind}${p.index}`);
  const show = (a: Amount) => formatAmount(a);
  io.stdout(`Medlemsbidrag ${period.year} per period (varje rad summerar till medlemmens år, varje kolumn till organisationens period):\n${renderTable(
    ["Medlem", ...labels, "År"],
    [...plan.rows.map((r) => [r.member, ...r.periods.map(show), show(r.year)]), ["Summa", ...plan.total.periods.map(show), show(plan.total.year)]],
    [false, ...labels.map(() => true), true],
  )}\n`);
  const off = run.basis.checks.filter((c) => !c.difference.isZero());
  io.stdout(`Skrev ${count(written.length, "fil", "filer")} till ${values.output} (${count(run.basis.members.length, "medlem", "medlemmar")}, sammanställning och periodplan).${off.length ? `\nAvvikelser mot organisationens summor: ${off.map((c) => `${c.component}: ${c.explanation}`).join("; ")}` : "\nAlla komponenter summerar exakt till organisationens totaler."}`);
  return 0;
}
