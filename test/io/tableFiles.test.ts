import ExcelJS from "exceljs";
import { cellsToCsv, cellsToXlsx } from "../../src/io/tableFiles";
import { Amount } from "../../src/core/amount";
import { readSourceFile } from "../../src/io/sourceTable";

const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("tables written as files for people", () => {
  it("writes Swedish CSV: BOM, semicolons, decimal comma without thousands separator, quotes, CRLF", () => {
    const bytes = cellsToCsv([["Medlem", "Belopp"], ["Björkby; öst", new Amount("1234567.5")], ['Sa "ja"', -0.1]]);
    expect(text(bytes)).toBe('\ufeffMedlem;Belopp\r\n"Björkby; öst";1234567,5\r\n"Sa ""ja""";-0,1\r\n');
  });

  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    expect(text(cellsToCsv([['=HYPERLINK("x")', "+1", "@SUM(A1)", "-2 kr"]]))).toBe(`\ufeff"'=HYPERLINK(""x"")";'+1;'@SUM(A1);'-2 kr\r\n`);
  });

  it("CSV it writes reads back to the same exact amounts", async () => {
    const table = await readSourceFile(cellsToCsv([["Medlem", "Belopp"], ["Ask", new Amount("25593.25")], ["Dal", new Amount("-15683")]]), "ut.csv");
    expect(table.rows.map((r) => r[0])).toEqual(["Ask", "Dal"]);
    expect(table.rows.map((r) => String(r[1]).replace(",", "."))).toEqual(["25593.25", "-15683"]);
  });

  it("writes one xlsx sheet under a name Excel allows, amounts as numbers with the formats asked for", async () => {
    const bytes = await cellsToXlsx("Ask/Björkby", [["Medlem", "Belopp"], ["Ask", new Amount("1000.5")], ["Summa", { formula: "=SUM(B2:B2)" }]], [null, "#,##0.00"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0];
    expect(ws.name).not.toContain("/");
    expect([ws.getCell("B2").value, ws.getColumn(2).numFmt, (ws.getCell("B3").value as { formula: string }).formula]).toEqual([1000.5, "#,##0.00", "SUM(B2:B2)"]);
  });
});
