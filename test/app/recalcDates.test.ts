import ExcelJS from "exceljs";
import { recalculateXlsx } from "../../src/app/recalculate";
import { ZipArchive } from "../../src/io/zipArchive";

/** recalc counts dates in the workbook's own system: 2027-04-30 is 46 507 in 1900 and 45 045 in 1904. */

async function workbook(system: "1900" | "1904"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Avtal");
  ws.getCell("A1").value = { formula: "DATE(2027,4,30)", result: 0 };
  // The SAMKALK formula reads the date, so the date formula is recalculated with it.
  ws.getCell("B1").value = { formula: "SAMKALK.AVTALSDIFF(A1,45000)" };
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (system === "1900") return bytes;
  // LibreOffice's way of saying 1904.
  const archive = ZipArchive.open(bytes, "avtal.xlsx");
  archive.replace("xl/workbook.xml", archive.text("xl/workbook.xml").replace("<workbookPr", '<workbookPr date1904="true"'));
  return archive.toBytes();
}

const sheet = (bytes: Uint8Array) => Buffer.from(ZipArchive.open(bytes, "x.xlsx").read("xl/worksheets/sheet1.xml")).toString("utf-8");

describe("recalc: the workbook's date system", () => {
  it("DATE(2027;4;30) is cached as 46 507 in a 1900 workbook, Excel's serial (the engine said 46 508)", async () => {
    const xml = sheet(recalculateXlsx(await workbook("1900"), "avtal.xlsx").bytes);
    expect(xml).toMatch(/<c r="A1"[^>]*><f>DATE\(2027,4,30\)<\/f><v>46507<\/v>/);
    expect(xml).toMatch(/<c r="B1"[^>]*><f>[^<]*<\/f><v>1507<\/v>/);
  });

  it("DATE(2027;4;30) is cached as 45 045 in a 1904 workbook, the same day in its system", async () => {
    const outcome = recalculateXlsx(await workbook("1904"), "avtal.xlsx");
    const xml = sheet(outcome.bytes);
    expect(xml).toMatch(/<c r="A1"[^>]*><f>DATE\(2027,4,30\)<\/f><v>45045<\/v>/);
    expect(xml).toMatch(/<c r="B1"[^>]*><f>[^<]*<\/f><v>45<\/v>/);
  });
});
