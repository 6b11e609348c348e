import { CivilDate, addMonths, compareDates, formatIsoDate, toExcelSerial } from "../core/dates";
import { writeOutputSheets } from "./outputSheets";
import { ContractEvent, contractEvents } from "../core/contractCalendar";
import { RecurringDate, RecurringOccurrence, recurringOccurrences } from "../core/recurringDates";
import { CalendarEvent, stableHash, toICalendar } from "../core/icalendar";
import { RowError } from "../core/cells";
import { Contract } from "../core/contracts";
import { DomainError } from "../core/errors";
import { CONTRACTS, importContracts } from "../model/contracts";
import { guessMapping } from "../model/fields";
import { importRecurringDates } from "../model/recurringDates";
import { TABLES, readTable } from "../model/tables";
import { WorkbookPort } from "../workbook/port";
import { CheckedBlock, SheetLayout } from "./sheetLayout";

export const CALENDAR_SHEET = "Frister";
export const CALENDAR_HEADERS = ["Datum", "Vad", "Leverantör/System", "Medlem", "Gäller", "Beskrivning"];
export const PRODID = "-//Samkalk//Fristkalender//SV";

/** One deadline of the calendar, as the sheet and the .ics show it. */
export interface CalendarEntry {
  date: CivilDate;
  /** Uppsägning, Option 1, Periodslut, or the recurring date's own title. */
  what: string;
  supplier: string;
  member: string;
  /** Notice: the end it brings about; option: the end it extends to; recurring: the year or period it concerns. */
  concerns: string;
  summary: string;
  description: string;
  uid: string;
}

type CalendarContract = Pick<Contract, "supplier" | "member" | "end" | "renewalMonths" | "noticeMonths" | "fixedNoticeDay" | "options">;

const who = (supplier: string, member: string) => [supplier, member].filter((s) => s !== "").join(" – ");

function fromContract(e: ContractEvent): Omit<CalendarEntry, "uid"> {
  const date = formatIsoDate(e.date);
  const end = formatIsoDate(e.periodEnd);
  const base = { date: e.date, supplier: e.supplier, member: e.member, concerns: end };
  const renews = e.renewalMonths ? ` Annars förlängs det med ${e.renewalMonths} månader.` : "";
  if (e.kind === "uppsägning") {
    return { ...base, what: "Uppsägning", summary: `Sista dag att säga upp: ${who(e.supplier, e.member)}`, description: `Uppsägning senast ${date} gör att avtalet upphör ${end}.${renews}` };
  }
  if (e.kind === "option") {
    return { ...base, what: `Option ${e.option}`, summary: `Sista dag att påkalla option ${e.option}: ${who(e.supplier, e.member)}`, description: `Option ${e.option} påkallad senast ${date} förlänger avtalet till ${end}.` };
  }
  return {
    ...base, what: "Periodslut", summary: `Avtalsperioden slutar: ${who(e.supplier, e.member)}`,
    description: e.renewalMonths ? `Avtalsperioden slutar ${date}; avtalet förlängs med ${e.renewalMonths} månader om det inte har sagts upp.` : e.optionCount > 0 ? `Avtalet upphör ${date}, om ingen option har påkallats.` : `Avtalet upphör ${date}; det förlängs inte.`,
  };
}

function fromRecurring(o: RecurringOccurrence): Omit<CalendarEntry, "uid"> {
  const title = o.rule.title;
  return {
    date: o.date, what: title, supplier: "", member: o.rule.member, concerns: o.concerns,
    summary: `${title} (${o.concerns})${o.rule.member ? ` – ${o.rule.member}` : ""}`,
    description: `${title} senast ${formatIsoDate(o.date)}, gäller ${o.concerns}.`,
  };
}

/**
 * A UID from what the entry is, never from when it was made: the same deadline exported again
 * has the same UID, so a calendar updates it instead of adding a copy. Identical rows get -2, -3.
 */
function withUids(entries: Omit<CalendarEntry, "uid">[]): CalendarEntry[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const key = [formatIsoDate(e.date), e.what, e.supplier, e.member, e.concerns].join("\u0000");
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { ...e, uid: `${formatIsoDate(e.date).replace(/-/g, "")}-${stableHash(key)}${n > 1 ? `-${n}` : ""}@samkalk` };
  });
}

/** The end of a window of `months` from `from`: the same day n months later, not included. */
export function calendarUntil(from: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new DomainError("OUT_OF_RANGE", `antalet månader ska vara ett heltal från 1 till 120, inte ${months}`);
  return addMonths(from, months);
}

/**
 * Every notice deadline, option call-by date and period end of the contracts, and every
 * occurrence of the agreement's recurring dates, on or after `from` and before `months` later,
 * soonest first (contract dates before recurring ones on the same day).
 */
export function calendarEntries(contracts: readonly CalendarContract[], recurring: readonly RecurringDate[], from: CivilDate, months: number): CalendarEntry[] {
  const until = calendarUntil(from, months);
  const entries = [...contractEvents(contracts, from, until).map(fromContract), ...recurringOccurrences(recurring, from, until).map(fromRecurring)];
  return withUids(entries.sort((a, b) => compareDates(a.date, b.date)));
}

/** The .ics text: one all-day VEVENT per entry. */
export function calendarFile(entries: readonly CalendarEntry[], stamp: Date): string {
  const events: CalendarEvent[] = entries.map((e) => ({ uid: e.uid, date: e.date, summary: e.summary, description: e.description }));
  return toICalendar(events, { prodId: PRODID, stamp, name: "Samkalk frister" });
}

/** The Frister sheet's number formats: the first column holds dates. */
export const CALENDAR_FORMATS = ["yyyy-mm-dd", null, null, null, null, null];

/**
 * The Frister sheet: a row per deadline. Dates are date serials for a workbook (shown as dates by
 * CALENDAR_FORMATS), or ÅÅÅÅ-MM-DD text for a CSV file, which has no formats.
 */
export function calendarSheet(entries: readonly CalendarEntry[], dates: "serial" | "text" = "serial"): SheetLayout {
  const out = new SheetLayout();
  const table = out.table("Frister", CALENDAR_HEADERS);
  for (const e of entries) out.row([dates === "serial" ? toExcelSerial(e.date) : formatIsoDate(e.date), e.what, e.supplier, e.member, e.concerns, e.description]);
  table.end();
  return out;
}

export interface CalendarRun {
  entries: CalendarEntry[];
  errors: RowError[];
  /** The table written, for the product's own table check. */
  blocks: CheckedBlock[];
}

/**
 * Reads the Avtal table and the agreement's recurring dates from the Kalender table (if there is
 * one), and writes the Frister sheet. Nothing is written while either has row errors.
 */
export async function runCalendar(wb: WorkbookPort, from: CivilDate, months: number, signal?: AbortSignal): Promise<CalendarRun> {
  const [contractTable, recurringTable] = await wb.readTables([TABLES.contracts, TABLES.recurringDates]);
  const errors: RowError[] = [];
  const contracts = readTable(contractTable, errors, (s) => importContracts(s, guessMapping(s.headers, CONTRACTS.fields)));
  const recurring = readTable(recurringTable, errors, importRecurringDates);
  if (errors.length > 0) return { entries: [], errors, blocks: [] };
  const entries = calendarEntries(contracts.records, recurring.records, from, months);
  const layout = calendarSheet(entries);
  signal?.throwIfAborted();
  await writeOutputSheets(wb, [{ sheet: CALENDAR_SHEET, cells: layout.cells, boldRows: layout.boldRows, numberFormats: CALENDAR_FORMATS }]);
  return { entries, errors, blocks: layout.blocks };
}
