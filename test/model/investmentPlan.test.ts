import { toAmount } from "../../src/core/money";
import type { SourceTable } from "../../src/core/cells";
import { importInvestments } from "../../src/model/investmentPlan";

const table = (headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file: "plan.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
const messages = (t: SourceTable) => importInvestments(t).errors.map((e) => [e.row, e.column, e.message]);
const HEADERS = ["Investering", "År", "Belopp", "Avskrivningstid"];

describe("importInvestments", () => {
  it("reads name, year, amount and depreciation years, from text or number cells, under the other headers too", () => {
    const result = importInvestments(table(["Objekt", "Investeringsår", "Utgift", "Nyttjandeperiod"], [["Nätverksutrustning", "2027", "1 200 000", "5"], ["Servrar", 2028, 750_000.5, 3]]));
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.name, r.year, toAmount(r.amount).toFixed(), r.years])).toEqual([["Nätverksutrustning", 2027, "1200000", 5], ["Servrar", 2028, "750000.5", 3]]);
  });

  it("takes years from 1900 to 2200 and depreciation from 1 to 100 years, whole, and says so", () => {
    expect(messages(table(HEADERS, [["A", "1899", "1", "1"], ["B", "2201", "1", "1"], ["C", "2027", "1", "0"], ["D", "2027", "1", "101"], ["E", "1900", "1", "100"]]))).toEqual([
      [2, "År", "året ska vara ett heltal från 1900 till 2200, inte 1899"],
      [3, "År", "året ska vara ett heltal från 1900 till 2200, inte 2201"],
      [4, "Avskrivningstid", "avskrivningstiden ska vara ett heltal från 1 till 100, inte 0"],
      [5, "Avskrivningstid", "avskrivningstiden ska vara ett heltal från 1 till 100, inte 101"],
    ]);
  });

  it("names what is missing on the row it is missing from", () => {
    expect(messages(table(HEADERS, [["", "2027", "1", "1"], ["A", "", "1", "1"], ["B", "2027", "", "1"], ["C", "2027", "1", ""]]))).toEqual([
      [2, "Investering", "värde saknas"], [3, "År", "året saknas"], [4, "Belopp", "beloppet saknas"], [5, "Avskrivningstid", "avskrivningstiden saknas"],
    ]);
  });

  it("quotes a year or a depreciation time with decimals the Swedish way: 'inte 2027,5' rather than 'inte 2027.5'", () => {
    expect(messages(table(HEADERS, [["A", "2027,5", "1", "5"], ["B", 2027.5, "1", "5"], ["C", "2027", "1", "2,5"], ["D", "2027", "1", 2.5], ["E", "-2027,25", "1", "1 000,5"]]))).toEqual([
      [2, "År", "året ska vara ett heltal från 1900 till 2200, inte 2027,5"],
      [3, "År", "året ska vara ett heltal från 1900 till 2200, inte 2027,5"],
      [4, "Avskrivningstid", "avskrivningstiden ska vara ett heltal från 1 till 100, inte 2,5"],
      [5, "Avskrivningstid", "avskrivningstiden ska vara ett heltal från 1 till 100, inte 2,5"],
      // A year is written without a thousands space, other numbers with one (NBSP, as everywhere in messages).
      [6, "År", "året ska vara ett heltal från 1900 till 2200, inte -2027,25"],
      [6, "Avskrivningstid", "avskrivningstiden ska vara ett heltal från 1 till 100, inte 1\u00a0000,5"],
    ]);
  });
});
