import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zip } from "../zipWriter";
import { canonicalXlsx } from "../../src/io/canonicalParts";
import { readSourceFile } from "../../src/io/sourceTable";
import { readWorkbookFile, writeWorkbookFile } from "../../src/io/xlsxWorkbook";

const ns = "http://schemas.openxmlformats.org";

interface Layout {
  /** Where the workbook part is, and the targets its relationships and the sheet's use. */
  workbook: string;
  sheet: string;
  strings: string;
  table: string;
  rootTarget: string;
  sheetTarget: string;
  stringsTarget: string;
  tableTarget: string;
}

/**
 * A valid package laid out as a writer other than Excel may lay it out: any part names, relative
 * targets with "." and ".." or absolute ones, with a sheet, shared strings and a table.
 */
function packageLaidOut(layout: Layout): Uint8Array {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (...r: string[]) => Buffer.from(`<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships">${r.join("")}</Relationships>`);
  const relsOf = (part: string) => `${part.slice(0, part.lastIndexOf("/") + 1)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
  const override = (type: string, name: string) => `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/>`;
  return new Uint8Array(
    zip([
      ["[Content_Types].xml", Buffer.from(`<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${override("spreadsheetml.sheet.main", layout.workbook)}${override("spreadsheetml.worksheet", layout.sheet)}${override("spreadsheetml.sharedStrings", layout.strings)}${override("spreadsheetml.table", layout.table)}</Types>`)],
      ["_rels/.rels", rels(rel("rId1", "officeDocument", layout.rootTarget))],
      [layout.workbook, Buffer.from(`<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Nyckel" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
      [relsOf(layout.workbook), rels(rel("rId1", "worksheet", layout.sheetTarget), rel("rId2", "sharedStrings", layout.stringsTarget))],
      [layout.strings, Buffer.from(`<?xml version="1.0"?><sst xmlns="${ns}/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Medlem</t></si><si><t>Vikt</t></si></sst>`)],
      [layout.sheet, Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ask</t></is></c><c r="B2"><v>1.5</v></c></row></sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`)],
      [relsOf(layout.sheet), rels(rel("rId1", "table", layout.tableTarget))],
      [layout.table, Buffer.from(`<?xml version="1.0"?><table xmlns="${ns}/spreadsheetml/2006/main" id="1" name="Nyckel" displayName="Nyckel" ref="A1:B2"><autoFilter ref="A1:B2"/><tableColumns count="2"><tableColumn id="1" name="Medlem"/><tableColumn id="2" name="Vikt"/></tableColumns></table>`)],
    ]),
  );
}

const excelLayout: Layout = {
  workbook: "xl/workbook.xml",
  sheet: "xl/worksheets/sheet1.xml",
  strings: "xl/sharedStrings.xml",
  table: "xl/tables/table1.xml",
  rootTarget: "xl/workbook.xml",
  sheetTarget: "worksheets/sheet1.xml",
  stringsTarget: "sharedStrings.xml",
  tableTarget: "../tables/table1.xml",
};

const otherLayouts: [string, Partial<Layout>][] = [
  ["absolute targets, as openpyxl writes them", { rootTarget: "/xl/workbook.xml", sheetTarget: "/xl/worksheets/sheet1.xml", stringsTarget: "/xl/sharedStrings.xml", tableTarget: "/xl/tables/table1.xml" }],
  ["relative targets with '.' and '..'", { rootTarget: "./xl/workbook.xml", sheetTarget: "../xl/worksheets/./sheet1.xml", stringsTarget: "./sharedStrings.xml", tableTarget: "../../xl/tables/table1.xml" }],
  ["the workbook outside xl/ and parts under other names", { workbook: "arbetsbok.xml", sheet: "blad/data.xml", strings: "text/strings.xml", table: "blad/tabell.xml", rootTarget: "arbetsbok.xml", sheetTarget: "blad/data.xml", stringsTarget: "/text/strings.xml", tableTarget: "tabell.xml" }],
  ["targets in another case than the part names", { sheet: "xl/worksheets/Sheet1.xml", sheetTarget: "Worksheets/SHEET1.xml", tableTarget: "../Tables/Table1.xml" }],
];

describe("packages laid out otherwise than Excel lays them out", () => {
  it.each(otherLayouts)("reads the sheet, its values and its table with %s, in the workbook and as a table to import", async (_, change) => {
    const bytes = packageLaidOut({ ...excelLayout, ...change });
    const workbook = await readWorkbookFile(bytes, "annan.xlsx");
    expect(workbook.sheets).toEqual([{ name: "Nyckel", cells: [["Medlem", "Vikt"], ["Ask", 1.5]] }]);
    expect(workbook.tables).toEqual([{ name: "Nyckel", sheet: "Nyckel", row: 0, col: 0, width: 2, height: 2 }]);
    const table = await readSourceFile(bytes, "annan.xlsx");
    expect([table.headers, table.rows]).toEqual([["Medlem", "Vikt"], [["Ask", 1.5]]]);
  });

  it("reads a workbook openpyxl wrote (absolute targets, comments in xl/comments/): sheets, table, formats", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../fixtures/xlsx-corpus/openpyxl-layout.xlsx")));
    expect(await canonicalXlsx(bytes)).not.toBe(bytes);
    const workbook = await readWorkbookFile(bytes, "openpyxl-layout.xlsx");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Nyckel", "Fördelning"]);
    expect(workbook.sheets[0].cells.slice(1).map((r) => r.slice(0, 2))).toEqual([["Ask", 12345], ["Björkby", 6789], ["Ceder", 25010], ["Dal", 3001]]);
    expect(workbook.sheets[1].cells[2]).toEqual([{ formula: "=SAMKALK.FORDELA(B1,Nyckel!B2:B5)" }]);
    expect(workbook.tables).toEqual([{ name: "Vikter", sheet: "Nyckel", row: 0, col: 0, width: 3, height: 5 }]);
    expect(workbook.numberFormats).toMatchObject({ "Nyckel!F1": "yyyy-mm-dd", "Nyckel!C2": "0.00%" });
  });

  it("leaves a package in Excel's own layout byte for byte", async () => {
    const bytes = packageLaidOut(excelLayout);
    expect(await canonicalXlsx(bytes)).toBe(bytes);
    const ours = await writeWorkbookFile({ sheets: [{ name: "Blad1", cells: [[1]] }], tables: [], settings: {}, numberFormats: {} });
    expect(await canonicalXlsx(ours)).toBe(ours);
  });

  it("leaves bytes that are no zip to the reader's own refusal", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await canonicalXlsx(bytes)).toBe(bytes);
  });
});
