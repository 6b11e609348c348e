import { parseArgs } from "node:util";
import { extname } from "node:path";
import { formatIsoDate, todayLocal } from "../core/dates";
import { CONTRACTS, importContracts } from "../model/contracts";
import { guessMapping } from "../model/fields";
import { importRecurringDates } from "../model/recurringDates";
import { CALENDAR_FORMATS, CALENDAR_SHEET, calendarEntries, calendarFile, calendarSheet } from "../app/calendar";
import { cellsToCsv, cellsToXlsx } from "../io/tableFiles";
import { CliIO, UsageError } from "./io";
import { parseDateOption, parseIntegerOption } from "./options";
import { InputErrors, inputErrorLines, readTableFile } from "./tableInput";
import { renderTable } from "./textTable";

/**
 * samkalk calendar: every notice deadline, option call-by date and period end of the register,
 * and the agreement's recurring dates, as an iCalendar file to import into Outlook or Teams (or
 * as the Frister sheet, in xlsx or CSV). Written whole or not at all, never over an input.
 */
export async function calendarCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { recurring: { type: "string" }, from: { type: "string" }, months: { type: "string" }, output: { type: "string", short: "o" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`ange exakt en avtalsfil`);
  if (!values.output) throw new UsageError(`-o <frister.ics> saknas`);
  const format = extname(values.output).toLowerCase();
  if (![".ics", ".xlsx", ".csv"].includes(format)) throw new UsageError(`-o ska sluta på .ics, .xlsx eller .csv, inte '${values.output}'`);
  const from = values.from === undefined ? todayLocal(io.today()) : parseDateOption(values.from, "--from");
  const months = values.months === undefined ? 12 : parseIntegerOption(values.months, "--months", 1, 120);
  const inputs = [positionals[0], ...(values.recurring ? [values.recurring] : [])];

  let entries;
  try {
    const contracts = await readTableFile(io, positionals[0], (s) => importContracts(s, guessMapping(s.headers, CONTRACTS.fields)));
    const recurring = values.recurring ? (await readTableFile(io, values.recurring, importRecurringDates)).records : [];
    entries = calendarEntries(contracts.records, recurring, from, months);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    io.stderr(`samkalk calendar: indata går inte att läsa; ingen kalender skrevs\n${inputErrorLines(error.errors)}`);
    return 2;
  }
  const bytes = format === ".ics"
    ? new TextEncoder().encode(calendarFile(entries, io.today()))
    : format === ".csv" ? cellsToCsv(calendarSheet(entries, "text").cells) : await cellsToXlsx(CALENDAR_SHEET, calendarSheet(entries).cells, CALENDAR_FORMATS);
  io.writeFiles([{ path: values.output, bytes }], inputs);
  io.stdout(`${entries.length} frister från ${formatIsoDate(from)} i ${months} månader skrevs till ${values.output}${entries.length ? ":" : "."}`);
  if (entries.length) io.stdout(renderTable(["Datum", "Vad", "Leverantör/System", "Medlem", "Gäller"], entries.map((e) => [formatIsoDate(e.date), e.what, e.supplier, e.member, e.concerns]), [false, false, false, false, false]));
  return 0;
}
