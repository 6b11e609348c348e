import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { nodeIO } from "../../src/cli/io";

async function makeXlsx(path: string, build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Fördelning"));
  await wb.xlsx.writeFile(path);
}

async function cells(path: string, sheet: string, addresses: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet)!;
  return addresses.map((a) => ws.getCell(a).value);
}

function captureIO() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { ...nodeIO, stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe("samkalk recalc", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-recalc-"));
  const input = join(dir, "budget.xlsx");

  beforeAll(async () => {
    await makeXlsx(input, (ws) => {
      ws.addRow(["Medlem", "Invånare", "Andel"]);
      ws.addRow(["Ask", 12345, { formula: "SAMKALK.FORDELA(100000,B2:B5,0.5)" }]);
      ws.addRow(["Björkby", 6789]);
      ws.addRow(["Ceder", 25010]);
      ws.addRow(["Dal", 3001]);
      ws.addRow(["Summa", { formula: "SUM(B2:B5)" }, { formula: "SUM(C2:C5)" }]);
      ws.addRow(["Diff", { formula: "_xldudf_SAMKALK_CONTRACTDIFF(100,90)" }]);
    });
  });

  it("writes every formula's result as its cached value and keeps the formulas", async () => {
    const before = readFileSync(input);
    const output = join(dir, "ut.xlsx");
    const { out, io } = captureIO();
    expect(await run(["recalc", input, "-o", output], io)).toBe(0);
    expect(out.stdout).toContain("Räknade om");
    const [c2, c5, c6, b7] = await cells(output, "Fördelning", ["C2", "C5", "C6", "B7"]);
    expect(c2).toMatchObject({ formula: "SAMKALK.ALLOCATE(100000,B2:B5,0.5)", result: 25593 });
    expect(c5).toBe(15683);
    expect(c6).toMatchObject({ formula: "SUM(C2:C5)", result: 100000 });
    expect(b7).toMatchObject({ result: 10 });
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("--values-only replaces SAMKALK formulas by values and keeps the others", async () => {
    const output = join(dir, "varden.xlsx");
    const { io } = captureIO();
    expect(await run(["recalc", input, "-o", output, "--values-only"], io)).toBe(0);
    const [c2, c3, c6] = await cells(output, "Fördelning", ["C2", "C3", "C6"]);
    expect([c2, c3]).toEqual([25593, 19700]);
    expect(c6).toMatchObject({ formula: "SUM(C2:C5)", result: 100000 });
  });

  it.each([
    ["an unknown function", "OKAND.FUNKTION(1)", "blad Fördelning, cell B1: okänd funktion eller namn i =OKAND.FUNKTION(1)"],
    ["a circular reference", "B1+1", "blad Fördelning, cell B1: cirkelreferens i =B1+1"],
  ])("names sheet and cell for %s, exits 2 and writes nothing", async (_case, formula, message) => {
    const bad = join(dir, `fel-${formula.length}.xlsx`);
    await makeXlsx(bad, (ws) => ws.addRow(["x", { formula }]));
    const output = join(dir, `ut-${formula.length}.xlsx`);
    const { out, io } = captureIO();
    expect(await run(["recalc", bad, "-o", output], io)).toBe(2);
    expect(out.stderr).toContain(message);
    expect(existsSync(output)).toBe(false);
  });

  it("refuses to overwrite its input and explains a file that is not xlsx", async () => {
    const { out, io } = captureIO();
    expect(await run(["recalc", input, "-o", input], io)).toBe(2);
    expect(out.stderr).toContain("infilen ändras aldrig");
    const notZip = join(dir, "inte.xlsx");
    writeFileSync(notZip, "Medlem;Vikt\n");
    expect(await run(["recalc", notZip, "-o", join(dir, "x.xlsx")], io)).toBe(2);
    expect(out.stderr).toContain("fil inte.xlsx: filen är ingen xlsx-fil (den är inte ett zip-arkiv)");
  });
});
