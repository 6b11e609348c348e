import fc from "fast-check";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { FEE_SHEET, refreshFeeTables } from "../../src/app/fee";
import { readSettings, saveSettings } from "../../src/app/model";
import { Amount } from "../../src/core/money";

/**
 * The fee sheet's live formulas and the pane compute the same fee: for random budgets and
 * uplifts, negative ones included, the sheet's Medlemsbidrag is exactly the core's.
 */
describe("the fee sheet agrees with the pane", () => {
  it("on random budgets and uplifts", async () => {
    const wb = await buildDemoWorkbook();
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: 4, maxLength: 4 }),
      fc.integer({ min: -999, max: 999 }),
      async (sums, basisPoints) => {
        sums.forEach((v, i) => wb.setCellFromUser("Budget", `F${i + 2}`, String(v)));
        const settings = await readSettings(wb);
        await saveSettings(wb, { ...settings, upliftRate: new Amount(basisPoints).dividedBy(10_000) });
        const { computation } = await refreshFeeTables(wb);
        const sheetFee = (await wb.readRange(FEE_SHEET, "B6")).values[0][0];
        expect(sheetFee).toBe(computation.fee.fee.toNumber());
      },
      // 1 kr at −50 %: the uplift is exactly −0,50 kr, where round(total × (1 + rate)) would give 1 kr.
    ), { numRuns: 40, examples: [[[1, 0, 0, 0], -5000]] });
  });

  it("refuses an amount typed as text in the Budget table, naming the cell, rather than let the sheet's SUMMA skip it", async () => {
    const wb = await buildDemoWorkbook();
    wb.setCellFromUser("Budget", "F3", "'1 205 tkr");
    await expect(refreshFeeTables(wb)).rejects.toThrow(/1 205 tkr.*skrivet som text/);
  });
});
