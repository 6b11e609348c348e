import { keyFiguresFromTable, writeKeyFigures } from "../../src/app/keyFigures";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { SourceTable } from "../../src/core/cells";

const TABLE: SourceTable = {
  file: "nyckeltal.csv",
  headers: ["Kommun", "År", "Utfall", "Invånare"],
  rows: [
    ["Bollnäs", "2023", "4 210 000", "26 331"], ["Bollnäs", "2024", "4 380 000", "26 279"],
    ["Ljusdal", "2023", "2 980 000", "18 915"], ["Ljusdal", "2024", "3 105 000", "18 853"],
    ["Ovanåker", "2023", "1 850 000", "11 447"], ["Ovanåker", "2024", "1 850 000", "11 405"],
  ],
  rowNumbers: [2, 3, 4, 5, 6, 7],
};

describe("key figures as a sheet and a chart", () => {
  const { report, errors } = keyFiguresFromTable(TABLE);

  it("writes kr per inhabitant and the change, and a years × members block for the chart", async () => {
    expect(errors).toEqual([]);
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await writeKeyFigures(wb, report!);
    const long = await wb.readRange("Nyckeltal", "A1:F3");
    expect(long.values).toEqual([
      ["Medlem", "År", "Utfall", "Invånare", "Kr per invånare", "Förändring"],
      ["Bollnäs", 2023, 4_210_000, 26_331, 159.89, null],
      ["Bollnäs", 2024, 4_380_000, 26_279, 166.67, 0.042],
    ]);
    const block = await wb.readRange("Nyckeltal", "H1:K3");
    expect(block.values).toEqual([["År", "Bollnäs", "Ljusdal", "Ovanåker"], ["2023", 159.89, 157.55, 161.61], ["2024", 166.67, 164.7, 162.21]]);
    expect(wb.charts()).toEqual([{ sheet: "Nyckeltal", name: "Kostnad per invånare", kind: "line", title: "Kostnad per invånare (kr)", dataAddress: "H1:K3", topLeft: "H5" }]);
    await writeKeyFigures(wb, report!);
    expect(wb.charts()).toHaveLength(1);
  });

  it("asks Excel for a line chart over the block, series by columns, replacing an earlier one", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await writeKeyFigures(wb, report!);
    await writeKeyFigures(wb, report!);
    expect(fake.charts).toEqual([{ sheet: "Nyckeltal", name: "Kostnad per invånare", type: "Line", source: "H1:K3", seriesBy: "Columns", title: "Kostnad per invånare (kr)", position: "H5" }]);
  });

  it("gives the same figures to the SVG chart", () => {
    expect(report!.svg).toContain("<title>Ljusdal 2024: 164,70 kr/invånare</title>");
  });

  it("names the row and column of a bad year", () => {
    const bad = keyFiguresFromTable({ ...TABLE, rows: [["Bollnäs", "tjugo", "1", "1"]], rowNumbers: [2] });
    expect(bad.errors).toEqual([{ file: "nyckeltal.csv", row: 2, column: "År", message: "'tjugo' är inget år (ÅÅÅÅ)" }]);
  });
});
