import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { PENALTY_SHEET, PERIOD_SHEET, SUMMARY_SHEET, runInvoiceBasis, runPenaltyInvoices } from "../../src/app/invoice";
import { makeDate, toExcelSerial } from "../../src/core/dates";
import { CellInput } from "../../src/core/cells";
import { TABLES } from "../../src/model/tables";
import { checkAllWritten } from "./writtenTables";

type Blocks = Awaited<ReturnType<typeof runInvoiceBasis>>["blocks"];
const rowsOf = async (wb: EmbeddedWorkbook, blocks: Blocks, sheet: string, title: string) => {
  const block = blocks.find((b) => b.sheet === sheet && b.block.title === title)!.block;
  return (await wb.readRange(sheet, `A${block.top + 2}:G${block.top + block.height}`)).values.map((r) => r.slice(0, block.width));
};

/** The demo with rows added to one of its model tables. */
async function demoWith(table: string, extra: CellInput[][]): Promise<EmbeddedWorkbook> {
  const wb = await buildDemoWorkbook();
  const [t] = await wb.readTables([table]);
  await wb.writeTables([{ name: table, sheet: t!.sheet, headers: t!.headers, rows: [...t!.rows, ...extra] as never }]);
  return wb;
}

/** Whatever the run answers, the workbook is as it was. */
async function unchangedBy<T>(wb: EmbeddedWorkbook, run: () => Promise<T>): Promise<T> {
  const before = JSON.stringify(wb.snapshot());
  const result = await run();
  expect(JSON.stringify(wb.snapshot())).toBe(before);
  return result;
}

describe("the invoice basis for a period of the demo's 2027", () => {
  it("invoices Q1's quarter of the fee by the key in force then, and a quarter of each member's own costs", async () => {
    const wb = await buildDemoWorkbook();
    const run = await runInvoiceBasis(wb, 2027, "Q1", "sheets");
    expect(run.errors).toEqual([]);
    expect(await checkAllWritten(wb, run.blocks)).toEqual([]);
    // 5 013 300 / 4 = 1 253 325 by 2026's 400 : 240 : 640 : 120; the 3 kronor left go to the
    // remainders ,857 (Ask, then Dal by weight) and ,714 (Björkby). Own costs: Ask (48 000 + 285 000) / 4.
    const summary = await rowsOf(wb, run.blocks, SUMMARY_SHEET, "Fakturaunderlag");
    expect(summary.map((r) => r.slice(0, 3))).toEqual([
      ["Ask", 358_093, 83_250],
      ["Björkby", 214_856, 5_250],
      ["Ceder", 572_948, 16_125],
      ["Dal", 107_428, 2_250],
      ["Summa", 1_253_325, 106_875],
    ]);
    // Cost in = cost out for every component.
    expect((await rowsOf(wb, run.blocks, SUMMARY_SHEET, "Kontroll")).map((r) => [r[0], r[3]])).toEqual([
      ["Medlemsbidrag", 0], ["Medlemsspecifika kostnader", 0], ["Tjänster", 0], ["Garanterad volym", 0],
    ]);
  });

  it("plans half-years as H1 and H2, each half of the fee, every member's halves summing to its year", async () => {
    const wb = await buildDemoWorkbook();
    const run = await runInvoiceBasis(wb, 2027, "H1", "blocks");
    expect(run.errors).toEqual([]);
    expect(await checkAllWritten(wb, run.blocks)).toEqual([]);
    expect((await wb.readRange(PERIOD_SHEET, "A4:D4")).values[0]).toEqual(["Medlem", "H1", "H2", "År"]);
    const plan = await rowsOf(wb, run.blocks, PERIOD_SHEET, "Periodplan");
    expect(plan[plan.length - 1]).toEqual(["Summa", 2_506_650, 2_506_650, 5_013_300]);
  });

  it("replaces the last run's sheets in a workbook invoiced before every sheet write was remembered", async () => {
    const first = await buildDemoWorkbook();
    const q1 = await runInvoiceBasis(first, 2027, "Q1", "sheets");
    const snapshot = first.snapshot();
    const { writtenSheets, ...older } = snapshot.settings;
    expect(writtenSheets).toBeDefined();
    const wb = EmbeddedWorkbook.fromSnapshot({ ...snapshot, settings: older });
    const q2 = await runInvoiceBasis(wb, 2027, "Q2", "blocks");
    expect(q2.errors).toEqual([]);
    const names = (await wb.sheetNames()).map((n) => n.toLowerCase());
    // The member sheets of Q1 are gone with the change of layout; the user's own sheets stay.
    expect(q1.sheets.filter((s) => !q2.sheets.includes(s)).some((s) => names.includes(s.toLowerCase()))).toBe(false);
    expect(await checkAllWritten(wb, q2.blocks)).toEqual([]);
  });

  it("refuses a period that does not exist before reading anything", async () => {
    const wb = await buildDemoWorkbook();
    await unchangedBy(wb, () => expect(runInvoiceBasis(wb, 2027, "Q5", "sheets")).rejects.toThrow("perioden 'Q5' finns inte; skriv Q1–Q4 eller H1–H2, gärna med år: 2027 Q1"));
  });
});

