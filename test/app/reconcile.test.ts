import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { FLAG_FILLS, RECONCILIATION_SHEET, reconcileInput, runReconciliation } from "../../src/app/reconcile";
import { makeDate } from "../../src/core/dates";
import { toAmount } from "../../src/core/money";
import { TABLES } from "../../src/model/tables";
import { checkAllWritten } from "./writtenTables";

const AS_OF = makeDate(2027, 3, 31);

/**
 * The demo's register against its outcomes, 31 March 2027. Ask's 100 000 is indexed by KPI from
 * base 2023-10 (399,4) to the latest month by then, 2026-10 (421,9): 100 000 × 421,9 / 399,4 =
 * 105 633,45 → 105 633. Per invånare is invoiced / inhabitants to öre: 112 500 / 12 345 = 9,11.
 */
const EXPECTED = [
  ["Kommun/Medlem", "Leverantör/System", "Avtalat", "Indexerat avtalat", "Fakturerat", "Diff", "Per invånare", "Flagga"],
  ["Ask", "Ekonomisystem", 100_000, 105_633, 112_500, -6_867, 9.11, "Differens"],
  ["Summa Ask", null, 100_000, 105_633, 112_500, -6_867, 9.11, null],
  ["Björkby", "Ekonomisystem", 40_000, 40_000, null, 40_000, "saknas", "Avtal utan fakturering"],
  ["Summa Björkby", null, 40_000, 40_000, 0, 40_000, 0, null],
  ["Ceder", "E-tjänsteplattform", 65_000, 65_000, 65_000, 0, 2.6, "OK"],
  ["Ceder", "Skrivartjänst", null, null, 7_300, -7_300, 0.29, "Fakturerat utan avtal"],
  // 72 300 / 25 010 = 2,8908…: the total's own ratio, not 2,60 + 0,29.
  ["Summa Ceder", null, 65_000, 65_000, 72_300, -7_300, 2.89, null],
  ["Dal", "Växel", 12_500, 12_500, 12_500, 0, 4.17, "OK"],
  ["Summa Dal", null, 12_500, 12_500, 12_500, 0, 4.17, null],
  ["Summa alla medlemmar", null, 217_500, 223_133, 197_300, 25_833, null, null],
];

describe("Avtalskontroll on the demo workbook", () => {
  it("writes agreed (indexed) against invoiced per member with totals that pass the table check, and flags each row", async () => {
    const wb = await buildDemoWorkbook();
    const report = await runReconciliation(wb, AS_OF, 12);
    expect(report.errors).toEqual([]);
    expect((await wb.readRange(RECONCILIATION_SHEET, "A1:H11")).values).toEqual(EXPECTED);
    expect(await checkAllWritten(wb, report.blocks.map((block) => ({ sheet: RECONCILIATION_SHEET, block })))).toEqual([]);
    const fill = (row: number) => wb.cellDisplay(RECONCILIATION_SHEET, row, 7).fill;
    expect([fill(1), fill(3), fill(5), fill(6)]).toEqual(["Differens", "Avtal utan fakturering", "OK", "Fakturerat utan avtal"].map((t) => FLAG_FILLS.find((f) => f.text === t)!.fill));
    expect(wb.cellDisplay(RECONCILIATION_SHEET, 1, 6).numberFormat).toBe("#,##0.00");
  });

  it("is replaced whole by the next run", async () => {
    const wb = await buildDemoWorkbook();
    await runReconciliation(wb, AS_OF, 12);
    const [outcomes] = await wb.readTables([TABLES.outcomes]);
    await wb.writeTables([{ name: TABLES.outcomes, sheet: outcomes!.sheet, headers: outcomes!.headers, rows: [["Ekonomisystem", "Ask", 105_633]] }]);
    await runReconciliation(wb, AS_OF, 12);
    const sheet = (await wb.readRange(RECONCILIATION_SHEET, "A1:H12")).values;
    expect(sheet[1]).toEqual(["Ask", "Ekonomisystem", 100_000, 105_633, 105_633, 0, 8.56, "OK"]);
    // Four members with one row and a total each, under the header: the grand total is row 10, nothing stale under it.
    expect(sheet[9][0]).toBe("Summa alla medlemmar");
    expect(sheet.slice(10).every((r) => r.every((v) => v === null))).toBe(true);
  });

  it("refuses a contract indexed by a series the Index table lacks, naming its row, and writes nothing", async () => {
    const wb = await buildDemoWorkbook();
    const [contracts] = await wb.readTables([TABLES.contracts]);
    const rows = contracts!.rows.map((r, i) => (i === 1 ? [...r.slice(0, 11), "NPI", "2023-10"] : r));
    await wb.writeTables([{ name: TABLES.contracts, sheet: contracts!.sheet, headers: contracts!.headers, rows: rows as never }]);
    const before = JSON.stringify(wb.snapshot());
    const report = await runReconciliation(wb, AS_OF, 12);
    expect(report.errors).toEqual([{ file: "blad Avtal, tabell Avtal", row: 3, column: "Indexserie", message: "indexserien 'NPI' finns inte i tabellen Index" }]);
    expect(report.blocks).toEqual([]);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});

describe("reconciling from files", () => {
  it("compares an index clause's contract unindexed when the series has no base month, and says so", () => {
    const contract = { supplier: "Visma", member: "Ask", agreed: toAmount(100_000), start: null, end: null, renewalMonths: null, noticeMonths: null, fixedNoticeText: "", optionCallByText: "", optionCount: null, indexWithoutBase: "KPI" };
    const report = reconcileInput({ contracts: { records: [contract], rows: [2], source: "avtal.csv" }, outcomes: [{ member: "Ask", supplier: "Visma", invoiced: toAmount(100_000) }], members: [], indexSeries: new Map() }, AS_OF, 12);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual(["avtal.csv, rad 2: Visma/Ask har indexserien KPI men ingen basmånad, så avtalat belopp jämförs oindexerat"]);
    expect(report.result.members[0].rows.map((r) => [r.indexedAgreed?.toNumber(), r.diff.toNumber(), r.flag])).toEqual([[100_000, 0, "ok"]]);
  });
});
