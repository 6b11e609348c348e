import { Amount } from "../../src/core/money";
import { formatIsoDate } from "../../src/core/dates";
import type { SourceTable } from "../../src/core/cells";
import { guessMapping } from "../../src/model/fields";
import { CONTRACTS, ImportedContract, contractTableRows, importContracts, monthOf } from "../../src/model/contracts";

const BASE = ["Leverantör/System", "Kommun/Medlem", "Avtalat", "Slutdatum"];
const base = ["Visma", "Ask", "100 000", "2027-12-31"];
/** A contract register with the base columns and the given ones, one row per extra value list. */
function register(extraHeaders: string[], ...rows: SourceTable["rows"][number][]) {
  const t: SourceTable = { file: "avtal.csv", headers: [...BASE, ...extraHeaders], rows: rows.map((r) => [...base, ...r]), rowNumbers: rows.map((_, i) => i + 2) };
  return importContracts(t, guessMapping(t.headers, CONTRACTS.fields));
}
const only = (result: ReturnType<typeof register>): ImportedContract => {
  expect(result.errors).toEqual([]);
  return result.records[0];
};

describe("monthOf", () => {
  it("reads a base month written as a month, a date, a date cell or an Excel serial", () => {
    expect([monthOf("2023-10"), monthOf(" 2023-1 "), monthOf("2023-10-15"), monthOf(new Date(Date.UTC(2023, 9, 1))), monthOf(45_200)]).toEqual(["2023-10", "2023-01", "2023-10", "2023-10", "2023-10"]);
    expect([monthOf(null), monthOf("")]).toEqual([null, null]);
  });
});

describe("importContracts: options", () => {
  it("reads options of different lengths as written, '24 + 12', and a count of equal options", () => {
    expect(only(register(["Option (mån)"], ["24 + 12"])).options!.map((o) => o.months)).toEqual([24, 12]);
    expect(only(register(["Option (mån)", "Antal optioner"], ["12 mån", "3"])).options!.map((o) => o.months)).toEqual([12, 12, 12]);
  });

  it("applies months before to every option and a fixed call-by date to the first only", () => {
    const months = only(register(["Option", "Antal optioner", "Option påkallas senast"], ["12", "2", "6 mån före"])).options!;
    expect(months.map((o) => [o.callMonthsBefore, o.callBy])).toEqual([[6, null], [6, null]]);
    const dated = only(register(["Option", "Antal optioner", "Option påkallas senast"], ["12", "2", "2027-06-30"])).options!;
    expect(dated.map((o) => [o.callMonthsBefore, o.callBy && formatIsoDate(o.callBy)])).toEqual([[null, "2027-06-30"], [null, null]]);
  });

  it("refuses a count that disagrees with the lengths written, and a count or call-by date without a length", () => {
    expect(register(["Option (mån)", "Antal optioner"], ["24 + 12", "3"]).errors.map((e) => [e.row, e.message])).toEqual([[2, "2 optionslängder men 3 optioner"]]);
    expect(register(["Antal optioner"], ["2"]).errors.map((e) => [e.row, e.message])).toEqual([[2, "optionens längd i månader saknas"]]);
  });

  it("locates an option count that disagrees with the lengths in the Antal optioner column, not in 'Option påkallas senast'", () => {
    const located = (headers: string[], ...values: string[]) => register(headers, values).errors.map((e) => [e.row, e.column, e.message]);
    expect(located(["Option (mån)", "Antal optioner"], "24 + 12", "3")).toEqual([[2, "Antal optioner", "2 optionslängder men 3 optioner"]]);
    expect(located(["Option", "Optioner"], "24 + 12", "3")).toEqual([[2, "Optioner", "2 optionslängder men 3 optioner"]]);
    // A count or a call-by rule without a length: the length is what is missing, in its column as named, or by its label.
    expect(located(["Option", "Antal optioner"], "", "2")).toEqual([[2, "Option", "optionens längd i månader saknas"]]);
    expect(located(["Antal optioner"], "2")).toEqual([[2, "Option (mån)", "optionens längd i månader saknas"]]);
    expect(located(["Option (mån)", "Option påkallas senast"], "", "6 mån före")).toEqual([[2, "Option (mån)", "optionens längd i månader saknas"]]);
    // A length out of range in the length's column; an unreadable call-by date in its own.
    expect(located(["Option (mån)", "Option påkallas senast"], "2000", "6")).toEqual([[2, "Option (mån)", "optionens längd måste vara ett heltal antal månader från 0 till 1200, inte 2000"]]);
    expect(located(["Option (mån)", "Option påkallas senast"], "12", "blah")).toEqual([[2, "Option påkallas senast", "'blah' är inget datum (skriv ÅÅÅÅ-MM-DD)"]]);
  });

  it("reports an unreadable length or count once, in its column, and nothing besides", () => {
    const located = (...values: string[]) => register(["Option (mån)", "Antal optioner"], values).errors.map((e) => [e.column, e.message]);
    expect(located("abc", "3")).toEqual([["Option (mån)", "texten 'abc' är inget tal"]]);
    expect(located("12", "x")).toEqual([["Antal optioner", "texten 'x' är inget tal"]]);
  });

  it("refuses a count of more than 1 200 equal options in the Antal optioner column rather than filling memory", () => {
    expect(register(["Option (mån)", "Antal optioner"], ["12", "1 000 000 000"]).errors.map((e) => [e.column, e.message])).toEqual([["Antal optioner", "antalet optioner ska vara högst 1\u00a0200, inte 1\u00a0000\u00a0000\u00a0000"]]);
    expect(only(register(["Option (mån)", "Antal optioner"], ["0", "1200"])).options).toHaveLength(1200);
  });
});

