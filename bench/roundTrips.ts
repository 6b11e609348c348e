import { FakeExcel } from "../test/workbook/fakeExcel";
import { OfficeWorkbook } from "../src/workbook/officeWorkbook";
import { writeImport } from "../src/app/importTable";
import { Amount } from "../src/core/money";

export interface RoundTrip {
  rows: number;
  requests: number;
  largestBytes: number;
  /** Requests Excel refused as too large (then sent again in smaller pieces). */
  refused: number;
  ms: number;
}

/**
 * An import of n contracts and the read back through the Office port, on the fake that enforces
 * Excel on the web's 5 MB per request and response: how many requests, the largest one, the time.
 */
export async function roundTrip(n: number): Promise<RoundTrip> {
  const fake = new FakeExcel(["Blad1"]);
  const wb = new OfficeWorkbook(fake.host());
  const contracts = Array.from({ length: n }, (_, i) => ({ supplier: `System ${i % 97}, drift och förvaltning`, member: `Kommun ${i % 300}`, agreed: new Amount(1000 + i), start: null, end: null, renewalMonths: 12, noticeMonths: 6, fixedNoticeText: "", optionCallByText: "", optionCount: null }));
  const started = performance.now();
  await writeImport(wb, "contracts", contracts);
  const [back] = await wb.readTables(["Avtal"]);
  const ms = performance.now() - started;
  if (back?.rows.length !== n) throw new Error(`read back ${back?.rows.length} rows of ${n}`);
  return { rows: n, requests: fake.syncs, largestBytes: Math.max(...fake.requests.filter((r) => !r.refused).map((r) => Math.max(r.request, r.response))), refused: fake.requests.filter((r) => r.refused).length, ms };
}

if (require.main === module) {
  void roundTrip(Number(process.argv[2])).then((r) => console.log(JSON.stringify(r)));
}
