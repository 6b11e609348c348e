import fc from "fast-check";
import ExcelJS from "exceljs";
import { CivilDate, formatIsoDate, fromEpochDays, fromExcelSerial, makeDate, toEpochDays, toExcelSerial } from "../../src/core/dates";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readUserCell } from "../../src/standalone/userInput";
import { readXlsxTable } from "../../src/io/xlsxTable";
import { readWorkbookFile } from "../../src/io/xlsxWorkbook";
import { declaresDate1904, workbookDateSystem } from "../../src/io/workbookDateSystem";
import { ZipArchive } from "../../src/io/zipArchive";
import { importContracts } from "../../src/model/contracts";
import { readDate } from "../../src/model/records";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One date system per workbook: a date is the same date whichever way it arrives — typed on the
 * page, computed by DATUM in the engine, a serial in a 1900 or a 1904 workbook, a formatted date
 * cell of a workbook LibreOffice saved with date1904="true".
 */

const FIRST = toEpochDays(makeDate(1904, 1, 1));
const LAST = toEpochDays(makeDate(9999, 12, 31));
const dates = fc.integer({ min: FIRST, max: LAST }).map(fromEpochDays);

/** A contract table as exceljs writes it, re-flagged the way LibreOffice writes the 1904 system. */
async function contractWorkbook(rows: { end: CivilDate }[], system: "1900" | "1904", flag: "1" | "true" = "true"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = system === "1904";
  const ws = wb.addWorksheet("Avtal");
  ws.addRow(["Leverantör", "Kommun", "Avtalat", "Slutdatum", "Startdatum"]);
  for (const { end } of rows) {
    // Slutdatum as a formatted date cell, Startdatum as the bare serial of the same day.
    const row = ws.addRow(["Visma", "Ask", 1000, new Date(Date.UTC(end.year, end.month - 1, end.day)), toExcelSerial(end, system)]);
    row.getCell(4).numFmt = "yyyy-mm-dd";
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (system === "1900" || flag === "1") return bytes;
  const archive = ZipArchive.open(bytes, "avtal.xlsx");
  const xml = archive.text("xl/workbook.xml");
  expect(xml).toContain('date1904="1"');
  archive.replace("xl/workbook.xml", xml.replace('date1904="1"', 'date1904="true"'));
  return archive.toBytes();
}

describe("one date system per workbook", () => {
  it("property: typed text, DATUM in the engine, and 1900 and 1904 serials are the same date", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    fc.assert(
      fc.property(dates, (date) => {
        const iso = formatIsoDate(date);
        const typed = readUserCell(iso);
        const formula = readUserCell(`=DATUM(${date.year};${date.month};${date.day})`);
        expect(typed.kind).toBe("date");
        expect(formula.kind).toBe("formula");
        wb.setBlockFromUser("Blad1", "A1", [[typed, formula]]);
        const [a, b] = [wb.cellValue("Blad1", 0, 0), wb.cellValue("Blad1", 0, 1)] as number[];
        expect(b).toBe(a);
        expect(formatIsoDate(fromExcelSerial(a))).toBe(iso);
        const in1904 = toExcelSerial(date, "1904");
        expect(a - in1904).toBe(1462);
        expect(readDate(in1904, { dateSystem: "1904" })).toEqual(date);
        expect(readDate(a, { dateSystem: "1900" })).toEqual(date);
      }),
      { numRuns: 200 },
    );
  });

  it("property: a LibreOffice 1904 workbook's dates read as the same dates in fee, reconcile and invoice's readers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dates, { minLength: 1, maxLength: 5 }), fc.constantFrom<"1900" | "1904">("1900", "1904"), async (ends, system) => {
        const bytes = await contractWorkbook(ends.map((end) => ({ end })), system);
        const table = await readXlsxTable(bytes, "avtal.xlsx");
        expect(table.dateSystem).toBe(system);
        const imported = importContracts(table, { supplier: 0, member: 1, agreed: 2, end: 3, start: 4 });
        expect(imported.errors).toEqual([]);
        expect(imported.records.map((r) => r.end)).toEqual(ends);
        expect(imported.records.map((r) => r.start)).toEqual(ends);
        // The workbook reader (invoice, the standalone page) gives 1900 serials of the same days.
        const snapshot = await readWorkbookFile(bytes, "avtal.xlsx");
        expect(snapshot.sheets[0].cells.slice(1).map((row) => row[3])).toEqual(ends.map((d) => toExcelSerial(d)));
      }),
      { numRuns: 12 },
    );
  });

  it("a contract ending 2027-04-30 in a 1904 file saved by LibreOffice ends 2027-04-30, not 2023-04-29", async () => {
    const end = makeDate(2027, 4, 30);
    for (const flag of ["true", "1"] as const) {
      const table = await readXlsxTable(await contractWorkbook([{ end }], "1904", flag), "avtal.xlsx");
      const [contract] = importContracts(table, { supplier: 0, member: 1, agreed: 2, end: 3, start: 4 }).records;
      expect(formatIsoDate(contract.end!)).toBe("2027-04-30");
      expect(formatIsoDate(contract.start!)).toBe("2027-04-30");
    }
  });

  it("reads the date system of the corpus's LibreOffice and exceljs 1904 files, and of a 1900 file", async () => {
    const corpus = join(__dirname, "../fixtures/xlsx-corpus");
    for (const name of ["libreoffice-1904.xlsx", "exceljs-1904.xlsx"]) expect(await workbookDateSystem(new Uint8Array(readFileSync(join(corpus, name))), name)).toBe("1904");
    expect(await workbookDateSystem(new Uint8Array(readFileSync(join(corpus, "libreoffice-native.xlsx"))), "x.xlsx")).toBe("1900");
    expect(declaresDate1904('<x:workbookPr date1904="false"/>')).toBe(false);
    expect(declaresDate1904("<x:workbookPr date1904='true'/>")).toBe(true);
  });

  it("libreoffice-1904.xlsx on the page: DATE(2027;12;31) is 2027-12-31 in the engine", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../fixtures/xlsx-corpus/libreoffice-1904.xlsx")));
    const wb = EmbeddedWorkbook.fromSnapshot(await readWorkbookFile(bytes, "libreoffice-1904.xlsx"));
    expect(formatIsoDate(fromExcelSerial(wb.cellValue((await wb.sheetNames())[0], 0, 1) as number))).toBe("2027-12-31");
  });
});
