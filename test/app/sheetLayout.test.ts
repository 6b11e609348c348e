import { SheetLayout, offsetA1, rowRuns, sheetRef } from "../../src/app/sheetLayout";

describe("a sheet laid out row by row", () => {
  it("numbers rows from 1 as the sheet does, blanks included, and remembers the bold ones by index", () => {
    const out = new SheetLayout();
    expect(out.nextRow).toBe(1);
    expect(out.row(["Rubrik"], true)).toBe(1);
    out.blank();
    expect(out.row(["a", 1])).toBe(3);
    expect(out.nextRow).toBe(4);
    expect(out.cells).toEqual([["Rubrik"], [], ["a", 1]]);
    // Bold rows are 0-based indexes into cells, as the port's SheetSpec takes them.
    expect(out.boldRows).toEqual([0]);
  });

  it("describes a checked table from its header row to the last row written before it ends", () => {
    const out = new SheetLayout();
    out.row(["Rubrik"], true);
    out.blank();
    const table = out.table("Fördelning", ["Medlem", "A", "B", "Summa"], ["Summa = A + B"], ["Andel"]);
    expect(table.headerRow).toBe(3);
    out.row(["Ask", 1, 2, 3]);
    out.row(["Summa", 1, 2, 3], true);
    const block = table.end();
    out.blank();
    out.row(["efter tabellen"]);
    // Header at index 2, then two rows: height 3; width from the headers, not the rows.
    expect(block).toEqual({ title: "Fördelning", top: 2, height: 3, width: 4, rules: ["Summa = A + B"], ratioColumns: ["Andel"] });
    expect(out.blocks).toEqual([block]);
    expect(out.boldRows).toEqual([0, 2, 4]);
  });

  it("keeps cell formats in the order given", () => {
    const out = new SheetLayout();
    out.format("B2:B4", "#,##0");
    out.format("C2", "0.0%");
    expect(out.cellFormats).toEqual([{ address: "B2:B4", format: "#,##0" }, { address: "C2", format: "0.0%" }]);
  });
});

describe("references written into formulas", () => {
  it("quote a sheet name always, doubling an apostrophe in it", () => {
    expect(sheetRef("Budget", "F2")).toBe("'Budget'!F2");
    expect(sheetRef("Kalles budget", "A1:B2")).toBe("'Kalles budget'!A1:B2");
    expect(sheetRef("Kalle's", "A1")).toBe("'Kalle''s'!A1");
  });

  it("move an address down and right from a table's corner", () => {
    expect(offsetA1("A1", 0, 0)).toBe("A1");
    expect(offsetA1("D1", 3, 2)).toBe("F4");
    // Past Z: column 26 (0-based) is AA.
    expect(offsetA1("Y10", 1, 2)).toBe("AA11");
  });

  it("group sorted rows into runs of consecutive rows, so a SUM skips the rows left out", () => {
    expect(rowRuns([])).toEqual([]);
    expect(rowRuns([2])).toEqual([[2, 2]]);
    expect(rowRuns([2, 3, 4, 5, 7, 8, 9, 12])).toEqual([[2, 5], [7, 9], [12, 12]]);
  });
});
