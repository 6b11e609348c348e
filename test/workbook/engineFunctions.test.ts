import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { recordingArraySizes, registerSamkalkFunctions } from "../../src/workbook/engineFunctions";
import { engineDateSystem } from "../../src/workbook/engineAdapter";

/**
 * The SAMKALK functions as a HyperFormula plugin, on a bare engine: what the plugin itself does
 * between the engine and the bodies (names, arguments, errors, result sizes).
 */
beforeAll(() => registerSamkalkFunctions());

const CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false, ...engineDateSystem("1900") };
const build = (rows: RawCellContent[][]) => HyperFormula.buildFromArray(rows, CONFIG as never);
const at = (hf: HyperFormula, row: number, col: number) => {
  const v = hf.getCellValue({ sheet: 0, row, col });
  return v instanceof DetailedCellError ? { error: v.type, message: v.message } : v;
};
const column = (hf: HyperFormula, col: number, rows: number) => Array.from({ length: rows }, (_, r) => at(hf, r, col));
const row = (hf: HyperFormula, r: number, cols: number) => Array.from({ length: cols }, (_, c) => at(hf, r, c));

describe("SAMKALK in the embedded engine", () => {
  it("knows each function by its English id and by its Swedish name", () => {
    const hf = build([[1, "=SAMKALK.ALLOCATE(10,A1:A3)", "=SAMKALK.FORDELA(10,A1:A3)"], [1], [1]]);
    // 10 kr on 1 : 1 : 1 is 4 / 3 / 3 (docs/regler.md).
    expect([column(hf, 1, 3), column(hf, 2, 3)]).toEqual([[4, 3, 3], [4, 3, 3]]);
  });

  it("hands an empty cell to the body as blank, which leaves the member out", () => {
    expect(column(build([[1, "=SAMKALK.ALLOCATE(100,A1:A3)"], [null], [3]]), 1, 3)).toEqual([25, 0, 75]);
  });

  it("hands a date or a percentage the engine computed to the body as its plain number", () => {
    // DATE(2027;4;30) is serial 46 507; six months' notice before it ends 2026-10-31, serial 46 326.
    const hf = build([["=SAMKALK.NOTICEDATE(DATE(2027,4,30),6)", "=SAMKALK.UPLIFT(1000000,2%)"]]);
    expect(row(hf, 0, 2)).toEqual([46326, 1_020_000]);
  });

  it("shows a body's error with its Swedish message and Excel's code", () => {
    const hf = build([['=SAMKALK.UPLIFT("hundra",0.02)', '=SAMKALK.UPLIFT("n/a",0.02)']]);
    expect(row(hf, 0, 2)).toEqual([{ error: "VALUE", message: "belopp: texten 'hundra' är inget tal" }, { error: "NA", message: "belopp: värde saknas" }]);
  });

  it("passes an error in an argument on as it is, instead of reading it as a value", () => {
    expect(at(build([["=SAMKALK.UPLIFT(1/0,0.02)"]]), 0, 0)).toMatchObject({ error: "DIV_BY_ZERO" });
  });

  it("puts an error of one cell of a spill in that cell only", () => {
    const hf = build([[100, "=SAMKALK.CONTRACTDIFF(A1:A2,C1:C2)", 90], ["x", null, 10]]);
    expect(column(hf, 1, 2)).toEqual([10, { error: "VALUE", message: "avtalat, cell A2: texten 'x' är inget tal" }]);
  });
});

describe("result sizes known before evaluation", () => {
  it("spills PERIODISERA over as many columns as its literal number of periods", () => {
    expect(row(build([["=SAMKALK.SPLITPERIODS(10,4)"]]), 0, 4)).toEqual([3, 3, 2, 2]);
  });

  it("shows the body's own message when the number of periods is out of range", () => {
    expect(at(build([["=SAMKALK.SPLITPERIODS(10,1201)"]]), 0, 0)).toEqual({ error: "VALUE", message: "perioder ska vara ett heltal från 1 till 1200, inte 1\u00a0201" });
  });

  it.todo("spills PERIODISERA whose periods come from a cell, as Excel does (today =SAMKALK.SPLITPERIODS(10,A1) with A1 = 4 is #VALUE! \"Här ska det vara en enda cell, inte ett område.\")");

  it("fits TABELLKOLL's findings to the table's height, saying how many did not fit", () => {
    // Four wrong totals in a table three rows high: two findings, then one row for the other two.
    const hf = build([
      ["", "A", "B", "C", "D", "=SAMKALK.CHECKTABLE(A1:E3)"],
      ["x", 1, 1, 1, 1],
      ["Summa", 9, 9, 9, 9],
    ]);
    const findings = [0, 1, 2].map((r) => [5, 6, 7, 8, 9].map((c) => at(hf, r, c)));
    expect(findings.slice(0, 2).map((f) => f.slice(0, 2))).toEqual([["Summa", "A"], ["Summa", "B"]]);
    expect(findings[2]).toEqual(["…", "2 fynd till", "", "", ""]);
  });

  it("pads a short answer with empty cells to the size it reserved", () => {
    const hf = build([["", "A", "=SAMKALK.CHECKTABLE(A1:B3)"], ["x", 1], ["Summa", 1]]);
    expect([0, 1, 2].map((r) => row(hf, r, 7).slice(2))).toEqual([["OK", "", "", "", ""], ["", "", "", "", ""], ["", "", "", "", ""]]);
  });
});

describe("recording the sizes the engine reserved", () => {
  it("reports each SAMKALK spill's anchor and size while building, and nothing afterwards", () => {
    const record = jest.fn();
    recordingArraySizes(() => build([[1, "=SAMKALK.ALLOCATE(100,A1:A3)", "=SAMKALK.UPLIFT(1,0)", "=SAMKALK.SPLITPERIODS(8,2)"], [1], [1]]), record);
    expect(record.mock.calls).toEqual([[{ sheet: 0, row: 0, col: 1 }, 1, 3], [{ sheet: 0, row: 0, col: 3 }, 2, 1]]);
    build([[1, "=SAMKALK.ALLOCATE(100,A1:A1)"]]);
    expect(record).toHaveBeenCalledTimes(2);
  });

  it("stops recording when the build fails", () => {
    const record = jest.fn();
    expect(() => recordingArraySizes(() => {
      throw new Error("trasig");
    }, record)).toThrow("trasig");
    build([[1, "=SAMKALK.ALLOCATE(100,A1:A1)"]]);
    expect(record).not.toHaveBeenCalled();
  });
});
