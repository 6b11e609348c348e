import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runReading } from "./captureIO";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", name)));

const cli = (args: string[]) => runReading(args, (path) => fixture(path.replace(/^fixtures\//, "")));

describe("samkalk fee", () => {
  it("prints the worked example of DOMAIN.md §3 as JSON from a Swedish Excel CSV (Windows-1252, section totals)", async () => {
    const { code, stdout } = await cli(["fee", "--budget", "fixtures/budget-2027.csv", "--uplift", "2", "--last-fee", "4 900 000", "--key", "fixtures/nyckel-anvandare.csv", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      budgetTotal: 4_915_000, uplift: 98_300, fee: 5_013_300, lastFee: 4_900_000, change: -113_300,
      members: [
        { member: "Ask", weight: 410, amount: 1_454_673 },
        { member: "Björkby", weight: 230, amount: 816_036 },
        { member: "Ceder", weight: 655, amount: 2_323_929 },
        { member: "Dal", weight: 118, amount: 418_662 },
      ],
      findings: [],
    });
  });

  it("has null lastFee and change without --last-fee, no members without --key, and reads '2 %'", async () => {
    const { code, stdout } = await cli(["fee", "--budget", "fixtures/budget-2027.csv", "--uplift", "2 %", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect([json.fee, json.lastFee, json.change, json.members]).toEqual([5_013_300, null, null, []]);
  });

  it("exits 1 with the findings when the budget does not add up, and still prints the fee from the decided figures", async () => {
    const { code, stdout } = await cli(["fee", "--budget", "fixtures/budget-trasig.csv", "--uplift", "2", "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.budgetTotal).toBe(4_960_000);
    expect(json.findings.map((f: { kind: string; row: string; column: string; difference: number }) => [f.kind, f.row, f.column, f.difference])).toEqual([
      ["rule", "Nätverk", "Summa kategori", 45_000],
      ["total-row", "Summa Teknikplattformar", "Summa kategori", -45_000],
      ["total-row", "Summa årskostnad", "Summa kategori", -45_000],
    ]);
    expect(Object.keys(json.findings[0])).toEqual(["kind", "row", "column", "expected", "actual", "difference", "message"]);
  });

  it("writes Swedish text without --json, and exits 2 on bad input", async () => {
    const text = await cli(["fee", "--budget", "fixtures/budget-2027.csv", "--uplift", "2", "--last-fee", "4900000"]);
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/[\u00a0\u202f]/g, " ")).toMatch(/Medlemsbidrag\s+5 013 300 kr/);
    expect(text.stdout).toContain("Bidraget höjs med 113\u00a0300\u00a0kr mot föregående år.");
    expect((await cli(["fee", "--budget", "fixtures/budget-2027.csv"])).code).toBe(2);
    const bad = await cli(["fee", "--budget", "fixtures/budget-2027.csv", "--uplift", "mycket"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--uplift: 'mycket' är inget tal")]);
    const missing = await cli(["fee", "--budget", "fixtures/finns-inte.csv", "--uplift", "2"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("finns-inte.csv");
  });

  it("reads a binary float Excel stored (2386801.5999999996 for 2 386 801,6) as Excel shows it: no false finding, no 16 decimals", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Avsnitt", "Kategori", "Driftbudget", "Antal personer", "Personalkostnader", "Summa kategori"]);
    ws.addRow(["Drift", "Plattformar", 1200000.1, 2, 1186801.5, 2386801.5999999996]);
    ws.addRow(["Summa Drift", null, 1200000.1, 2, 1186801.5, 2386801.5999999996]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { code, stdout, stderr } = await runReading(["fee", "--budget", "budget.xlsx", "--uplift", "0", "--json"], () => bytes);
    expect([code, stderr]).toEqual([0, ""]);
    const json = JSON.parse(stdout);
    expect(json.budgetTotal).toBe(2386801.6);
    expect(json.findings).toEqual([]);
  });
});
