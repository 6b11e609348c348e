import type { SourceTable } from "../../src/core/cells";
import { printedLines } from "../../src/model/printedSource";

const source = (headers: string[], rows: SourceTable["rows"], rowNumbers = rows.map((_, i) => i + 2)): SourceTable => ({ file: "budget.csv", headers, rows, rowNumbers });

describe("printedLines", () => {
  const printed = source(["Kategori", "Driftbudget", "Andel"], [
    ["Plattformar", null, null],
    ["Serverdrift", "1 845 000 kr", "60 %"],
    ["Lagring", "612 500,50", "20 %"],
    ["Säkerhet", null, null],
    ["SOC", "(-285 000)", "20 %"],
    [null, "2 172 500,50", "100 %"],
    // After a blank row (line 8): another table, never more lines.
    ["Uppräkning 2 %", "43 450", null],
  ], [2, 3, 4, 5, 6, 7, 9]);

  it("gives each line its section in a column of its own and drops the section rows", () => {
    const { table } = printedLines(printed, 0, "Avsnitt");
    expect(table.headers).toEqual(["Kategori", "Driftbudget", "Andel", "Avsnitt"]);
    expect(table.rows.map((r) => [r[0], r[3]])).toEqual([["Serverdrift", "Plattformar"], ["Lagring", "Plattformar"], ["SOC", "Säkerhet"], ["Summa", "Säkerhet"]]);
    expect(table.rowNumbers).toEqual([3, 4, 6, 7]);
    expect(table.headerRowNumber).toBe(1);
  });

  it("writes numbers and kronor as exact text with a decimal point, and other units as printed", () => {
    const { table } = printedLines(printed, 0, "Avsnitt");
    expect(table.rows.map((r) => [r[1], r[2]])).toEqual([["1845000", "60 %"], ["612500.5", "20 %"], ["-285000", "20 %"], ["2172500.5", "100 %"]]);
  });

  it("labels an unlabelled closing row Summa so the checks still see it, and keeps a labelled one as it is", () => {
    const labelled = source(["Kategori", "Belopp"], [["Hyra", "10"], ["El", "5"], ["Totalt", "15"]]);
    expect(printedLines(labelled, 0, "Avsnitt").table.rows).toEqual([["Hyra", "10"], ["El", "5"], ["Totalt", "15"]]);
    expect(printedLines(printed, 0, "Avsnitt").table.rows[3][0]).toBe("Summa");
  });

  it("adds no section column to a table without sections, and reads the label from the column asked", () => {
    const { table } = printedLines(source(["Belopp", "Post"], [["10", "Hyra"], ["5", "El"], ["15", null]]), 1, "Avsnitt");
    expect(table.headers).toEqual(["Belopp", "Post"]);
    expect(table.rows).toEqual([["10", "Hyra"], ["5", "El"], ["15", "Summa"]]);
  });

  it("gives no rows for a file without a table", () => {
    const { table } = printedLines(source([], []), 0, "Avsnitt");
    expect([table.rows, table.rowNumbers]).toEqual([[], []]);
  });
});
