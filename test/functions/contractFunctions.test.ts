import { CONTRACT_FUNCTIONS, contractDiffCells, contractEndValue, indexAdjustValue, noticeDateValue, upliftValue } from "../../src/functions/contractFunctions";
import { FunctionError } from "../../src/functions/functionError";
import { functionErrorOf } from "../thrown";

/**
 * The bodies of AVTALSDIFF, UPPRAKNA, INDEXERA, UPPSAGNINGSDAG and AVTALSSLUT. The worked
 * examples through Excel's wrappers are in functions.test.ts.
 */
const cell = (value: unknown) => (value instanceof FunctionError ? { code: value.code, message: value.message } : value);

describe("AVTALSDIFF", () => {
  it("says the sizes of both ranges when they differ", () => {
    expect(functionErrorOf(() => contractDiffCells([[1], [2]], [[1, 2]]))).toEqual({ code: "#VALUE!", message: "avtalat (2×1) och fakturerat (1×2) ska ha samma storlek" });
  });

  it("names no position for a single cell, and each cell's own position in a range", () => {
    expect(contractDiffCells("x", 5).flat().map(cell)).toEqual([{ code: "#VALUE!", message: "avtalat: texten 'x' är inget tal" }]);
    expect(contractDiffCells([[1, 2]], [[1, "två"]]).flat().map(cell)).toEqual([0, { code: "#VALUE!", message: "fakturerat, kolumn 2: texten 'två' är inget tal" }]);
  });

  it("counts an agreed 0 as an amount: a contract at 0 invoiced 500 is −500, not #N/A", () => {
    expect(contractDiffCells([[0], [0]], [[500], [""]]).flat().map(cell)).toEqual([-500, 0]);
  });
});

describe("UPPRAKNA and INDEXERA", () => {
  it("rounds a negative half krona away from zero, as docs/regler.md says", () => {
    // −250 × 1 % = −2,5 → −3, so −253.
    expect(upliftValue(-250, 0.01)).toBe(-253);
  });

  it("uplifts over 0 years to the amount itself and refuses more than 100 years or less than −100 %", () => {
    expect(upliftValue(1234, "2 %", 0)).toBe(1234);
    expect(functionErrorOf(() => upliftValue(1000, 0.02, 101))).toEqual({ code: "#VALUE!", message: "år ska vara ett heltal från 0 till 100, inte 101" });
    expect(functionErrorOf(() => upliftValue(1000, "-150 %"))).toEqual({ code: "#VALUE!", message: "procent: uppräkningen kan inte vara under −100 %" });
  });

  it("indexes the help page's example exactly", () => {
    // 250 000 × 415,1 / 399,4 = 259 827,24… → 259 827; with öre 259 827,24.
    expect([indexAdjustValue(250000, "399,4", "415,1"), indexAdjustValue(250000, 399.4, 415.1, 2)]).toEqual([259_827, 259_827.24]);
  });

  it("names basindex when the base index is not positive", () => {
    expect(functionErrorOf(() => indexAdjustValue(100, 0, 5))).toEqual({ code: "#VALUE!", message: "basindex: indextalen måste vara positiva" });
  });

  it("names nytt_index, not basindex, when the new index is the negative one", () => {
    expect(functionErrorOf(() => indexAdjustValue(100, 330, -5))).toEqual({ code: "#VALUE!", message: "nytt_index: indextalen måste vara positiva" });
    // Both wrong: the base index is named, as before.
    expect(functionErrorOf(() => indexAdjustValue(100, -1, -5))).toEqual({ code: "#VALUE!", message: "basindex: indextalen måste vara positiva" });
  });
});

describe("UPPSAGNINGSDAG and AVTALSSLUT", () => {
  // Serials of the 1900 system: 2024-04-30 is 45412, 2027-04-30 is 46507.
  it("gives the end date itself with no notice time, and refuses more than 1 200 months", () => {
    expect(noticeDateValue("2027-04-30", 0)).toBe(46507);
    expect(functionErrorOf(() => noticeDateValue("2027-04-30", 1201)).message).toBe("uppsägningstid_månader ska vara ett heltal från 0 till 1200, inte 1\u00a0201");
  });

  it("ends on the first end date while it has not passed, or for a contract that does not renew", () => {
    expect(contractEndValue("2027-04-30", 12, "2026-01-01")).toBe(46507);
    expect(contractEndValue("2024-04-30", 0, "2026-11-23")).toBe(45412);
  });

  it("counts from today when per_datum is left blank, however Excel hands the blank", () => {
    const today = () => new Date(2026, 10, 23);
    for (const blank of [undefined, null, ""]) expect(contractEndValue("2024-04-30", 12, blank, today)).toBe(46507);
  });
});

describe("the definitions", () => {
  it("say which functions return dates: only UPPSAGNINGSDAG and AVTALSSLUT", () => {
    expect(CONTRACT_FUNCTIONS.filter((d) => d.returnsDate).map((d) => d.sv.name)).toEqual(["UPPSAGNINGSDAG", "AVTALSSLUT"]);
  });

  it.each(CONTRACT_FUNCTIONS.map((d) => [d.sv.name, d] as const))("%s gives a result of the shape its definition promises the engine", (_, d) => {
    const result = (d.run as (...args: unknown[]) => unknown)(...d.sample);
    if (d.result.kind === "scalar") expect(typeof result).toBe("number");
    else {
      const arg = d.sample[(d.result as { index: number }).index] as unknown[][];
      expect([(result as unknown[][]).length, (result as unknown[][])[0].length]).toEqual([arg.length, arg[0].length]);
    }
  });
});
