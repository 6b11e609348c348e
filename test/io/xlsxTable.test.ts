import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbookWithDates, plainCellValue, readXlsxTable } from "../../src/io/xlsxTable";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { zip } from "../zipWriter";

const CORPUS = join(__dirname, "..", "fixtures", "xlsx-corpus");
const fixture = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));

const outcome = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (e: unknown) => ({ error: isDomainError(e) ? locatedMessage(e) : `other: ${String(e)}` }));

/** A workbook exceljs writes, its sheets filled by `fill`. */
async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const NS = "http://schemas.openxmlformats.org";
/** A minimal package with one worksheet whose sheetData is `rows`. */
const onePartSheet = (rows: string) => new Uint8Array(zip([
  ["[Content_Types].xml", Buffer.from(`<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)],
  ["_rels/.rels", Buffer.from(`<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
  ["xl/workbook.xml", Buffer.from(`<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Stor" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
  ["xl/_rels/workbook.xml.rels", Buffer.from(`<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
  ["xl/worksheets/sheet1.xml", Buffer.from(`<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`)],
]));

describe("the first sheet with data, as a table", () => {
  it("skips empty sheets and leading blank rows, and keeps the rows' numbers in the sheet", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Tom");
      const ws = wb.addWorksheet("Nyckel");
      ws.getCell("A3").value = "  Medlem ";
      ws.getCell("B3").value = "Vikt";
      ws.getRow(4).values = ["Ask", 12345];
      ws.getRow(6).values = ["Björkby", 6789]; // row 5 is empty: no data row, but the numbering goes on
    });
    const table = await readXlsxTable(bytes, "nyckel.xlsx");
    expect(table).toEqual({ file: "nyckel.xlsx", headers: ["Medlem", "Vikt"], rows: [["Ask", 12345], ["Björkby", 6789]], rowNumbers: [4, 6], headerRowNumber: 3, dateSystem: "1900" });
  });

  it("gives a header without text as \"\", and every row as many cells as the sheet's widest row", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getRow(1).values = ["Medlem", null, "Vikt"];
      ws.getRow(2).values = ["Ask", "x", 5];
      ws.getCell("E3").value = "utanför";
      ws.getRow(3).getCell(1).value = "Dal";
    });
    // columnCount is 5 (E3), so the header row has five cells: two of them with no text.
    const table = await readXlsxTable(bytes, "t.xlsx");
    expect(table.headers).toEqual(["Medlem", "", "Vikt", "", ""]);
    expect(table.rows).toEqual([["Ask", "x", 5, null, null], ["Dal", null, null, null, "utanför"]]);
  });

  it("reads a merged range's value in its first cell only, as the file has it", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getRow(1).values = ["Medlem", "Q1", "Q2"];
      ws.getRow(2).values = ["Ask", 100];
      ws.mergeCells("B2:C2");
    });
    expect((await readXlsxTable(bytes, "m.xlsx")).rows).toEqual([["Ask", 100, null]]);
  });

  it("names file, sheet and cell of a formula saved without a value, in openpyxl's own file (its chart does not stop the reader)", async () => {
    expect(await outcome(readXlsxTable(fixture("openpyxl-layout.xlsx"), "openpyxl-layout.xlsx"))).toEqual({
      error: "fil openpyxl-layout.xlsx, blad Nyckel, cell C2: cellen har formeln =B2/SUM($B$2:$B$5) men inget sparat värde (filen har inte räknats om i ett kalkylprogram); öppna den i Excel, räkna om och spara den, eller skriv in värdet",
    });
  });

  it("refuses a workbook whose sheets are all empty", async () => {
    const bytes = await workbook((wb) => void wb.addWorksheet("Blad1"));
    expect(await outcome(readXlsxTable(bytes, "tom.xlsx"))).toEqual({ error: "fil tom.xlsx: arbetsboken har inga rader" });
  });

  it("refuses a sheet with more data rows than an import may have, naming the sheet (about 6 s: exceljs reads them all first)", async () => {
    // The header and 250 001 data rows: one more than LIMITS.importRows.
    const rows = Array.from({ length: 250_002 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join("");
    expect(await outcome(readXlsxTable(onePartSheet(rows), "stor.xlsx"))).toEqual({ error: "fil stor.xlsx, blad Stor: bladet Stor har fler än 250\u00a0000 datarader, som är största tillåtna antal" });
  }, 60_000);
});

describe("before and around exceljs", () => {
  it("refuses a zip whose directory claims a zip bomb before exceljs unpacks anything", async () => {
    const bomb = new Uint8Array(zip([["xl/workbook.xml", Buffer.from("<workbook/>")]], 3 * 1024 * 1024 * 1024));
    const result = await outcome(loadWorkbookWithDates(bomb, "bomb.xlsx"));
    expect("error" in result && result.error).toMatch(/^fil bomb\.xlsx: filen skulle packas upp till .*zip-bomb/);
  });

  it("turns exceljs's own words about a part it cannot parse into Swedish naming the file", async () => {
    const damaged = new Uint8Array(zip([
      ["[Content_Types].xml", Buffer.from("<Types/>")],
      ["xl/workbook.xml", Buffer.from("<workbook><sheets><sheet name=")],
    ]));
    expect(await outcome(loadWorkbookWithDates(damaged, "trasig.xlsx"))).toEqual({
      error: "fil trasig.xlsx: filen kan inte läsas som xlsx: en del av den har en form som läsaren inte känner igen; öppna den i Excel och spara den igen",
    });
  });
});

describe("a cell's value as it shows", () => {
  it.each<[string, ExcelJS.CellValue, unknown]>([
    ["rich text as its plain text", { richText: [{ text: "Ask " }, { text: "kommun", font: { bold: true } }] }, "Ask kommun"],
    ["an error value as its code", { error: "#N/A" } as ExcelJS.CellErrorValue, "#N/A"],
    ["a formula as its cached result", { formula: "B2*2", result: 24690 } as ExcelJS.CellFormulaValue, 24690],
    ["a formula whose result is text", { formula: "A1&\"\"", result: "Ask" } as ExcelJS.CellFormulaValue, "Ask"],
    ["a boolean as itself", true, true],
    ["an empty cell as null", null, null],
  ])("reads %s", (_, value, expected) => {
    expect(plainCellValue(value)).toEqual(expected);
  });

  it("puts a date right by the workbook's correction, also as a formula's result", () => {
    const shifted = { system: "1904" as const, fix: (d: Date) => new Date(d.getTime() + 86_400_000) };
    const day = new Date(Date.UTC(2027, 3, 29));
    expect(plainCellValue(day, shifted)).toEqual(new Date(Date.UTC(2027, 3, 30)));
    expect(plainCellValue({ formula: "DATE(2027,4,29)", result: day } as ExcelJS.CellFormulaValue, shifted)).toEqual(new Date(Date.UTC(2027, 3, 30)));
  });

  it("names the shared formula of a filled-down cell saved without a value", () => {
    expect(() => plainCellValue({ sharedFormula: "C2", result: undefined } as unknown as ExcelJS.CellValue)).toThrow("cellen har formeln =C2 men inget sparat värde");
  });
});
