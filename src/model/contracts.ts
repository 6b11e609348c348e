import { Contract, ContractOption, OptionCallBy, contractOptions, parseFixedNoticeDay } from "../core/contracts";
import { CivilDate, compareDates, formatIsoDate } from "../core/dates";
import { DomainError } from "../core/errors";
import { SourceTable } from "../core/cells";
import { sv } from "../core/swedishDigits";
import { ColumnMapping, TableModel } from "./fields";
import { FieldReader, ImportResult, ReadContext, excelDate, importRecords, readAmount, readDate, readText, readWholeMonths } from "./records";

export type ContractField = "supplier" | "member" | "agreed" | "start" | "end" | "renewalMonths" | "noticeMonths" | "fixedNotice" | "optionMonths" | "optionCount" | "optionCallBy" | "index" | "baseMonth";

export const CONTRACTS: TableModel<ContractField> = {
  name: "Avtal",
  fields: [
    { field: "supplier", label: "Leverantör/System", headers: ["Leverantör/System", "Leverantör", "System", "Avtal", "Supplier"], required: true },
    { field: "member", label: "Kommun/Medlem", headers: ["Kommun/Medlem", "Kommun", "Medlem", "Organisation", "Member"], required: true },
    { field: "agreed", label: "Avtalat", headers: ["Avtalat", "Avtalat belopp", "Avtalad kostnad", "Årskostnad", "Agreed"], required: true, format: "#,##0" },
    { field: "start", label: "Startdatum", headers: ["Startdatum", "Start", "Avtalsstart", "Giltig från"], required: false, format: "yyyy-mm-dd" },
    { field: "end", label: "Slutdatum", headers: ["Slutdatum", "Slut", "Avtalsslut", "Giltig till"], required: false, format: "yyyy-mm-dd" },
    { field: "renewalMonths", label: "Förlängning (mån)", headers: ["Förlängning (mån)", "Förlängning", "Förlängning månader", "Automatisk förlängning"], required: false, format: "0" },
    { field: "noticeMonths", label: "Uppsägningstid (mån)", headers: ["Uppsägningstid (mån)", "Uppsägningstid", "Uppsägning", "Uppsägningstid månader"], required: false, format: "0" },
    { field: "fixedNotice", label: "Fast uppsägningsdag", headers: ["Fast uppsägningsdag", "Uppsägning senast", "Uppsägningsdag"], required: false },
    { field: "optionMonths", label: "Option (mån)", headers: ["Option (mån)", "Option", "Optionsperiod", "Förlängningsoption"], required: false, format: "0" },
    { field: "optionCount", label: "Antal optioner", headers: ["Antal optioner", "Optioner"], required: false, format: "0" },
    { field: "optionCallBy", label: "Option påkallas senast", headers: ["Option påkallas senast", "Option senast", "Påkallas senast"], required: false },
    { field: "index", label: "Indexserie", headers: ["Indexserie", "Index", "Indexklausul", "Indexering"], required: false },
    { field: "baseMonth", label: "Basmånad", headers: ["Basmånad", "Indexbas", "Basmånad index"], required: false },
  ],
};


/** As read from the register, with the cells' own text kept for writing the table back. */
export interface ImportedContract extends Contract {
  /** An index series named without a base month ("KPI" in many registers): kept, but not indexed. */
  indexWithoutBase?: string;
  fixedNoticeText: string;
  optionCallByText: string;
  optionCount: number | null;
}

/** "2023-10", "2023-10-01", a date cell or an Excel serial → "2023-10". */
export function monthOf(cell: unknown, context?: ReadContext): string | null {
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "string" && /^\s*\d{4}-\d{1,2}\s*$/.test(cell)) {
    const [y, m] = cell.trim().split("-").map(Number);
    if (m >= 1 && m <= 12) return `${y}-${String(m).padStart(2, "0")}`;
  }
  const date = readDate(cell as never, context);
  if (!date) return null;
  return `${date.year}-${String(date.month).padStart(2, "0")}`;
}

/** "6" or "6 mån före" → months before; a date → a fixed call-by date. */
function optionCallBy(text: string): { months: number | null; date: CivilDate | null } {
  const t = text.trim();
  if (t === "") return { months: null, date: null };
  const months = /^(\d{1,3})\s*(mån(ader)?)?\s*(före|innan)?\.?$/i.exec(t);
  if (months) return { months: Number(months[1]), date: null };
  return { months: null, date: readDate(t) };
}

/** "24", "24 mån" or options of different lengths as written, "24 + 12": the lengths in order. */
const readOptionLengths: FieldReader<number[]> = (cell, context) => {
  if (typeof cell === "string" && cell.includes("+")) return cell.split("+").map((part) => readWholeMonths(part.trim(), context)).filter((m): m is number => m !== null);
  const months = readWholeMonths(cell, context);
  return months === null ? [] : [months];
};

/** At most one option per month of a century: a count typed as an amount ("1 000 000 000") would otherwise fill memory. */
const MAX_OPTIONS = 1200;

