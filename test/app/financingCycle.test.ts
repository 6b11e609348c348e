import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { FEE_SHEET, refreshFeeTables } from "../../src/app/fee";
import { INVOICE_SHEETS_SETTING, PENALTY_SHEET, PERIOD_SHEET, SUMMARY_SHEET, invoiceSettings, memberSheetNames, modelYearErrors, runInvoiceBasis, runPenaltyInvoices } from "../../src/app/invoice";
import { FOLLOW_UP_SHEET, SETTLEMENT_SHEET, runYearEnd } from "../../src/app/settle";
import { checkAllWritten, checkWritten } from "./writtenTables";

/** The demo workbook is DOMAIN.md §3's worked example with two key versions and cost lines. */
describe("the financing cycle through the use cases, on the demo workbook", () => {
  let wb: EmbeddedWorkbook;
  beforeEach(async () => {
    wb = await buildDemoWorkbook();
  });

  it("writes the fee sheet from the budget with live formulas, exactly the worked example, twice without duplicates", async () => {
    const { computation, blocks } = await refreshFeeTables(wb);
    expect(computation.fee.fee.toNumber()).toBe(5_013_300);
    const top = await wb.readRange(FEE_SHEET, "A3:C8");
    expect(top.values.map((r) => r[1])).toEqual([4_915_000, 0.02, 98_300, 5_013_300, 4_900_000, -113_300]);
    expect(top.values[5][2]).toBe("Bidraget höjs");
    expect(top.formulas[0][1]).toBe("=SUM(Budget!F2:F5)");
    expect(top.formulas[3][1]).toBe("=SAMKALK.UPLIFT(B3,B4)");

    const feeTable = blocks.find((b) => b.title === "Medlemsbidrag per medlem")!;
    const fees = await wb.readRange(FEE_SHEET, `A${feeTable.top + 2}:E${feeTable.top + 6}`);
    expect(fees.values.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ["Ask", 1_454_673, 333_000, 1_787_673],
      ["Björkby", 816_036, 21_000, 837_036],
      ["Ceder", 2_323_929, 64_500, 2_388_429],
      ["Dal", 418_662, 9_000, 427_662],
      ["Summa", 5_013_300, 427_500, 5_440_800],
    ]);
    // Every table on the sheet passes the product's own check.
    expect(await checkAllWritten(wb, blocks.map((block) => ({ sheet: FEE_SHEET, block })))).toEqual([]);
    // The cost lines are listed one by one, with FTE × rate from Medlemskostnader.
    const ask = blocks.find((b) => b.title === "Medlemsbidrag Ask")!;
    const askBlock = await wb.readRange(FEE_SHEET, `A${ask.top + 1}:B${ask.top + ask.height}`);
    expect(askBlock.values).toEqual([["Medlemsbidrag Ask", "Belopp"], ["Andel av medlemsbidraget", 1_454_673], ["Stadsnät", 48_000], ["Systemägare ekonomisystem", 285_000], ["Totalt", 1_787_673]]);

    const once = JSON.stringify(wb.snapshot().sheets.find((s) => s.name === FEE_SHEET));
    await refreshFeeTables(wb);
    expect(JSON.stringify(wb.snapshot().sheets.find((s) => s.name === FEE_SHEET))).toBe(once);
  });

  it("stays live: a budget line changed in the workbook flows through the fee to every member, still exact", async () => {
    const { blocks } = await refreshFeeTables(wb);
    wb.setCellFromUser("Budget", "F2", "2340100"); // Plattformar's Summa kategori, now ≠ its parts
    expect((await wb.readRange(FEE_SHEET, "B6")).values[0][0]).toBe(5_013_402); // 4 915 100 + 98 302
    const feeTable = blocks.find((b) => b.title === "Medlemsbidrag per medlem")!;
    expect(await checkWritten(wb, FEE_SHEET, feeTable)).toEqual([]);
    const sum = (await wb.readRange(FEE_SHEET, `C${feeTable.top + feeTable.height}`)).values[0][0];
    expect(sum).toBe(5_013_402);
  });

  it("shows the budget's findings next to the fee and never corrects them", async () => {
    wb.setCellFromUser("Budget", "F3", "1205001");
    const { computation } = await refreshFeeTables(wb);
    expect(computation.findings.map((f) => [f.row, f.column, f.difference?.toNumber()])).toEqual([["Nätverk", "Summa kategori", 1]]);
    expect(computation.fee.budgetTotal.toNumber()).toBe(4_915_001);
    const sheet = await wb.readRange(FEE_SHEET, "A12:A13");
    expect(sheet.values[0][0]).toMatch(/^Budgeten går inte ihop på 1 punkt/);
    expect(sheet.values[1][0]).toMatch(/Nätverk.*Summa kategori/);
  });

  it("refuses to invoice a period of another year than the model's, and writes nothing", async () => {
    const before = await wb.sheetNames();
    const run = await runInvoiceBasis(wb, 2026, "Q1", "sheets");
    expect(run.basis).toBeNull();
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatchObject({ column: "År" });
    expect(run.errors[0].message).toMatch(/modellen gäller 2027, men perioden är 2026 Q1/);
    expect(await wb.sheetNames()).toEqual(before);
  });

  it("reads a workbook that states no model year for the period's own year", () => {
    const period = { year: 2031, kind: "Q" as const, index: 1 };
    expect(invoiceSettings({ upliftRate: "0.03" }, period).year).toBe(2031);
    expect(invoiceSettings({ upliftRate: "0.03", year: "2029" }, period).year).toBe(2029);
    expect(modelYearErrors(invoiceSettings({}, period), period)).toEqual([]);
  });

  it("invoices Q2 by the new key with the true-up of Q1, exact both ways, and every sheet passes the table check", async () => {
    const run = await runInvoiceBasis(wb, 2027, "Q2", "sheets");
    expect(run.errors).toEqual([]);
    expect(run.schedule!.periods.map((p) => p.version.name)).toEqual(["Användare 2026", "Användare 2027", "Användare 2027", "Användare 2027"]);
    expect(await checkAllWritten(wb, run.blocks)).toEqual([]);
    const plan = run.blocks.find((b) => b.sheet === PERIOD_SHEET && b.block.title === "Periodplan")!.block;
    const total = await wb.readRange(PERIOD_SHEET, `A${plan.top + plan.height}:F${plan.top + plan.height}`);
    expect(total.values[0]).toEqual(["Summa", 1_253_325, 1_253_325, 1_253_325, 1_253_325, 5_013_300]);
    // Over the year each member pays its share by the 2027 key.
    const years = await wb.readRange(PERIOD_SHEET, `A${plan.top + 2}:F${plan.top + 5}`);
    expect(years.values.map((r) => [r[0], r[5]])).toEqual([["Ask", 1_454_673], ["Björkby", 816_036], ["Ceder", 2_323_929], ["Dal", 418_662]]);
    const fee = run.basis!.checks.find((c) => c.component === "medlemsbidrag")!;
    expect([fee.organisation.toNumber(), fee.difference.toNumber()]).toEqual([1_253_325, 0]);
    const askLines = run.basis!.members.find((m) => m.member === "Ask")!.lines.map((l) => l.text);
    expect(askLines).toContain("Justering av tidigare perioder 2027 till nyckel Användare 2027");
    expect(askLines).toEqual(expect.arrayContaining(["Stadsnät, 2027 Q2", "Systemägare ekonomisystem, 2027 Q2"]));
  });

  it("invoices the party Medlemmar names for a unit, with each unit's lines under its name, the checks unchanged", async () => {
    // Björkby's fee and costs are invoiced to Ask here, as a kommun is for its units.
    const [members] = await wb.readTables(["Medlemmar"]);
    await wb.writeTables([{ name: "Medlemmar", sheet: members!.sheet, headers: members!.headers, rows: members!.rows.map((r) => [r[0], r[1], r[0] === "Björkby" ? "Ask" : null] as never) }]);
    const units = await runInvoiceBasis(await buildDemoWorkbook(), 2027, "Q2", "sheets");
    const run = await runInvoiceBasis(wb, 2027, "Q2", "sheets");
    expect(run.errors).toEqual([]);
    expect(run.basis!.members.map((m) => m.member)).toEqual(["Ask", "Ceder", "Dal"]);
    const total = (name: string) => units.basis!.members.find((m) => m.member === name)!.total;
    expect(run.basis!.members[0].total.toString()).toBe(total("Ask").plus(total("Björkby")).toString());
    expect(run.basis!.members[0].lines.filter((l) => l.text.startsWith("Björkby: "))).toHaveLength(units.basis!.members.find((m) => m.member === "Björkby")!.lines.length);
    expect(run.basis!.checks.map((c) => c.difference.toNumber())).toEqual([0, 0, 0, 0]);
    expect(await checkAllWritten(wb, run.blocks)).toEqual([]);
  });

  it("replaces every sheet of an earlier run, whichever layout it had", async () => {
    const sheets = await runInvoiceBasis(wb, 2027, "Q1", "sheets");
    expect(sheets.sheets).toEqual([SUMMARY_SHEET, "Underlag Ask", "Underlag Björkby", "Underlag Ceder", "Underlag Dal", PERIOD_SHEET, "Garantiuppföljning"]);
    const blocks = await runInvoiceBasis(wb, 2027, "Q1", "blocks");
    expect(await checkAllWritten(wb, blocks.blocks)).toEqual([]);
    const names = await wb.sheetNames();
    expect(names.filter((n) => n.startsWith("Underlag"))).toEqual([]);
    expect(JSON.parse((await wb.getSettings())[INVOICE_SHEETS_SETTING])).toEqual([SUMMARY_SHEET, PERIOD_SHEET, "Garantiuppföljning"]);
    await runInvoiceBasis(wb, 2027, "Q1", "sheets");
    expect((await wb.sheetNames()).filter((n) => n.startsWith("Underlag"))).toHaveLength(4);
  });

  it("writes penalties as each member's invoice basis to the supplier, without VAT, and never on the fee invoices", async () => {
    const run = await runPenaltyInvoices(wb, 2027, "Q1");
    expect(run.invoices.map((i) => [i.member, i.supplier, i.total.toNumber(), i.lines.map((l) => l.clause)])).toEqual([
      ["Ceder", "Datorleverantören AB", 5000, ["SLA"]],
      ["Ask", "Datorleverantören AB", 4000, ["Försenad leverans", "Börkrav"]],
    ]);
    expect(await checkAllWritten(wb, run.blocks)).toEqual([]);
    const sheet = (await wb.readRange(PENALTY_SHEET, "A1:D12")).values.flat();
    expect(sheet).toContain("Från Ask till Datorleverantören AB, 2027 Q1");
    expect(sheet).toContain("Summa att fakturera (ingen moms)");
    const invoice = await runInvoiceBasis(wb, 2027, "Q1", "sheets");
    expect(invoice.basis!.members.flatMap((m) => m.lines.map((l) => l.text)).some((t) => /vite/i.test(t))).toBe(false);
  });

  it("gives members whose names clash after cleaning their own sheets", () => {
    expect(memberSheetNames(["A/B", "A:B", "a b", "Fakturaunderlag", "X".repeat(40), "X".repeat(41)])).toEqual([
      "Underlag A B", "Underlag A B (2)", "Underlag a b (3)", "Underlag Fakturaunderlag", `Underlag ${"X".repeat(22)}`, `Underlag ${"X".repeat(18)} (2)`,
    ]);
  });

  it("follows up the budget and settles the year: member lines at actual cost, the common surplus by the key", async () => {
    const y = await runYearEnd(wb);
    expect(await checkAllWritten(wb, y.blocks)).toEqual([]);
    expect(y.settlement.commonResult.toNumber()).toBe(5_013_300 - 4_917_550);
    expect(y.settlement.total.commonShare.toNumber()).toBe(95_750);
    const settlement = y.blocks.find((b) => b.sheet === SETTLEMENT_SHEET)!.block;
    const rows = await wb.readRange(SETTLEMENT_SHEET, `A${settlement.top + 2}:F${settlement.top + settlement.height}`);
    expect(rows.values.map((r) => [r[0], r[4]])).toEqual([["Ask", -3_200], ["Björkby", 1_200], ["Ceder", 0], ["Dal", 0], ["Summa", -2_000]]);
    const followUp = await wb.readRange(FOLLOW_UP_SHEET, "A1:E40");
    expect(followUp.values.flat()).toContain("Konsulter (ej budgeterat)");
  });
});