describe("importContracts: index clauses", () => {
  it("makes a clause of a series with a base month, and keeps a series without one only as a note", () => {
    const clause = only(register(["Indexserie", "Basmånad"], ["KPI", "2023-10"]));
    expect([clause.index, clause.indexWithoutBase]).toEqual([{ series: "KPI", baseMonth: "2023-10" }, undefined]);
    const note = only(register(["Indexserie"], ["KPI"]));
    expect([note.index, note.indexWithoutBase]).toEqual([undefined, "KPI"]);
  });

  it("refuses a base month without a series, in the Basmånad column", () => {
    expect(register(["Basmånad"], ["2023-10"]).errors).toEqual([{ file: "avtal.csv", row: 2, column: "Basmånad", message: "basmånad utan indexserie: ange serien, t.ex. KPI" }]);
  });
});

describe("importContracts: the rest of a row", () => {
  it("reads n/a as no contract, a fixed notice day, renewal and notice in months", () => {
    const c = only(register(["Förlängning", "Uppsägningstid", "Fast uppsägningsdag"], ["12 mån", "6", "30 dec året före"]));
    expect([c.renewalMonths, c.noticeMonths, c.fixedNoticeDay, c.fixedNoticeText]).toEqual([12, 6, { month: 12, day: 30, yearsBefore: 1 }, "30 dec året före"]);
    const t: SourceTable = { file: "avtal.csv", headers: BASE, rows: [["Visma", "Dal", "n/a", ""]], rowNumbers: [2] };
    expect(importContracts(t, guessMapping(t.headers, CONTRACTS.fields)).records[0].agreed).toBeNull();
  });

  it("refuses an end before the start, naming both dates in the Slutdatum column", () => {
    expect(register(["Startdatum"], ["2028-01-01"]).errors).toEqual([{ file: "avtal.csv", row: 2, column: "Slutdatum", message: "slutdatum 2027-12-31 ligger före startdatum 2028-01-01" }]);
  });

  it("names the column of a blank supplier or member", () => {
    const t: SourceTable = { file: "avtal.csv", headers: BASE, rows: [["", "Ask", "1", ""], ["Visma", " ", "1", ""]], rowNumbers: [2, 3] };
    expect(importContracts(t, guessMapping(t.headers, CONTRACTS.fields)).errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "Leverantör/System", "värde saknas"], [3, "Kommun/Medlem", "värde saknas"],
    ]);
  });
});

describe("contractTableRows", () => {
  it("writes equal options as one length and a count, different ones as written, and the index as series and base month", () => {
    const equal = only(register(["Option", "Antal optioner", "Indexserie", "Basmånad"], ["12", "2", "KPI", "2023-10"]));
    const mixed = only(register(["Option", "Option påkallas senast", "Indexserie"], ["24 + 12", "6", "AKI"]));
    const cells = contractTableRows([equal, mixed]).map((r) => r.map((c) => (c instanceof Amount ? c.toFixed() : c)));
    // Leverantör, Kommun, Avtalat, Start, Slut (2027-12-31 = serial 46 388 + 364 = 46 752), Förlängning, Uppsägning, Fast dag, Option, Antal, Påkallas, Index, Basmånad.
    expect(cells).toEqual([
      ["Visma", "Ask", "100000", null, 46_752, null, null, null, 12, 2, null, "KPI", "2023-10"],
      ["Visma", "Ask", "100000", null, 46_752, null, null, null, "24 + 12", 2, "6", "AKI", null],
    ]);
  });

  it("quotes a number cell that is no whole number of months with a decimal comma, a date cell as a date", () => {
    expect(register(["Förlängning", "Uppsägningstid"], [2.5, -1234]).errors.map((e) => [e.column, e.message])).toEqual([
      ["Förlängning", "'2,5' är inget helt antal månader"], ["Uppsägningstid", "'-1\u00a0234' är inget helt antal månader"],
    ]);
    expect(register(["Förlängning"], [new Date(Date.UTC(2027, 11, 31))]).errors.map((e) => e.message)).toEqual(["texten '2027-12-31' är inget tal"]);
  });
});
