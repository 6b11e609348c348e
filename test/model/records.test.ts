import { Amount } from "../../src/core/money";
import { formatIsoDate, makeDate } from "../../src/core/dates";
import type { SourceTable } from "../../src/core/cells";
import type { FieldSpec } from "../../src/model/fields";
import { excelDate, importRecords, readAmount, readDate, readRows, readText, readWholeMonths } from "../../src/model/records";

type Field = "member" | "weight" | "note";
const FIELDS: FieldSpec<Field>[] = [
  { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem", "Organisation"], required: true },
  { field: "weight", label: "Vikt", headers: ["Vikt", "Andel"], required: true },
  { field: "note", label: "Not", headers: ["Not"], required: false },
];
const table = (headers: string[], rows: SourceTable["rows"], rowNumbers = rows.map((_, i) => i + 2)): SourceTable => ({ file: "nyckel.csv", headers, rows, rowNumbers });
const requiredWeight = (cell: SourceTable["rows"][number][number]): Amount => {
  const a = readAmount(cell);
  if (a === null) throw new Error("vikten saknas");
  return a;
};
const build = (get: <T>(field: Field, reader: (cell: SourceTable["rows"][number][number]) => T) => T) => ({ member: get("member", readText), weight: get("weight", requiredWeight) });

describe("readText", () => {
  it("trims, reads a blank as empty and a date cell as its ISO date", () => {
    expect([readText("  Ask "), readText(null), readText(new Date(Date.UTC(2027, 0, 31)))]).toEqual(["Ask", "", "2027-01-31"]);
  });

  it("takes as much text as an Excel cell holds and no more", () => {
    expect(readText("x".repeat(32_767))).toHaveLength(32_767);
    expect(() => readText("x".repeat(32_768))).toThrow(/texten har 32\s768 tecken; en Excel-cell rymmer högst 32\s767/);
  });
});

describe("readAmount", () => {
  it("reads Swedish number text exactly, and blank or n/a as no value", () => {
    expect(["1 234,50 kr", "- kr", "(-285 000)", "12 tkr", "2 %"].map((t) => readAmount(t)!.toFixed())).toEqual(["1234.5", "0", "-285000", "12000", "0.02"]);
    expect([readAmount(null), readAmount(""), readAmount("n/a"), readAmount("saknas")]).toEqual([null, null, null, null]);
  });

  it("reads a cell's double as Excel shows it, and refuses text that is no number", () => {
    expect(readAmount(0.1 + 0.2)!.toFixed()).toBe("0.3");
    expect(() => readAmount("tusen")).toThrow("texten 'tusen' är inget tal");
  });
});

describe("readWholeMonths", () => {
  it("reads a count of months with or without its unit, and nej/ingen/-/blank as none", () => {
    expect([12, "12", "12 mån", "6 månader", "3 m."].map((c) => readWholeMonths(c))).toEqual([12, 12, 12, 6, 3]);
    expect([null, "", "nej", "Ingen", "-"].map((c) => readWholeMonths(c))).toEqual([null, null, null, null, null]);
  });

  it("refuses a part or a negative number of months, quoting the cell", () => {
    expect(() => readWholeMonths("1,5")).toThrow("'1,5' är inget helt antal månader");
    expect(() => readWholeMonths(-3)).toThrow("'-3' är inget helt antal månader");
    expect(() => readWholeMonths(2.5)).toThrow("'2,5' är inget helt antal månader");
  });
});

describe("readDate", () => {
  it("reads ISO text, a date cell by its UTC day, an Excel serial in the file's date system and a serial saved as text", () => {
    expect(formatIsoDate(readDate("2027-04-30")!)).toBe("2027-04-30");
    expect(formatIsoDate(readDate(new Date(Date.UTC(2027, 3, 30)))!)).toBe("2027-04-30");
    // 46 023 is 2026-01-01 in the 1900 system (days since 1899-12-30); 1 462 days fewer in 1904.
    expect(formatIsoDate(readDate(46_023)!)).toBe("2026-01-01");
    expect(formatIsoDate(readDate(46_023 - 1462, { dateSystem: "1904" })!)).toBe("2026-01-01");
    expect(formatIsoDate(readDate(" 46023 ")!)).toBe("2026-01-01");
    expect([readDate(null), readDate("")]).toEqual([null, null]);
  });

  it("refuses a day that does not exist", () => {
    expect(() => readDate("2027-02-30")).toThrow("2027-02-30 är inget giltigt datum");
  });
});

describe("excelDate", () => {
  it("writes a date as its 1900 serial and no date as null", () => {
    expect([excelDate(makeDate(2026, 1, 1)), excelDate(null)]).toEqual([46_023, null]);
  });
});

describe("importRecords", () => {
  it("collects every problem of every row with its file row and the column as the file names it", () => {
    // Row numbers as the file has them: a blank line 3 was dropped by the reader.
    const t = table(["Kommun", "Vikt"], [["Ask", "tusen"], ["", "2"], ["Dal", ""]], [2, 4, 5]);
    const result = importRecords(t, FIELDS, { member: 0, weight: 1 }, build, (r) => (r.member === "" ? { column: "Kommun", message: "värde saknas" } : null));
    expect(result.errors).toEqual([
      { file: "nyckel.csv", row: 2, column: "Vikt", message: "texten 'tusen' är inget tal" },
      { file: "nyckel.csv", row: 4, column: "Kommun", message: "värde saknas" },
      { file: "nyckel.csv", row: 5, column: "Vikt", message: "vikten saknas" },
    ]);
    expect(result.records).toEqual([]);
  });

  it("keeps the good rows with their file rows beside the errors of the bad ones", () => {
    const result = importRecords(table(["Medlem", "Vikt"], [["Ask", "1"], ["Björkby", "x"], ["Dal", "3"]], [2, 3, 7]), FIELDS, { member: 0, weight: 1 }, build);
    expect(result.records.map((r) => [r.member, r.weight.toNumber()])).toEqual([["Ask", 1], ["Dal", 3]]);
    expect([result.rows, result.errors.map((e) => e.row)]).toEqual([[2, 7], [3]]);
  });

  it("names a missing required column on row 1 with the headers it would have taken", () => {
    const result = importRecords(table(["Medlem"], [["Ask"]]), FIELDS, { member: 0 }, build);
    expect(result.errors).toEqual([{ file: "nyckel.csv", row: 1, column: "Vikt", message: "kolumnen Vikt saknas (väntade en rubrik som Vikt, Andel)" }]);
    const many = importRecords(table(["Vikt"], [["1"]]), FIELDS, { weight: 0 }, build);
    expect(many.errors[0].message).toBe("kolumnen Medlem saknas (väntade en rubrik som Medlem, Kommun, Kommun/Medlem)");
  });

  it("takes a field mapped to undefined (a column set to '(saknas)') as not mapped", () => {
    const t = table(["Medlem", "Vikt", "Not"], [["Ask", "1", "x"]]);
    expect(importRecords(t, FIELDS, { member: 0, weight: undefined, note: 2 }, build).errors).toEqual([
      { file: "nyckel.csv", row: 1, column: "Vikt", message: "kolumnen Vikt saknas (väntade en rubrik som Vikt, Andel)" },
    ]);
    const optional = importRecords(t, FIELDS, { member: 0, weight: 1, note: undefined }, (get) => ({ ...build(get), note: get("note", readText) }));
    expect([optional.errors, optional.records.map((r) => r.note)]).toEqual([[], [""]]);
  });

  it("refuses a mapped column whose header stands twice, and ignores a twice-named column it does not read", () => {
    const twice = importRecords(table(["Medlem", "Vikt", "Vikt"], [["Ask", "1", "2"]]), FIELDS, { member: 0, weight: 1 }, build);
    expect(twice.errors).toEqual([{ file: "nyckel.csv", row: 1, column: "Vikt", message: "kolumnen Vikt finns flera gånger; ta bort eller byt namn på den som inte gäller" }]);
    const unread = importRecords(table(["Medlem", "Vikt", "Kommentar", "Kommentar"], [["Ask", "1", "", ""]]), FIELDS, { member: 0, weight: 1 }, build);
    expect(unread.errors).toEqual([]);
  });

  it("says a table with a header and no rows has no data rows, on row 2", () => {
    expect(importRecords(table(["Medlem", "Vikt"], []), FIELDS, { member: 0, weight: 1 }, build).errors).toEqual([
      { file: "nyckel.csv", row: 2, column: "", message: "filen har inga datarader under rubrikraden" },
    ]);
  });

  it("reads date serials in the table's own date system", () => {
    const t = { ...table(["Medlem", "Vikt", "Not"], [["Ask", "1", 46_023 - 1462]]), dateSystem: "1904" as const };
    const result = importRecords(t, FIELDS, { member: 0, weight: 1, note: 2 }, (get) => ({ date: get("note", readDate) }));
    expect(formatIsoDate(result.records[0].date!)).toBe("2026-01-01");
  });
});

describe("readRows", () => {
  it("recognises the columns by their headers, in any order", () => {
    const read = readRows({ name: "Nyckel", fields: FIELDS }, build);
    const result = read(table(["Andel", "Organisation"], [["2", "Ask"]]));
    expect(result.records.map((r) => [r.member, r.weight.toNumber()])).toEqual([["Ask", 2]]);
  });
});
