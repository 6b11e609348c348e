import { FEE_CHANGES } from "../../src/model/feeChanges";
import { tableFormats, tableHeaders } from "../../src/model/fields";
import type { SourceTable } from "../../src/core/cells";

const source = (headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file: "förändringar.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

describe("Förändringar", () => {
  it("reads the board's changes with their year, signs as printed and synonyms for the headers", () => {
    const read = FEE_CHANGES.read(source(["Budgetår", "Beslutad förändring", "Belopp", "Paragraf"], [["2027", "Indexuppräkning", "(+ 334 100)", "§ 31"], ["2027", "Avslutat avtal", "(-285 000)", ""], [2027, "Fax", "(–18 200)", null]]));
    expect(read.errors).toEqual([]);
    expect(read.records.map((c) => [c.year, c.label, c.amount.toFixed(), c.decision])).toEqual([[2027, "Indexuppräkning", "334100", "§ 31"], [2027, "Avslutat avtal", "-285000", ""], [2027, "Fax", "-18200", ""]]);
  });

  it("names the row and column of what it cannot read, in Swedish", () => {
    const read = FEE_CHANGES.read(source(["År", "Förändring", "Belopp"], [["2027", "", "100"], ["2027", "Ny tjänst", ""], ["tjugo", "Lön", "5"], ["2027", "Lön", "fem"]]));
    expect(read.records).toEqual([]);
    expect(read.errors.map((e) => [e.row, e.column])).toEqual([[2, "Förändring"], [3, "Belopp"], [4, "År"], [5, "Belopp"]]);
    expect(read.errors[2].message).toContain("'tjugo' ska vara ett årtal");
  });

  it("writes its records back as rows that read the same (round trip)", () => {
    const read = FEE_CHANGES.read(source(["År", "Förändring", "Belopp", "Beslut"], [["2027", "Ny tjänst", "1 500 000", "KF § 84"], ["2028", "Lokal", "-400 000", ""]]));
    const rows = FEE_CHANGES.rows(read.records);
    expect(rows).toHaveLength(2);
    expect(tableHeaders(FEE_CHANGES)).toEqual(["År", "Förändring", "Belopp", "Beslut"]);
    expect(tableFormats(FEE_CHANGES)[2]).toBe("+#,##0;-#,##0;0");
    const again = FEE_CHANGES.read(source(tableHeaders(FEE_CHANGES), rows.map((r) => r.map((c) => (c === null ? null : typeof c === "object" && "toFixed" in c ? c.toFixed() : (c as string | number))))));
    expect(again.records).toEqual(read.records);
  });
});
