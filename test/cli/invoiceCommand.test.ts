import { tableHeaders } from "../../src/model/fields";
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { Amount } from "../../src/core/money";
import { captureIO } from "./captureIO";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { writeWorkbookFile } from "../../src/io/xlsxWorkbook";
import { TABLES } from "../../src/model/tables";
import { CALL_OFFS } from "../../src/model/catalogue";

async function rowsOf(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("samkalk invoice", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-invoice-"));
  const model = join(dir, "modell.xlsx");

  beforeAll(async () => {
    const wb = await buildDemoWorkbook();
    writeFileSync(model, await writeWorkbookFile(wb.snapshot()));
  });

  it("writes one basis per member and a summary whose components add up", async () => {
    const out = join(dir, "q1");
    const { out: text, io } = captureIO();
    expect(await run(["invoice", model, "--year", "2027", "--period", "Q1", "-o", out], io)).toBe(0);
    expect(text.stdout).toContain("Skrev 6 filer");
    const summa = text.stdout.split("\n").find((l) => l.startsWith("Summa"))!.replace(/[\u00a0\u202f]/g, " ");
    expect(summa.trim().split(/\s{2,}/)).toEqual(["Summa", "1 253 325", "1 253 325", "1 253 325", "1 253 325", "5 013 300"]);
    expect(readdirSync(out).sort()).toEqual(["Ask", "Björkby", "Ceder", "Dal", "Sammanställning", "Periodplan"].map((m) => `Fakturaunderlag 2027-Q1 ${m}.xlsx`).sort());

    const ask = await rowsOf(join(out, "Fakturaunderlag 2027-Q1 Ask.xlsx"));
    expect(ask.slice(2).map((r) => [r[0], r[1]])).toEqual([
      ["Andel av medlemsbidraget, 2027 Q1", "Medlemsbidrag"],
      ["Stadsnät, 2027 Q1", "Medlemsspecifika kostnader"],
      ["Systemägare ekonomisystem, 2027 Q1", "Medlemsspecifika kostnader"],
      ["Supporttimme: 12,5 tim × 850,00\u00a0kr", "Tjänster"],
      ["Summa", ""],
    ]);
    expect(ask.slice(3, 6).map((r) => r[3])).toEqual([12_000, 71_250, 10_625]);
    expect(ask.some((r) => String(r[0]).startsWith("Vite"))).toBe(false); // penalties go to the supplier, not on the fee invoice
    const lines = ask.slice(2, -1).reduce((s, r) => s + (r[3] as number), 0);
    expect(ask[ask.length - 1][3]).toBe(lines);
    // The members' fee parts make the organisation's quarter exactly (controlled rounding).
    let quarter = 0;
    for (const m of ["Ask", "Björkby", "Ceder", "Dal"]) quarter += (await rowsOf(join(out, `Fakturaunderlag 2027-Q1 ${m}.xlsx`)))[2][3] as number;
    expect(quarter).toBe(1_253_325);
    // The pool ordered 190 of 250: 60 × 400 = 24 000, by own gap (Ask ordered more than its share and pays nothing).
    const ceder = await rowsOf(join(out, "Fakturaunderlag 2027-Q1 Ceder.xlsx"));
    expect(ceder.find((r) => r[1] === "Garanterad volym")).toEqual(["Datorpaket: underskott 60 av garanterade 250 för alla medlemmar (egen andel 114, beställt 30)", "Garanterad volym", "Datorleverantören AB, avtalsår till 2027-03-31", 18_666.67]);

    const summary = await rowsOf(join(out, "Fakturaunderlag 2027-Q1 Sammanställning.xlsx"));
    const members = summary.slice(2, 6); // title, header (blank rows are not listed)
    const total = summary[6];
    expect(total[0]).toBe("Summa");
    // Exact sums: the amounts have öre, so the test adds them as decimals, not floats.
    for (let c = 1; c <= 5; c++) expect(new Amount(String(total[c])).equals(members.reduce((s, r) => s.plus(String(r[c] ?? 0)), new Amount(0)))).toBe(true);
    // Each member file's total equals its summary row.
    for (const row of members) {
      const file = await rowsOf(join(out, `Fakturaunderlag 2027-Q1 ${row[0]}.xlsx`));
      expect(file[file.length - 1][3]).toBe(row[5]);
    }
  });

  it("writes Swedish CSV on request", async () => {
    const out = join(dir, "csv");
    const { io } = captureIO();
    expect(await run(["invoice", model, "--year", "2027", "--period", "H1", "-o", out, "--format", "csv"], io)).toBe(0);
    const csv = readFileSync(join(out, "Fakturaunderlag 2027-H1 Dal.csv"), "utf-8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Supporttimme: 3 tim × 850,00\u00a0kr;Tjänster;avrop 2027-03-05;2550");
  });

  it("exits 2 naming sheet, table, row and column when the model does not hold together", async () => {
    const wb = await buildDemoWorkbook();
    await wb.writeTables([{ name: TABLES.callOffs, sheet: "Tjänster", headers: tableHeaders(CALL_OFFS), rows: [["Ask", "Supporttimme", 1, 46419], ["Eken", "Supporttimme", 1, 46419], ["Dal", "Fönsterputs", 2, 46419]] }]);
    const bad = join(dir, "trasig.xlsx");
    writeFileSync(bad, await writeWorkbookFile(wb.snapshot()));
    const out = join(dir, "inget");
    const { out: text, io } = captureIO();
    expect(await run(["invoice", bad, "--year", "2027", "--period", "Q1", "-o", out], io)).toBe(2);
    expect(text.stderr).toContain("fil trasig.xlsx, blad Tjänster, tabell Avrop, rad 3, kolumn Medlem: 'Eken' är ingen medlem i nyckeln");
    expect(text.stderr).toContain("fil trasig.xlsx, blad Tjänster, tabell Avrop, rad 4, kolumn Tjänst: tjänsten 'Fönsterputs' finns inte i prislistan");
    expect(() => readdirSync(out)).toThrow();
  });
});
