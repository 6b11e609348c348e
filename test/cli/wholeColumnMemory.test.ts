import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * Whole-column and whole-row references (B:B, A:XFD, 1:1048576) cost the used range, not the
 * sheet: a 7 KB workbook of them is recalculated by the compiled worker (bin/samkalk.js's code,
 * built by `npm test`'s pretest) in well under 300 MB of peak memory. Before, 1:1048576 gave the
 * engine a million rows and the same file took 4 GB.
 */
const dir = mkdtempSync(join(tmpdir(), "samkalk-whole-"));

async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  data.addRow(["Namn", "Vikt"]);
  for (let r = 2; r <= 11; r++) data.addRow([`M${r}`, r]);
  const calc = wb.addWorksheet("Beräkning");
  const formulas = ["SAMKALK.FORDELA(1000,Data!B2:B11)", "SUM(Data!1:1048576)", "SUM(Data!A:XFD)", "SUM(Data!$B:$B)", 'SUMIF(Data!A:A,"M3",Data!B:B)', "SUM(Data!$2:$11)", "COUNTA(Data!A:B)"];
  formulas.forEach((formula, i) => (calc.getCell(1, 2 + i).value = { formula } as ExcelJS.CellFormulaValue));
  await wb.xlsx.writeFile(path);
}

describe("whole-column and whole-row references", () => {
  it("a 7 KB workbook recalculates in the worker under 300 MB, with the sums of the used range", async () => {
    const input = join(dir, "hela-kolumner.xlsx");
    const output = join(dir, "ut.xlsx");
    await workbook(input);
    expect(statSync(input).size).toBeLessThan(10_000);
    // The worker runs in this child process: its peak resident memory includes the worker's.
    const script = `
      const { isolated } = require("./lib/cli/isolated.js");
      const bytes = new Uint8Array(require("fs").readFileSync(${JSON.stringify(input)}));
      isolated("recalc", [bytes, "hela-kolumner.xlsx", { valuesOnly: true }], { file: "hela-kolumner.xlsx", what: "omräkningen", seconds: 120 })
        .then((o) => { require("fs").writeFileSync(${JSON.stringify(output)}, o.bytes); console.log(JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024, warnings: o.warnings })); });`;
    const result = spawnSync("node", ["-e", script], { encoding: "utf-8" });
    expect(result.stderr).toBe("");
    const { rssMb, warnings } = JSON.parse(result.stdout);
    expect(warnings).toEqual([]);
    expect(rssMb).toBeLessThan(300);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as never);
    const calc = wb.getWorksheet("Beräkning")!;
    // --values-only: the native formulas (no cached values) are computed too; FORDELA becomes its values.
    expect(calc.getCell("B1").value).toBe(31);
    const result1 = (cell: string) => (calc.getCell(cell).value as ExcelJS.CellFormulaValue).result;
    expect(["C1", "D1", "E1", "F1", "G1", "H1"].map(result1)).toEqual([65, 65, 65, 3, 65, 22]);
  });
});
