import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readSourceFile } from "../src/io/sourceTable";
import { guessMapping } from "../src/model/fields";
import { CONTRACTS, importContracts } from "../src/model/contracts";
import { writeImport } from "../src/app/importTable";
import { EmbeddedWorkbook } from "../src/workbook/embeddedWorkbook";
import { OfficeWorkbook, textProtection } from "../src/workbook/officeWorkbook";
import { WorkbookPort } from "../src/workbook/port";
import { run } from "../src/cli/main";
import { nodeIO } from "../src/cli/io";
import { FakeExcel } from "./workbook/fakeExcel";

/** Imported text that starts with =, +, -, @, tab or CR is stored as text, never as a formula. */
const HOSTILE = ['=HYPERLINK("http://example.invalid";"klicka")', "+46701234567", "-cmd", "@SUM(1)", "\t=1+1", "\r=2+2"];

describe("formula injection", () => {
  it.each<[string, () => { wb: WorkbookPort; formulaAt: (sheet: string, row: number) => unknown }]>([
    ["embeddedWorkbook", () => {
      const wb = new EmbeddedWorkbook(["Blad1"]);
      return { wb, formulaAt: (sheet, row) => wb.cellFormula(sheet, row, 0) ?? undefined };
    }],
    ["officeWorkbook", () => {
      const fake = new FakeExcel(["Blad1"]);
      return { wb: new OfficeWorkbook(fake.host()), formulaAt: (sheet, row) => fake.cell(sheet, `A${row + 1}`)?.formula };
    }],
  ])("an imported CSV with formula-like text is stored as text in %s", async (_name, make) => {
    const { wb, formulaAt } = make();
    const source = await readSourceFile(new Uint8Array(readFileSync(join(__dirname, "fixtures", "bad", "contracts-injection.csv"))), "contracts-injection.csv");
    const { records, errors } = importContracts(source, guessMapping(source.headers, CONTRACTS.fields));
    expect(errors).toEqual([]);
    await writeImport(wb, "contracts", records);
    const [table] = await wb.readTables(["Avtal"]);
    expect(table!.rows.map((r) => r[0])).toEqual(['=HYPERLINK("http://example.invalid";"klicka")', "+46701234567", "-cmd"]);
    for (let row = 1; row <= 3; row++) expect(formulaAt("Avtal", row)).toBeUndefined();
  });

  /** The cells of an imported hostile CSV that Excel (the fake) turned into formulas. */
  async function formulasExcelMade(): Promise<string[]> {
    const fake = new FakeExcel(["Blad1"]);
    const source = await readSourceFile(new Uint8Array(readFileSync(join(__dirname, "fixtures", "bad", "contracts-injection.csv"))), "contracts-injection.csv");
    const { records } = importContracts(source, guessMapping(source.headers, CONTRACTS.fields));
    await writeImport(new OfficeWorkbook(fake.host()), "contracts", records);
    return [1, 2, 3].flatMap((row) => fake.cell("Avtal", `A${row + 1}`)?.formula ?? []);
  }

  it("is needed: the Excel fake turns the same text into formulas once the port's protection is cut down to '=' only", async () => {
    expect(await formulasExcelMade()).toEqual([]);
    const full = textProtection.needsApostrophe;
    textProtection.needsApostrophe = (text) => text.startsWith("=");
    try {
      expect(await formulasExcelMade()).toEqual(["=+46701234567", "=-cmd"]);
    } finally {
      textProtection.needsApostrophe = full;
    }
    expect(await formulasExcelMade()).toEqual([]);
  });

  it.each([false, true])("recalc keeps text cells as text (values only: %s)", async (valuesOnly) => {
    const dir = mkdtempSync(join(tmpdir(), "samkalk-injection-"));
    const input = join(dir, "in.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    HOSTILE.forEach((text, i) => (ws.getCell(i + 1, 1).value = text));
    ws.getCell(1, 2).value = { formula: "SAMKALK.FORDELA(10,{1;1})", result: 0 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(input);
    const output = join(dir, "out.xlsx");
    expect(await run(["recalc", input, "-o", output, ...(valuesOnly ? ["--values-only"] : [])], { ...nodeIO, stdout: () => undefined })).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(output);
    const sheet = back.getWorksheet("Blad1")!;
    // XML normalises a CR in text to LF; the cell is still the same text, not a formula.
    expect(HOSTILE.map((_, i) => sheet.getCell(i + 1, 1).value)).toEqual(HOSTILE.map((t) => t.replace(/\r/g, "\n")));
    expect(HOSTILE.map((_, i) => sheet.getCell(i + 1, 1).formula)).toEqual(HOSTILE.map(() => undefined));
  });
});