/** Reads the field's cell, or throws an error of its own there: importRecords locates it in that column. */
type Get = <T>(field: ContractField, reader: FieldReader<T>) => T;

/**
 * The options of a row, each problem located in the column holding the wrong value as the file
 * names it: a count that disagrees with the lengths in the count's column, a missing or
 * impossible length in the length's, an unreadable call-by rule in its own. Null when a problem
 * was reported (the row is then refused).
 */
function readOptions(get: Get, lengths: number[] | null, count: number | null, callBy: string | null): ContractOption[] | null {
  const fail = (field: ContractField, error: DomainError): null => get(field, () => {
    throw error;
  });
  // Unreadable length or call-by text: already reported in its own column.
  if (lengths === null || callBy === null) return null;
  if (lengths.length === 0) {
    if (count || callBy.trim()) return fail("optionMonths", new DomainError("MISSING_VALUE", "optionens längd i månader saknas"));
    return [];
  }
  if (lengths.length > 1 && count !== null && count !== lengths.length) return fail("optionCount", new DomainError("INVALID_ARGUMENT", `${lengths.length} optionslängder men ${count} optioner`));
  if (count !== null && count > MAX_OPTIONS) return fail("optionCount", new DomainError("OUT_OF_RANGE", `antalet optioner ska vara högst ${sv(MAX_OPTIONS)}, inte ${sv(count)}`));
  const by = get("optionCallBy", () => optionCallBy(callBy));
  if (by === null) return null;
  const rule: OptionCallBy[] = by.months !== null ? [{ monthsBefore: by.months }] : by.date ? [{ date: by.date }] : [];
  // What contractOptions can refuse here is a length (0 to 1200 months): the call-by rule is one, of at most 999 months.
  return get("optionMonths", () => contractOptions(lengths.length > 1 ? lengths : Array(count ?? 1).fill(lengths[0]), rule));
}

/** Count, call-by text and options of a row, each of its cells read (and its errors reported) once. */
function optionFields(get: Get): Pick<ImportedContract, "optionCount" | "optionCallByText" | "options"> {
  const optionCount = get("optionCount", readWholeMonths);
  const optionCallByText = get("optionCallBy", (cell, context) => (typeof cell === "number" ? formatIsoDate(readDate(cell, context)!) : readText(cell)));
  const lengths = get("optionMonths", readOptionLengths);
  return { optionCount, optionCallByText, options: readOptions(get, lengths, optionCount, optionCallByText) ?? [] };
}

export function importContracts(table: SourceTable, mapping: ColumnMapping<ContractField>): ImportResult<ImportedContract> {
  const result = importRecords(
    table,
    CONTRACTS.fields,
    mapping,
    (get) => ({
      supplier: get("supplier", readText),
      member: get("member", readText),
      agreed: get("agreed", readAmount),
      start: get("start", readDate),
      end: get("end", readDate),
      renewalMonths: get("renewalMonths", readWholeMonths),
      noticeMonths: get("noticeMonths", readWholeMonths),
      fixedNoticeText: get("fixedNotice", readText),
      fixedNoticeDay: get("fixedNotice", (cell) => (readText(cell) ? parseFixedNoticeDay(readText(cell)) : undefined)),
      ...optionFields(get),
      indexWithoutBase: get("index", readText) || undefined,
      index: get("baseMonth", (cell, context) => {
        const series = get("index", readText);
        const month = monthOf(cell, context);
        if (!month) return undefined;
        if (!series) throw new DomainError("MISSING_VALUE", "basmånad utan indexserie: ange serien, t.ex. KPI");
        return { series, baseMonth: month };
      }),
    }),
    (c) => {
      if (c.supplier === "") return { column: "Leverantör/System", message: "värde saknas" };
      if (c.member === "") return { column: "Kommun/Medlem", message: "värde saknas" };
      if (c.start && c.end && compareDates(c.start, c.end) > 0) {
        return { column: "Slutdatum", message: `slutdatum ${formatIsoDate(c.end)} ligger före startdatum ${formatIsoDate(c.start)}` };
      }
      return null;
    },
  );
  // With a base month the series is a clause; without one it is only a note, kept as written.
  return { ...result, records: result.records.map((c) => (c.index ? { ...c, indexWithoutBase: undefined } : c)) };
}

export function contractTableRows(contracts: readonly ImportedContract[]) {
  return contracts.map((c) => [
    c.supplier, c.member, c.agreed, excelDate(c.start), excelDate(c.end), c.renewalMonths, c.noticeMonths, c.fixedNoticeText || null,
    optionMonthsCell(c.options ?? []), c.options?.length ? c.options.length : null, c.optionCallByText || null, c.index?.series ?? c.indexWithoutBase ?? null, c.index?.baseMonth ?? null,
  ]);
}

/** One length as a number, options of different lengths as written ("24 + 12"). */
function optionMonthsCell(options: readonly ContractOption[]): number | string | null {
  if (options.length === 0) return null;
  return options.every((o) => o.months === options[0].months) ? options[0].months : options.map((o) => o.months).join(" + ");
}
