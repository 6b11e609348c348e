import { errorOf } from "./errorOf";
import { cellBlock } from "../workbook/cellBlock";
import * as F from "../../src/functions/functions";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { savingsValue } from "../../src/functions/calculatorFunctions";


const column = (...values: unknown[]) => values.map((v) => [v]) as any[][];
const ONE = column(110, 50, 30, 80);
const TOGETHER = column(210, 110, 120, 200);

describe("BESPARING / SAVINGS", () => {
  it("gives the README's procurement: 301 750 kr, and 52,59 % as a share weighted by hours", () => {
    expect(F.savings(ONE, 5, TOGETHER, 425)).toBe(301_750);
    expect(F.savings(ONE, 5, TOGETHER, 425, true)).toBeCloseTo(71 / 135, 15);
    expect((Math.round(F.savings(ONE, 5, TOGETHER, 425, true) * 10_000) / 100).toFixed(2)).toBe("52.59");
    expect(F.savings([[110]], 5, [[210]], "425 kr/h")).toBe(144_500);
  });

  it("refuses what is not a count of members, in Swedish", () => {
    expect(errorOf(() => F.savings(ONE, 0, TOGETHER, 425)).code).toBe("#VALUE!");
    // Excel shows no message with #NUM!; the embedded engine and the pane do.
    expect(() => savingsValue(ONE, 0, TOGETHER, 425)).toThrow("antal_medlemmar ska vara ett heltal från 1 till 10000");
    expect(errorOf(() => F.savings(ONE, 5, TOGETHER, 425, "ja"))).toEqual({ code: "#VALUE!", message: "som_andel ska vara SANT eller FALSKT" });
    expect(errorOf(() => F.savings([[0]], 5, [[0]], 425, true))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("KAPITALKOSTNAD / CAPITALCOST", () => {
  it("is depreciation plus interest on the opening book value: 1 200 000 over 5 years at 2 %, year 2 = 259 200", () => {
    expect(F.capitalCost(1_200_000, 5, "2 %", 1)).toBe(264_000);
    expect(F.capitalCost(1_200_000, 5, 0.02, 2)).toBe(259_200);
    expect(F.capitalCost(100_000, 3, 0.02, 2)).toBe(34_666);
    expect(F.capitalCost(100_000, 3, 0.02, 4)).toBe(0);
    expect(errorOf(() => F.capitalCost(100, 3, 0.02, 0)).code).toBe("#VALUE!");
  });
});

describe("in the embedded engine (CLI recalc, standalone page)", () => {
  it("computes SAMKALK.SAVINGS over ranges and SAMKALK.CAPITALCOST like Excel", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 0, [
      [110, 210, "=SAMKALK.SAVINGS(A1:A4,5,B1:B4,425)", "=SAMKALK.CAPITALCOST(1200000,5,0.02,2)"],
      [50, 110, "=SAMKALK.SAVINGS(A1:A4,5,B1:B4,425,TRUE())", null],
      [30, 120, null, null],
      [80, 200, null, null],
    ]));
    expect(wb.cellValue("Blad1", 0, 2)).toBe(301_750);
    expect(wb.cellValue("Blad1", 1, 2)).toBeCloseTo(71 / 135, 15);
    expect(wb.cellValue("Blad1", 0, 3)).toBe(259_200);
  });
});
