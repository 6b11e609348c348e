import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { recordingArraySizes, refitSamkalkArrays, registerSamkalkFunctions } from "../../src/workbook/engineFunctions";
import { FUNCTIONS } from "../../src/functions/catalogue";
import { DEFINITIONS } from "../../src/functions/definitions";
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

  it("spills PERIODISERA whose periods come from a cell, as Excel does", () => {
    // 10 kr in 4 periods: 2,5 each; the two öre-less remainders go to the first two (largest remainder, ties in order).
    expect(row(build([[4, "=SAMKALK.SPLITPERIODS(10,A1)"]]), 0, 5).slice(1)).toEqual([3, 3, 2, 2]);
    expect(row(build([[4, "=SAMKALK.PERIODISERA(10,(A1))"]]), 0, 5).slice(1)).toEqual([3, 3, 2, 2]);
    expect(row(build([[-4, "=SAMKALK.SPLITPERIODS(10,-A1)"]]), 0, 5).slice(1)).toEqual([3, 3, 2, 2]);
    // Inside a larger formula the row is the argument of that formula, whatever was reserved.
    expect(at(build([[6, "=SUM(SAMKALK.SPLITPERIODS(10,A1))"]]), 0, 1)).toBe(10);
  });

  it("spills PERIODISERA whose periods are a number typed as text in a cell, or a blank cell (the default 4)", () => {
    expect(row(build([["'3", "=SAMKALK.SPLITPERIODS(10,A1)"]]), 0, 4).slice(1)).toEqual([4, 3, 3]);
    expect(row(build([[null, "=SAMKALK.SPLITPERIODS(10,A1)"]]), 0, 5).slice(1)).toEqual([3, 3, 2, 2]);
  });

  it("gives a Swedish error, not a cut row, when the periods' cell changed to more than the engine reserved", () => {
    const hf = build([[4, "=SAMKALK.SPLITPERIODS(10,A1)"]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[6]]);
    expect(at(hf, 0, 1)).toEqual({ error: "VALUE", message: "Svaret är 6 celler brett men kalkylmotorn reserverade 4 när formeln skrevs in; skriv in formeln igen" });
    // Fewer periods fit in what was reserved: the row is right, the rest left empty.
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[2]]);
    expect(row(hf, 0, 5).slice(1)).toEqual([5, 5, null, null]);
  });

  it("refits a spill whose reserved size no longer matches, by entering its formula again", () => {
    const hf = build([[4, "=SAMKALK.SPLITPERIODS(10,A1)"], [3, "=SAMKALK.SPLITPERIODS(10,A2)"]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[6]]);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, [[2]]);
    expect(refitSamkalkArrays(hf)).toEqual([{ sheet: 0, row: 0, col: 1 }, { sheet: 0, row: 1, col: 1 }]);
    expect([row(hf, 0, 8).slice(1), row(hf, 1, 8).slice(1)]).toEqual([[2, 2, 2, 2, 1, 1, null], [5, 5, null, null, null, null, null]]);
    expect(refitSamkalkArrays(hf)).toEqual([]);
  });

  it("cannot size PERIODISERA by a formula not computed yet: one cell with the Swedish message, until refitted", () => {
    const hf = build([["=2+2", "=SAMKALK.SPLITPERIODS(10,A1)"]]);
    expect(at(hf, 0, 1)).toEqual({ error: "VALUE", message: "Svaret är 4 celler brett men kalkylmotorn reserverade 1 när formeln skrevs in; skriv in formeln igen" });
    refitSamkalkArrays(hf);
    expect(row(hf, 0, 5).slice(1)).toEqual([3, 3, 2, 2]);
  });

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

describe("a scalar argument given as a cell reference", () => {
  // Excel hands a custom function the value of a one-cell reference for a scalar parameter; so
  // does the engine, for every scalar parameter of every function in the catalogue.
  const letter = (col: number) => String.fromCharCode(65 + col);
  const literal = (v: unknown): string => (typeof v === "number" ? String(v) : typeof v === "boolean" ? (v ? "TRUE()" : "FALSE()") : `"${String(v).replace(/"/g, '""')}"`);
  const FORMULA_ROW = 12;
  const sheetFor = (id: string, referenced: number | null): RawCellContent[][] => {
    const spec = FUNCTIONS.find((f) => f.id === id)!;
    const sample = DEFINITIONS.find((d) => d.id === id)!.sample;
    const rows: RawCellContent[][] = Array.from({ length: FORMULA_ROW + 1 }, () => []);
    let col = 0;
    const args = sample.map((value, i) => {
      if (Array.isArray(value)) {
        const matrix = value as RawCellContent[][];
        matrix.forEach((line, r) => line.forEach((cell, c) => (rows[1 + r][col + c] = cell)));
        const ref = `${letter(col)}2:${letter(col + matrix[0].length - 1)}${1 + matrix.length}`;
        col += matrix[0].length;
        return ref;
      }
      if (i !== referenced) return literal(value);
      rows[0][0] = value as RawCellContent;
      return "A1";
    });
    expect(spec.rangeArgs.every((i) => Array.isArray(sample[i]))).toBe(true);
    rows[FORMULA_ROW][0] = `=SAMKALK.${id}(${args.join(",")})`;
    return rows;
  };
  const resultOf = (rows: RawCellContent[][]) => {
    const hf = build(rows);
    return Array.from({ length: 6 }, (_, r) => row(hf, FORMULA_ROW + r, 6));
  };
  const cases = DEFINITIONS.flatMap((d) => d.sample.flatMap((value, i) => (Array.isArray(value) ? [] : [[d.id, i] as [string, number]])));

  it("covers every function's scalar parameters", () => {
    expect(new Set(cases.map(([id]) => id)).size).toBeGreaterThan(8);
  });

  it.each(cases)("%s, argument %i: the same result as typed", (id, index) => {
    const typed = resultOf(sheetFor(id, null));
    expect(typed[0][0]).not.toHaveProperty("error");
    expect(resultOf(sheetFor(id, index))).toEqual(typed);
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
