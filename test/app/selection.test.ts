import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { selectionAsTable } from "../../src/app/selection";
import { DomainError } from "../../src/core/errors";

/** A sheet with a small table at C2:D4, the way a user would have it somewhere on a sheet. */
async function sheetWithTable(): Promise<EmbeddedWorkbook> {
  const wb = new EmbeddedWorkbook(["Data"]);
  await wb.writeSheets([{ sheet: "Data", topLeft: "C2", cells: [[" Aktivitet ", "Timmar"], ["Upphandling", 110], ["Avtal", { formula: "=40*2" }]] }]);
  return wb;
}

async function refusal(wb: EmbeddedWorkbook): Promise<DomainError> {
  try {
    await selectionAsTable(wb);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("the selection was read");
}

describe("the selection as a source table", () => {
  it("takes the first row as trimmed headers and numbers the rows as on the sheet, values not formulas", async () => {
    const wb = await sheetWithTable();
    await wb.selectRange("Data", "C2:D4");
    expect(await selectionAsTable(wb)).toEqual({
      file: "blad Data",
      sheet: "Data",
      headers: ["Aktivitet", "Timmar"],
      rows: [["Upphandling", 110], ["Avtal", 80]],
      rowNumbers: [3, 4],
      headerRowNumber: 2,
    });
  });

  it("refuses a selection of only a header row, naming the sheet", async () => {
    const wb = await sheetWithTable();
    await wb.selectRange("Data", "C2:D2");
    const error = await refusal(wb);
    expect(error.message).toBe("markera en tabell med rubrikrad och minst en rad under den");
    expect(error.location).toEqual({ sheet: "Data" });
  });

  it("refuses a cell holding an error value rather than reading it as text, naming its sheet row", async () => {
    const wb = await sheetWithTable();
    wb.setCellFromUser("Data", "D4", "=1/0");
    await wb.selectRange("Data", "C2:D4");
    const error = await refusal(wb);
    expect(error.message).toBe("cellen har felvärdet #DIV/0!");
    expect(error.location).toMatchObject({ sheet: "Data", row: 4 });
  });

  it("names the error cell's sheet column (D for D4 in C2:D4), as it does its sheet row", async () => {
    const wb = await sheetWithTable();
    wb.setCellFromUser("Data", "D4", "=1/0");
    await wb.selectRange("Data", "C2:D4");
    expect((await refusal(wb)).location).toEqual({ sheet: "Data", row: 4, column: "D" });
    // In the header row too, and past Z.
    wb.setCellFromUser("Data", "C2", "=NA()");
    expect((await refusal(wb)).location).toEqual({ sheet: "Data", row: 2, column: "C" });
    wb.setCellFromUser("Data", "AB7", "=1/0");
    await wb.selectRange("Data", "AA6:AB7");
    expect((await refusal(wb)).location).toEqual({ sheet: "Data", row: 7, column: "AB" });
  });
});
