import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readWorkbookFile, writeWorkbookFile } from "../../src/io/xlsxWorkbook";
import { plainCellValue } from "../../src/io/xlsxTable";

/** The standalone page's "Spara .xlsx" and "Öppna": what the grid shows, the file keeps. */
describe("xlsx save and open of the embedded workbook", () => {
  async function savedSheet() {
    const wb = new EmbeddedWorkbook(["Avstämning"]);
    await wb.writeSheets([
      {
        sheet: "Avstämning",
        topLeft: "A1",
        cells: [["Medlem", "Status"], ["Ask", "OK"], ["Björkby", "Avvikelse"], ["Summa", ""]],
        boldRows: [0, 3],
        flagColumn: { column: 1, rules: [{ text: "OK", fill: "#C9E7C0" }, { text: "Avvikelse", fill: "#FFF4B3" }] },
      },
    ]);
    await wb.markCells([{ sheet: "Avstämning", address: "A3", fill: "#F4B6B6" }]);
    return { wb, bytes: await writeWorkbookFile(wb.snapshot()) };
  }

  it("keeps bold rows, marked cells and flag colours", async () => {
    const { bytes } = await savedSheet();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    const ws = book.getWorksheet("Avstämning")!;
    expect([ws.getCell("A1").font?.bold, ws.getCell("B1").font?.bold, ws.getCell("A4").font?.bold, ws.getCell("A2").font?.bold]).toEqual([true, true, true, undefined]);
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill("B2"), fill("B3"), fill("A3"), fill("A2")]).toEqual(["FFC9E7C0", "FFFFF4B3", "FFF4B6B6", undefined]);
  });

  it("reads them back into the page", async () => {
    const { wb, bytes } = await savedSheet();
    const reopened = EmbeddedWorkbook.fromSnapshot(await readWorkbookFile(bytes, "avstamning.xlsx"));
    for (const [row, col] of [[0, 0], [2, 0], [1, 1], [3, 0]]) expect(reopened.cellDisplay("Avstämning", row, col)).toMatchObject({ bold: wb.cellDisplay("Avstämning", row, col).bold, fill: wb.cellDisplay("Avstämning", row, col).fill });
  });
});

describe("cell values from exceljs", () => {
  it("a link cell shows its text, or its address when saved without text — never 'undefined'", () => {
    expect(plainCellValue({ text: "Beslut", hyperlink: "https://example.org/b" } as ExcelJS.CellValue)).toBe("Beslut");
    expect(plainCellValue({ hyperlink: "https://example.org/b" } as unknown as ExcelJS.CellValue)).toBe("https://example.org/b");
    expect(plainCellValue({ text: undefined, hyperlink: "https://example.org/b" } as unknown as ExcelJS.CellValue)).toBe("https://example.org/b");
  });
});

describe("opening a workbook written by LibreOffice", () => {
  it("evaluates SAMKALK formulas over a defined name, and a merged title stays in its first cell", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "xlsx-corpus", "libreoffice-native.xlsx")));
    const wb = EmbeddedWorkbook.fromSnapshot(await readWorkbookFile(bytes, "libreoffice-native.xlsx"));
    expect(["A1", "B1", "D1"].map((a) => wb.cellDisplay("Fördelning", 0, a.charCodeAt(0) - 65).value)).toEqual(["Kostnadsfördelning 2027", null, null]);
    const e = [2, 3, 4, 5].map((row) => wb.cellDisplay("Fördelning", row, 4).value as number);
    expect(e.reduce((s, x) => s + x, 0)).toBe(250000); // =samkalk.fordela(Underlag!B1,Vikter)
    expect(wb.cellDisplay("Fördelning", 2, 5).value).toBe(e[0] * 2);
    // Saved again, the name is still there.
    const again = await readWorkbookFile(await writeWorkbookFile(wb.snapshot()), "igen.xlsx");
    expect(again.names).toEqual({ Vikter: "'Fördelning'!$B$3:$B$6" });
  });
});
