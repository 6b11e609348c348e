import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { FEE_SHEET, refreshFeeTables } from "../../src/app/fee";
import { DomainError } from "../../src/core/errors";
import { BUDGET, KEY, TABLES, tableHeaders } from "../../src/model/tables";
import { CellInput } from "../../src/core/cells";
import { CheckedBlock } from "../../src/app/sheetLayout";
import { checkAllWritten } from "./writtenTables";

/** A small model: a key of Ask 1 and Dal 4, the given budget, 2 % uplift for 2027. */
async function smallModel(budgetHeaders: string[], budget: CellInput[][]): Promise<EmbeddedWorkbook> {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeTables([
    { name: TABLES.key, sheet: "Modell", headers: ["Medlem", "Vikt"], rows: [["Ask", 1], ["Dal", 4]] },
    { name: TABLES.budget, sheet: "Budget", headers: budgetHeaders, rows: budget },
  ]);
  await wb.saveSettings({ upliftRate: "0.02", year: "2027" });
  return wb;
}

const column = async (wb: EmbeddedWorkbook, address: string, col = 1) => (await wb.readRange(FEE_SHEET, address)).values.map((r) => r[col]);
/** A written table's rows under its header, as the sheet shows them. */
const body = async (wb: EmbeddedWorkbook, block: CheckedBlock) => (await wb.readRange(FEE_SHEET, `A${block.top + 2}:G${block.top + block.height}`)).values.map((r) => r.slice(0, block.width));
const titled = (blocks: CheckedBlock[], title: string) => blocks.find((b) => b.title === title)!;

async function refusal(wb: EmbeddedWorkbook): Promise<DomainError> {
  const before = JSON.stringify(wb.snapshot());
  const error = await refreshFeeTables(wb).then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`refreshFeeTables did not refuse: ${String(error)}`);
  expect(JSON.stringify(wb.snapshot())).toBe(before);
  return error;
}

describe("the Medlemsbidrag sheet's Summa årskostnad", () => {
  it("sums the budget's lines only, leaving out a total row wherever it stands, and stays so when the total changes", async () => {
    const wb = await smallModel(tableHeaders(BUDGET), [
      ["Drift", "Servrar", 600_000, 0, 0, 600_000],
      ["Drift", "Nät", 400_000, 0, 0, 400_000],
      ["Drift", "Summa Drift", 1_000_000, 0, 0, 1_000_000],
      ["OH", "Hyra", 250_000, 0, 0, 250_000],
    ]);
    const { computation, blocks } = await refreshFeeTables(wb);
    // 600 000 + 400 000 + 250 000 = 1 250 000; 2 % is 25 000; split 1 : 4.
    expect(await column(wb, "A3:B6")).toEqual([1_250_000, 0.02, 25_000, 1_275_000]);
    expect(computation.fee.fee.toNumber()).toBe(1_275_000);
    expect((await body(wb, titled(blocks, "Medlemsbidrag per medlem"))).map((r) => [r[0], r[2]])).toEqual([["Ask", 255_000], ["Dal", 1_020_000], ["Summa", 1_275_000]]);
    wb.setCellFromUser("Budget", "F4", "9999999");
    expect(await column(wb, "A3:B3")).toEqual([1_250_000]);
  });

  it("is Driftbudget + Personalkostnader when the budget has no Summa kategori", async () => {
    const wb = await smallModel(["Avsnitt", "Kategori", "Driftbudget", "Personalkostnader"], [["Drift", "Servrar", 100_000, 50_000], ["Drift", "Nät", 30_000, 20_000]]);
    const { blocks } = await refreshFeeTables(wb);
    // 150 000 + 50 000, plus 2 % = 4 000.
    expect(await column(wb, "A3:B6")).toEqual([200_000, 0.02, 4_000, 204_000]);
    expect(await checkAllWritten(wb, blocks.map((block) => ({ sheet: FEE_SHEET, block })))).toEqual([]);
  });
});

