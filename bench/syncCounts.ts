import { FakeExcel } from "../test/workbook/fakeExcel";
import { OfficeWorkbook } from "../src/workbook/officeWorkbook";
import { writeImport } from "../src/app/importTable";
import { runReconciliation } from "../src/app/reconcile";
import { refreshFeeTables } from "../src/app/fee";
import { BUDGET, KEY, TABLES, tableHeaders } from "../src/model/tables";
import { OUTCOMES } from "../src/model/outcomes";
import { Amount } from "../src/core/money";
import { parseDate } from "../src/core/dates";

/** context.sync() round trips of an import, a check and a refresh, for n rows, on the counting fake. */
async function countsFor(n: number): Promise<Record<string, number>> {
  const fake = new FakeExcel(["Blad1"]);
  const wb = new OfficeWorkbook(fake.host());
  const measure = async (run: () => Promise<unknown>) => {
    const before = fake.syncs;
    await run();
    return fake.syncs - before;
  };
  const contracts = Array.from({ length: n }, (_, i) => ({ supplier: `System ${i % 97}`, member: `Kommun ${i % 300}`, agreed: new Amount(1000 + i), start: null, end: null, renewalMonths: null, noticeMonths: null, fixedNoticeText: "", optionCallByText: "", optionCount: null }));
  const importSyncs = await measure(() => writeImport(wb, "contracts", contracts));
  await wb.writeTables([
    { name: TABLES.outcomes, sheet: "Utfall", headers: tableHeaders(OUTCOMES), rows: contracts.map((c) => [c.supplier, c.member, c.agreed.toNumber()]) },
    { name: TABLES.key, sheet: "Modell", headers: tableHeaders(KEY), rows: Array.from({ length: n }, (_, i) => ["Användare", "Användare", null, null, `Medlem ${i}`, i + 1]) },
    { name: TABLES.budget, sheet: "Budget", headers: tableHeaders(BUDGET), rows: Array.from({ length: n }, (_, i) => ["Drift", `Rad ${i}`, 1000, 0, 0, 1000]) },
  ]);
  const checkSyncs = await measure(() => runReconciliation(wb, parseDate("2026-11-23"), 6));
  const refreshSyncs = await measure(() => refreshFeeTables(wb));
  return { "Import av avtal": importSyncs, "Kontrollera mot avtal": checkSyncs, "Uppdatera tabeller": refreshSyncs };
}

export async function syncCounts(): Promise<{ operation: string; small: number; large: number }[]> {
  const small = await countsFor(10);
  const large = await countsFor(10_000);
  return Object.keys(small).map((operation) => ({ operation, small: small[operation], large: large[operation] }));
}
