import fc from "fast-check";
import { checkPeriodCount, periodTable, splitPeriods } from "../../src/core/periods";
import { Amount } from "../../src/core/amount";

const sum = (xs: Amount[]) => xs.reduce((s, x) => s.plus(x), new Amount(0));

describe("periods of a year", () => {
  it("splits a year into equal periods that sum exactly, the extra kronor to the first periods", () => {
    expect(splitPeriods("1000001", 4).map(String)).toEqual(["250001", "250000", "250000", "250000"]);
    expect(splitPeriods("-10", 3).map(String)).toEqual(["-4", "-3", "-3"]);
    expect(splitPeriods("100.01", 2, 2).map(String)).toEqual(["50.01", "50"]);
  });

  it("refuses a period count that is no whole number from 1 to 1200, in Swedish", () => {
    for (const n of [0, 1201, 2.5, Number.NaN]) expect(() => checkPeriodCount(n)).toThrow("antal perioder måste vara ett heltal från 1 till 1200");
  });

  it("makes a table exact both ways: each member's periods sum to its year, each period to the organisation's", () => {
    const years = fc.array(fc.bigInt({ min: -5_000_000n, max: 50_000_000n }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(years, fc.constantFrom(2, 4, 12), (units, n) => {
        const input = units.map((u) => new Amount(u.toString()));
        const table = periodTable(input, n);
        table.cells.forEach((row, i) => {
          expect(sum(row).equals(input[i])).toBe(true);
          // every cell is its year / n rounded down or up
          for (const c of row) expect(c.minus(input[i].div(n)).abs().lt(1)).toBe(true);
        });
        for (let j = 0; j < n; j++) expect(sum(table.cells.map((r) => r[j])).equals(table.periodTotals[j])).toBe(true);
        expect(sum(table.periodTotals).equals(sum(input))).toBe(true);
        expect(table.periodTotals.map(String)).toEqual(splitPeriods(sum(input), n).map(String));
      }),
      { numRuns: 300 },
    );
  });
});
