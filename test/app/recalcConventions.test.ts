import ExcelJS from "exceljs";
import { languageDependent, recalculateXlsx } from "../../src/app/recalculate";
import { ZipArchive } from "../../src/io/zipArchive";

/**
 * Native formulas whose result depends on Excel's language (Swedish: decimal comma, "# ##0,00")
 * are not recomputed by the English engine: they keep Excel's cached value, are listed, and the
 * file asks Excel to recalculate on open.
 */

const part = (bytes: Uint8Array, name: string) => Buffer.from(ZipArchive.open(bytes, "x.xlsx").read(name)).toString("utf-8");

async function workbook(dependent: ExcelJS.CellFormulaValue): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Avstämning");
  ws.getCell("A1").value = { formula: "SAMKALK.AVTALSDIFF(10.5,9)" };
  ws.getCell("B1").value = dependent;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("recalc: native formulas that need Swedish conventions", () => {
  const cases: [string, string, string | number, RegExp][] = [
    ['TEXT with a Swedish format', 'TEXT(A1,"# ##0,00")', "1,50", /TEXT räknas med Excels svenska språkinställningar/],
    ["a number joined to text", '"Diff: "&A1', "Diff: 1,5", /& gör tal till text med Excels decimalkomma/],
    ['VALUE of "1,5"', 'VALUE("1,5")+A1', 3, /VALUE räknas med Excels svenska språkinställningar/],
    ['a text function on a number', "LEFT(A1,2)", "1,", /LEFT gör tal till text med Excels decimalkomma/],
    ['"1,5" calculated with', '"1,5"*A1', 2.25, /ett tal skrivet som text med decimalkomma/],
  ];
  it.each(cases)("%s keeps Excel's cached value, is listed and Excel recalculates on open", async (_, formula, cached, reason) => {
    const outcome = recalculateXlsx(await workbook({ formula, result: cached } as ExcelJS.CellFormulaValue), "avstamning.xlsx");
    const sheet = part(outcome.bytes, "xl/worksheets/sheet1.xml");
    // The SAMKALK formula itself is computed …
    expect(sheet).toMatch(/<c r="A1"[^>]*><f>SAMKALK\.[A-Z]+\(10\.5,9\)<\/f><v>1\.5<\/v>/);
    // … the language-dependent one is left exactly as Excel saved it.
    const b1 = /<c r="B1"[^>]*>.*?<\/c>/.exec(sheet)![0];
    expect(b1).toContain(`<v>${cached}</v>`);
    expect(outcome.warnings).toEqual([expect.stringMatching(new RegExp(`blad Avstämning, cell B1: .*${reason.source}.*Excels sparade värde behölls`))]);
    expect(outcome.fullCalcOnLoad).toBe(true);
    expect(part(outcome.bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("an exact VLOOKUP (…;FALSE) over a SAMKALK result is computed, not #NAME?", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Avstämning");
    ws.getCell("A1").value = "b";
    ws.getCell("A2").value = "a";
    ws.getCell("B1").value = { formula: "SAMKALK.AVTALSDIFF(10.5,9)" };
    ws.getCell("B2").value = 7;
    ws.getCell("C1").value = { formula: 'VLOOKUP("b",A1:B2,2,FALSE)*2' };
    ws.getCell("C2").value = { formula: "IF(TRUE,B1,0)" };
    const outcome = recalculateXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), "avstamning.xlsx");
    const sheet = part(outcome.bytes, "xl/worksheets/sheet1.xml");
    expect(outcome.warnings).toEqual([]);
    expect(sheet).toMatch(/<c r="C1"[^>]*><f>VLOOKUP\(&quot;b&quot;,A1:B2,2,FALSE\)\*2<\/f><v>3<\/v>/);
    expect(sheet).toMatch(/<c r="C2"[^>]*><f>IF\(TRUE,B1,0\)<\/f><v>1\.5<\/v>/);
  });

  it("formulas without such conventions are still computed (the rule is not a blanket)", async () => {
    const outcome = recalculateXlsx(await workbook({ formula: "A1*2", result: 0 } as ExcelJS.CellFormulaValue), "avstamning.xlsx");
    expect(part(outcome.bytes, "xl/worksheets/sheet1.xml")).toMatch(/<c r="B1"[^>]*><f>A1\*2<\/f><v>3<\/v>/);
    expect(outcome.warnings).toEqual([]);
  });

  it("languageDependent looks past string literals and quoted sheet names", () => {
    expect(languageDependent('"a&b"')).toBeUndefined();
    expect(languageDependent("'Text(1)'!A1+1")).toBeUndefined();
    expect(languageDependent("SUM(A1:A3)")).toBeUndefined();
    expect(languageDependent("_xlfn.TEXTJOIN(\",\",TRUE,A1:A3)")).toMatch(/^TEXTJOIN/);
    expect(languageDependent("A1&B1")).toMatch(/^&/);
    expect(languageDependent('IF(A1="1,5",1,0)')).toMatch(/decimalkomma/);
    expect(languageDependent('IF(A1="a,b",1,0)')).toBeUndefined();
    expect(languageDependent("'Blad \"1,5\"'!A1*2")).toBeUndefined();
  });
});
