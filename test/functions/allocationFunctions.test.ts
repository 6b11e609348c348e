import { ALLOCATION_FUNCTIONS, allocateCells, keyShareCells, readWeights, settleCells, splitPeriodCells } from "../../src/functions/allocationFunctions";
import { FunctionDefinition } from "../../src/functions/definition";
import type { ExcelScalar } from "../../src/functions/excelValues";
import { LIMITS } from "../../src/core/limits";
import { functionErrorOf } from "../thrown";

/**
 * The bodies of FORDELA, NYCKELANDEL, PERIODISERA and REGLERING. Their worked examples through
 * Excel's wrappers are in functions.test.ts; here are the rules of the bodies themselves.
 */
const NBSP = "\u00a0";
const column = (...values: unknown[]) => values.map((v) => [v]) as never;

describe("weights from a range", () => {
  it("reads plain numbers as numbers, text as exact amounts, and a blank as 0", () => {
    const weights = readWeights([[12345], ["1 200"], [""], [null]]);
    expect(weights.map((w) => typeof w)).toEqual(["number", "object", "object", "object"]);
    expect(weights.map(String)).toEqual(["12345", "1200", "0", "0"]);
  });

  it("takes as many cells as the documented limit, and no more", () => {
    const range = (n: number) => Array.from({ length: n }, () => [1]);
    expect(readWeights(range(LIMITS.functionCells))).toHaveLength(200_000);
    expect(functionErrorOf(() => readWeights(range(LIMITS.functionCells + 1)))).toEqual({ code: "#VALUE!", message: `vikter har 200${NBSP}001 celler; högst 200${NBSP}000 tillåts` });
  });

  it("names the argument it was given in every message", () => {
    expect(functionErrorOf(() => readWeights(column(1, "tio"), "nyckel"))).toEqual({ code: "#VALUE!", message: "nyckel, rad 2: texten 'tio' är inget tal" });
    expect(functionErrorOf(() => readWeights(column(0, ""), "nyckel"))).toEqual({ code: "#VALUE!", message: "nyckel: alla vikter är noll, så det finns inget att fördela efter" });
  });

  it("refuses a weight Excel could not hold exactly, rather than allocate by a rounded one", () => {
    expect(functionErrorOf(() => readWeights(column(1, 1e15)))).toEqual({ code: "#VALUE!", message: "vikter, rad 2: talet är större än Excel kan räkna exakt (högst 15 siffror)" });
  });
});

describe("the bodies", () => {
  it("REGLERING names its first argument resultat, as the user knows it", () => {
    expect(functionErrorOf(() => settleCells("hundra", column(1, 1)))).toEqual({ code: "#VALUE!", message: "resultat: texten 'hundra' är inget tal" });
    expect(functionErrorOf(() => allocateCells("hundra", column(1, 1)))).toEqual({ code: "#VALUE!", message: "belopp: texten 'hundra' är inget tal" });
  });

  it("NYCKELANDEL breaks a tie by the order of the key, in the decimals asked for", () => {
    // 1 : 1 : 1 in whole percent is 33,33… each; the one percent left goes to the first.
    expect(keyShareCells(column(1, 1, 1), 0)).toEqual([[0.34], [0.33], [0.33]]);
    expect(functionErrorOf(() => keyShareCells(column(1, 1), 5))).toEqual({ code: "#VALUE!", message: "decimaler ska vara ett heltal från 0 till 4, inte 5" });
  });

  it("PERIODISERA makes four periods by default, to the öre when asked", () => {
    // 100 kr in three: 33,333… each; the öre left goes to the first period.
    expect(splitPeriodCells(100, 3, 2)).toEqual([[33.34, 33.33, 33.33]]);
    expect(splitPeriodCells(10, "")).toEqual([[3, 3, 2, 2]]);
    expect(functionErrorOf(() => splitPeriodCells(100, 1201))).toEqual({ code: "#VALUE!", message: `perioder ska vara ett heltal från 1 till 1200, inte 1${NBSP}201` });
  });
});

describe("the definitions", () => {
  /** The size the engine reserves for a result before evaluating it, from the definition's shape. */
  const predicted = (d: FunctionDefinition): [number, number] => {
    const arg = d.sample[(d.result as { index: number }).index];
    if (d.result.kind === "rowOfLength") return [1, d.result.length(arg as ExcelScalar)];
    const m = Array.isArray(arg) ? (arg as unknown[][]) : [[arg]];
    return [m.length, m[0].length];
  };

  it.each(ALLOCATION_FUNCTIONS.map((d) => [d.sv.name, d] as const))("%s gives a result of the shape its definition promises the engine", (_, d) => {
    const result = (d.run as (...args: unknown[]) => unknown[][])(...d.sample);
    expect([result.length, result[0].length]).toEqual(predicted(d));
  });

  it("have Swedish names for exactly the parameters each body takes", () => {
    // FORDELA(belopp; vikter; rak_andel; decimaler), REGLERING(resultat; vikter; decimaler; rak_andel).
    const names = Object.fromEntries(ALLOCATION_FUNCTIONS.map((d) => [d.sv.name, Object.values(d.sv.parameters).map((p) => p.name)]));
    expect(names).toEqual({
      FORDELA: ["belopp", "vikter", "rak_andel", "decimaler"],
      NYCKELANDEL: ["vikter", "decimaler"],
      PERIODISERA: ["belopp", "perioder", "decimaler"],
      REGLERING: ["resultat", "vikter", "decimaler", "rak_andel"],
    });
    for (const d of ALLOCATION_FUNCTIONS) expect(d.run.length).toBe(Object.keys(d.sv.parameters).length);
  });
});
