import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { FOLLOW_UP_SHEET, SETTLEMENT_SHEET, runYearEnd } from "../../src/app/settle";
import { TABLES } from "../../src/model/tables";
import { checkAllWritten } from "./writtenTables";

/** Runs the year end, checks every table it wrote with the product's own check, and reads a table's rows under its header. */
async function yearEnd(wb: EmbeddedWorkbook) {
  const y = await runYearEnd(wb);
  expect(await checkAllWritten(wb, y.blocks)).toEqual([]);
  const rows = async (sheet: string, title: string) => {
    const block = y.blocks.find((b) => b.sheet === sheet && b.block.title === title)!.block;
    return (await wb.readRange(sheet, `A${block.top + 2}:F${block.top + block.height}`)).values.map((r) => r.slice(0, block.width));
  };
  return { rows };
}

/** The demo with one common line's outcome changed. */
async function demoWithOutcome(category: string, amount: number): Promise<EmbeddedWorkbook> {
  const wb = await buildDemoWorkbook();
  const [outcomes] = await wb.readTables([TABLES.costOutcomes]);
  await wb.writeTables([{ name: TABLES.costOutcomes, sheet: outcomes!.sheet, headers: outcomes!.headers, rows: outcomes!.rows.map((r) => (r[1] === category ? [...r.slice(0, 3), amount] : r)) as never }]);
  return wb;
}

/**
 * The demo's 2027: a fee of 5 013 300 kr for a common budget of 4 915 000, outcomes of 4 917 550
 * on the common lines (38 000 of them on Konsulter, which has no budget), and 429 500 on the
 * members' own lines budgeted at 427 500. Förbrukat is Utfall / Budget to six decimals.
 */
describe("Budgetuppföljning on the demo workbook", () => {
  it("follows up the common budget per section and line, an unbudgeted line on its own row", async () => {
    const { rows } = await yearEnd(await buildDemoWorkbook());
    expect(await rows(FOLLOW_UP_SHEET, "Gemensam budget")).toEqual([
      ["Teknikplattformar", null, null, null, null],
      ["Plattformar", 2_340_000, 2_296_400, 43_600, 0.981368],
      ["Nätverk", 1_205_000, 1_251_900, -46_900, 1.038921],
      ["Summa Teknikplattformar", 3_545_000, 3_548_300, -3_300, 1.000931],
      ["OH", null, null, null, null],
      ["Hyra", 420_000, 420_000, 0, 1],
      ["Ledning", 950_000, 911_250, 38_750, 0.959211],
      ["Konsulter (ej budgeterat)", 0, 38_000, -38_000, null],
      ["Summa OH", 1_370_000, 1_369_250, 750, 0.999453],
      ["Summa gemensam budget", 4_915_000, 4_917_550, -2_550, 1.000519],
    ]);
  });

  it("follows up each member's own lines, and the whole", async () => {
    const { rows } = await yearEnd(await buildDemoWorkbook());
    // Ask: Stadsnät 48 000 → 51 200, the system owner 0,5 × 570 000 = 285 000 as budgeted.
    expect((await rows(FOLLOW_UP_SHEET, "Medlemsspecifikt")).slice(0, 4)).toEqual([
      ["Ask", null, null, null, null],
      ["Stadsnät", 48_000, 51_200, -3_200, 1.066667],
      ["Systemägare ekonomisystem", 285_000, 285_000, 0, 1],
      ["Summa Ask", 333_000, 336_200, -3_200, 1.00961],
    ]);
    expect(await rows(FOLLOW_UP_SHEET, "Totalt")).toEqual([
      ["Gemensam budget", 4_915_000, 4_917_550, -2_550, 1.000519],
      ["Medlemsspecifikt", 427_500, 429_500, -2_000, 1.004678],
      ["Summa totalt", 5_342_500, 5_347_050, -4_550, 1.000852],
    ]);
  });
});

describe("Reglering on the demo workbook", () => {
  it("splits the common surplus by the decided key and settles each member's own lines at actual cost", async () => {
    const wb = await buildDemoWorkbook();
    const { rows } = await yearEnd(wb);
    // 5 013 300 − 4 917 550 = 95 750 by 410 : 230 : 655 : 118; the krona left over goes to Björkby's ,63.
    expect((await wb.readRange(SETTLEMENT_SHEET, "A3:B6")).values).toEqual([
      ["Medlemsbidrag (gemensam del)", 5_013_300],
      ["Utfall gemensam budget", 4_917_550],
      ["Överskott att fördela", 95_750],
      ["Fördelas efter nyckel", "Användare 2027 (Användare, räknat per 2027-03-15, gäller från 2027-04-01)"],
    ]);
    expect(await rows(SETTLEMENT_SHEET, "Reglering")).toEqual([
      ["Ask", 27_783, 333_000, 336_200, -3_200, 24_583],
      ["Björkby", 15_586, 21_000, 19_800, 1_200, 16_786],
      ["Ceder", 44_385, 64_500, 64_500, 0, 44_385],
      ["Dal", 7_996, 9_000, 9_000, 0, 7_996],
      ["Summa", 95_750, 427_500, 429_500, -2_000, 93_750],
    ]);
  });

  it("calls a common deficit a deficit, the members' shares summing to it exactly", async () => {
    // Ledning at 1 100 000 instead of 911 250: the common outcome is 5 106 300, 93 000 over the fee.
    const wb = await demoWithOutcome("Ledning", 1_100_000);
    const { rows } = await yearEnd(wb);
    expect((await wb.readRange(SETTLEMENT_SHEET, "A5:B5")).values[0]).toEqual(["Underskott att fördela", -93_000]);
    const settlement = await rows(SETTLEMENT_SHEET, "Reglering");
    expect(settlement[4].slice(0, 2)).toEqual(["Summa", -93_000]);
    expect(settlement.slice(0, 4).reduce((s, r) => s + (r[1] as number), 0)).toBe(-93_000);
  });

  it("refuses a year without outcomes, and writes nothing", async () => {
    const wb = await buildDemoWorkbook();
    await wb.deleteTable(TABLES.costOutcomes);
    const before = JSON.stringify(wb.snapshot());
    await expect(runYearEnd(wb)).rejects.toThrow("tabellen Kostnadsutfall saknas eller är tom: lägg in utfallet per kostnadsrad först");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});
