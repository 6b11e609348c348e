import { readPrintedTable } from "../../src/core/printedTable";

describe("a row with an empty first column", () => {
  it("is a line where another column names it, and a closing row where none does", () => {
    const grid = readPrintedTable({ file: "x.csv", rows: [["Avsnitt", "Kategori", "Utfall"], ["Drift", "Hyra", "100"], ["", "Växel", "50"], ["", "", "150"], ["", "Summa", "150"]] });
    expect(grid.blocks[0].rows.map((r) => r.role)).toEqual(["line", "line", "subtotal", "total"]);
  });
});