describe("an invoice run refuses what the key cannot invoice, naming table, row and column, and writes nothing", () => {
  const day = (y: number, m: number, d: number) => toExcelSerial(makeDate(y, m, d));

  it("call-offs by someone outside the key or for a service without a price on the day", async () => {
    // Avrop has six rows (table rows 2–7): these are rows 8, 9 and 10.
    const wb = await demoWith(TABLES.callOffs, [["Eke", "Supporttimme", 1, day(2027, 2, 1)], ["Ask", "Skrivare", 1, day(2027, 2, 1)], ["Dal", "Datorpaket", 1, day(2025, 6, 1)]]);
    const run = await unchangedBy(wb, () => runInvoiceBasis(wb, 2027, "Q1", "sheets"));
    expect([run.basis, run.sheets]).toEqual([null, []]);
    expect(run.errors).toEqual([
      { file: "blad Tjänster, tabell Avrop", row: 8, column: "Medlem", message: "'Eke' är ingen medlem i nyckeln" },
      { file: "blad Tjänster, tabell Avrop", row: 9, column: "Tjänst", message: "tjänsten 'Skrivare' finns inte i prislistan" },
      { file: "blad Tjänster, tabell Avrop", row: 10, column: "Datum", message: "tjänsten 'Datorpaket' har inget pris som gäller 2025-06-01" },
    ]);
  });

  it("a member of Medlemmar the key does not have", async () => {
    const wb = await demoWith(TABLES.members, [["Eke", 900, null]]);
    const run = await unchangedBy(wb, () => runInvoiceBasis(wb, 2027, "Q1", "sheets"));
    expect(run.errors).toEqual([{ file: "blad Modell, tabell Medlemmar", row: 6, column: "Medlem", message: "medlemmen 'Eke' finns inte i nyckeln; nyckeln ska täcka varje medlem" }]);
  });

  it("a model table with a bad row, for the fee invoices and the penalties alike", async () => {
    const wb = await demoWith(TABLES.penalties, [["Dal", "", "2027 Q1", "SLA", 100, null]]);
    const expected = [{ file: "blad Tjänster, tabell Viten", row: 5, column: "Leverantör", message: "värde saknas: vitet faktureras leverantören" }];
    expect((await unchangedBy(wb, () => runInvoiceBasis(wb, 2027, "Q1", "sheets"))).errors).toEqual(expected);
    const penalties = await unchangedBy(wb, () => runPenaltyInvoices(wb, 2027, "Q1"));
    expect([penalties.errors, penalties.invoices, penalties.blocks]).toEqual([expected, [], []]);
  });
});

describe("the penalty invoices", () => {
  it("say so when the period has none", async () => {
    const wb = await buildDemoWorkbook();
    const run = await runPenaltyInvoices(wb, 2027, "Q2");
    expect([run.invoices, run.blocks]).toEqual([[], []]);
    expect((await wb.readRange(PENALTY_SHEET, "A1:A2")).values.map((r) => r[0])).toEqual([
      "Viten 2027 Q2: underlag för medlemmarnas fakturor till leverantören (moms utgår inte på vite)",
      "Inga viten för perioden.",
    ]);
  });
});