describe("the fee sheet on the demo workbook", () => {
  it("shows the key change: weights by reference, shares to 0,01 % summing to 100 %, the change in points summing to 0", async () => {
    const wb = await buildDemoWorkbook();
    const { blocks } = await refreshFeeTables(wb);
    // 2026: 400, 240, 640, 120 of 1 400; 2027: 410, 230, 655, 118 of 1 413. Shares by largest remainder at 4 decimals.
    expect(await body(wb, titled(blocks, "Nyckel"))).toEqual([
      ["Ask", 400, 410, 0.2857, 0.2902, 10, 0.45],
      ["Björkby", 240, 230, 0.1714, 0.1628, -10, -0.86],
      ["Ceder", 640, 655, 0.4572, 0.4635, 15, 0.63],
      ["Dal", 120, 118, 0.0857, 0.0835, -2, -0.22],
      ["Summa", 1_400, 1_413, 1, 1, 13, 0],
    ]);
    // Ask's 2027 weight in the Nyckel table (Modell!I6) flows into the sheet, which still adds up.
    wb.setCellFromUser("Modell", "I6", "1410");
    expect((await body(wb, titled(blocks, "Nyckel")))[0].slice(0, 3)).toEqual(["Ask", 400, 1_410]);
    expect(await checkAllWritten(wb, blocks.map((block) => ({ sheet: FEE_SHEET, block })))).toEqual([]);
  });

  it("splits by the key chosen in the settings, named in any case, a tied remainder going to the larger weight", async () => {
    const wb = await buildDemoWorkbook();
    await wb.saveSettings({ keyVersion: "användare 2026" });
    const { computation, blocks } = await refreshFeeTables(wb);
    expect([computation.version.name, computation.previous]).toEqual(["Användare 2026", null]);
    // 5 013 300 × 400 / 1 400 and × 120 / 1 400 both leave ,43; the last krona goes to Ask's 400.
    expect((await body(wb, titled(blocks, "Medlemsbidrag per medlem"))).map((r) => r[2])).toEqual([1_432_372, 859_423, 2_291_794, 429_711, 5_013_300]);
    expect(await checkAllWritten(wb, blocks.map((block) => ({ sheet: FEE_SHEET, block })))).toEqual([]);
  });

  it("splits the share of the fee equally with rak andel 100 %, the member costs still each member's own", async () => {
    const wb = await buildDemoWorkbook();
    await wb.saveSettings({ equalShare: "1" });
    const { blocks } = await refreshFeeTables(wb);
    // 5 013 300 / 4 = 1 253 325; Ask's own costs 48 000 + 0,5 × 570 000.
    expect((await body(wb, titled(blocks, "Medlemsbidrag per medlem"))).map((r) => [r[2], r[3], r[4]])).toEqual([
      [1_253_325, 333_000, 1_586_325], [1_253_325, 21_000, 1_274_325], [1_253_325, 64_500, 1_317_825], [1_253_325, 9_000, 1_262_325], [5_013_300, 427_500, 5_440_800],
    ]);
  });

  it("says which way the fee goes against last year's, or that there is none to compare with", async () => {
    const wb = await buildDemoWorkbook();
    await wb.saveSettings({ lastYearFee: "6000000" });
    await refreshFeeTables(wb);
    // 6 000 000 − 5 013 300: positive, the fee is lowered.
    expect((await wb.readRange(FEE_SHEET, "B8:C8")).values[0]).toEqual([986_700, "Bidraget sänks"]);
    await wb.saveSettings({ lastYearFee: "" });
    await refreshFeeTables(wb);
    expect((await wb.readRange(FEE_SHEET, "B7:C8")).values).toEqual([[null, null], [null, "Inget beslutat bidrag föregående år att jämföra med"]]);
  });
});

describe("the fee refuses a model it cannot split, and writes nothing", () => {
  it("without a budget", async () => {
    const wb = await buildDemoWorkbook();
    await wb.deleteTable(TABLES.budget);
    expect((await refusal(wb)).message).toBe("tabellen Budget saknas eller är tom: avgiften räknas fram ur budgeten");
  });

  it("without a key", async () => {
    const wb = await buildDemoWorkbook();
    await wb.deleteTable(TABLES.key);
    expect((await refusal(wb)).message).toBe("tabellen Nyckel saknas eller är tom: lägg in medlemmar och vikter först");
  });

  it("with a chosen key the Nyckel table does not have, naming the ones it has", async () => {
    const wb = await buildDemoWorkbook();
    await wb.saveSettings({ keyVersion: "Användare 2030" });
    expect((await refusal(wb)).message).toBe("nyckeln 'Användare 2030' finns inte i tabellen Nyckel; där finns 'Användare 2026', 'Användare 2027'");
  });

  it("with a member cost for a member the key does not have, naming its row", async () => {
    const wb = await buildDemoWorkbook();
    const [costs] = await wb.readTables([TABLES.memberCosts]);
    await wb.writeTables([{ name: TABLES.memberCosts, sheet: costs!.sheet, headers: costs!.headers, rows: [...costs!.rows, ["Eke", "Växel", 1_000, null, null]] as never }]);
    const error = await refusal(wb);
    expect(error.message).toBe("'Eke' finns inte i nyckeln 'Användare 2027'");
    // Five lines under the header, so the sixth is row 7.
    expect(error.location).toEqual({ source: "blad Modell, tabell Medlemskostnader", row: 7, column: "Medlem" });
  });

  it("with a bad row in a model table, naming it", async () => {
    const wb = await buildDemoWorkbook();
    const [key] = await wb.readTables([TABLES.key]);
    await wb.writeTables([{ name: TABLES.key, sheet: key!.sheet, headers: tableHeaders(KEY), rows: [...key!.rows.slice(0, 7), [...key!.rows[7].slice(0, 5), "många"]] as never }]);
    const error = await refusal(wb);
    expect(error.location).toMatchObject({ source: "blad Modell, tabell Nyckel", row: 9, column: "Vikt" });
  });
});
