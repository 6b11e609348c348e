import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readSourceFile } from "../../src/io/sourceTable";
import { guessMapping } from "../../src/model/fields";
import { CONTRACTS, importContracts } from "../../src/model/contracts";
import { OUTCOMES, importOutcomes } from "../../src/model/outcomes";
import { undoImport, writeImport } from "../../src/app/importTable";
import { RECONCILIATION_SHEET, runReconciliation } from "../../src/app/reconcile";
import { TABLES } from "../../src/model/tables";
import { checkSelection } from "../../src/app/tableCheck";
import { checkAllWritten } from "../app/writtenTables";
import { parseDate } from "../../src/core/dates";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", name)));

async function importFile(wb: EmbeddedWorkbook, name: string) {
  const source = await readSourceFile(fixture(name), name);
  if (name.startsWith("avtal")) {
    const result = importContracts(source, guessMapping(source.headers, CONTRACTS.fields));
    return { result, undo: result.errors.length === 0 ? await writeImport(wb, "contracts", result.records) : null };
  }
  const result = importOutcomes(source, guessMapping(source.headers, OUTCOMES.fields));
  return { result, undo: result.errors.length === 0 ? await writeImport(wb, "outcomes", result.records) : null };
}

describe("import, reconcile and refresh on the embedded workbook", () => {
  let wb: EmbeddedWorkbook;
  beforeEach(async () => {
    wb = new EmbeddedWorkbook(["Start"]);
    await wb.writeTables([
      { name: TABLES.members, sheet: "Modell", headers: ["Medlem", "Invånare"], rows: [["Ask", 12345], ["Björkby", 6789], ["Ceder", 25010], ["Dal", 3001]] },
    ]);
  });

  it("imports Swedish Excel CSVs (Windows-1252 and UTF-8 BOM) and reconciles with flags and totals", async () => {
    const contracts = await importFile(wb, "avtal.csv");
    expect(contracts.result.errors).toEqual([]);
    const outcomes = await importFile(wb, "utfall.csv");
    expect(outcomes.result.errors).toEqual([]);

    const report = await runReconciliation(wb, parseDate("2026-11-23"), 12);
    expect(report.errors).toEqual([]);
    const sheet = await wb.readRange(RECONCILIATION_SHEET, "A1:H12");
    const rows = sheet.values.filter((r) => r[0] !== null);
    expect(rows).toEqual([
      ["Kommun/Medlem", "Leverantör/System", "Avtalat", "Indexerat avtalat", "Fakturerat", "Diff", "Per invånare", "Flagga"],
      ["Ask", "Visma", 100000, 100000, 112500, -12500, 9.11, "Differens"],
      ["Ask", "Tieto", 50000, 50000, 50000, 0, 4.05, "OK"],
      ["Summa Ask", null, 150000, 150000, 162500, -12500, 13.16, null],
      ["Björkby", "Visma", 40000, 40000, null, 40000, "saknas", "Avtal utan fakturering"],
      ["Björkby", "Atea", null, null, 7300, -7300, 1.08, "Fakturerat utan avtal"],
      ["Summa Björkby", null, 40000, 40000, 7300, 32700, 1.08, null],
      ["Ceder", "SaaS-bolaget", 12500.5, 12500.5, 12500.5, 0, 0.5, "OK"],
      ["Summa Ceder", null, 12500.5, 12500.5, 12500.5, 0, 0.5, null],
      ["Dal", "Okänd AB", null, null, 1000, -1000, 0.33, "Fakturerat utan avtal"],
      ["Summa Dal", null, 0, 0, 1000, -1000, 0.33, null],
      ["Summa alla medlemmar", null, 202500.5, 202500.5, 183300.5, 19200, null, null],
    ]);
    // The product's own check finds nothing in what it wrote, totals and Diff rule included.
    expect(await checkAllWritten(wb, report.blocks.map((block) => ({ sheet: RECONCILIATION_SHEET, block })))).toEqual([]);
    // "KPI" without a base month is kept as written and reported, not silently indexed.
    expect(report.warnings).toEqual(["blad Avtal, tabell Avtal, rad 2: Visma/Ask har indexserien KPI men ingen basmånad, så avtalat belopp jämförs oindexerat"]);
    expect(report.result.flagCounts).toEqual({ ok: 2, difference: 1, "invoiced-without-contract": 2, "contract-without-invoice": 1, "no-amounts": 0 });
    // Visma/Ask first ended 2024-04-30 and renews yearly: three renewals by 2026-11-23.
    expect(report.deadlines.renewed.find((d) => d.supplier === "Visma" && d.member === "Ask")).toMatchObject({ renewals: 3, periodEnd: "2027-04-30" });
    // Deadlines that have passed for the running period point at the next one.
    expect(report.deadlines.upcoming.map((d) => [d.supplier, d.member, d.date])).toEqual([
      ["Visma", "Björkby", "2027-06-30"],
      ["SaaS-bolaget", "Ceder", "2027-09-30"],
      ["Visma", "Ask", "2027-10-31"],
    ]);
  });

  it("rejects a file with a broken row, names row and column, and leaves the workbook as it was", async () => {
    await importFile(wb, "avtal.csv");
    const before = JSON.stringify(wb.snapshot());
    const { result, undo } = await importFile(wb, "avtal-trasig.csv");
    expect(undo).toBeNull();
    expect(result.errors).toEqual([{ file: "avtal-trasig.csv", row: 3, column: "Avtalat", message: "texten 'femtio tusen' är inget tal" }]);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("undoes an import, restoring the previous table or removing a new one", async () => {
    const first = await importFile(wb, "avtal.csv");
    await undoImport(wb, first.undo!);
    expect(await wb.readTables([TABLES.contracts])).toEqual([null]);
    await importFile(wb, "avtal.csv");
    const [before] = await wb.readTables([TABLES.contracts]);
    const second = await importFile(wb, "avtal.csv");
    await wb.writeTables([{ name: TABLES.contracts, sheet: "Avtal", headers: ["Leverantör/System", "Kommun/Medlem", "Avtalat"], rows: [["x", "y", 1]] }]);
    await undoImport(wb, second.undo!);
    expect((await wb.readTables([TABLES.contracts]))[0]!.rows).toEqual(before!.rows);
  });

  it("checks the selected table and marks the cells of each finding", async () => {
    await wb.writeSheets([{ sheet: "Budget", cells: [["Kategori", "Drift"], ["Servrar", 100], ["Nät", 10], ["Summa", 111]] }]);
    await wb.selectRange("Budget", "A1:B4");
    const findings = await checkSelection(wb, []);
    expect(findings.map((f) => [f.address, f.expected?.toNumber(), f.actual?.toNumber()])).toEqual([["B4", 110, 111]]);
    expect(wb.cellDisplay("Budget", 3, 1).fill).toBe("#F4B6B6");
  });
});
