import fc from "fast-check";
import { capitalCostInYear, capitalCostSchedule, capitalPlan, pricePerUnit } from "../../src/core/capitalCost";
import { toAmount } from "../../src/core/money";

const PLAN = [
  { name: "Nätverksutrustning", year: 2027, amount: 1_200_000, years: 5 },
  { name: "Servrar", year: 2028, amount: 900_000, years: 3 },
  { name: "Programvarulicenser", year: 2029, amount: 100_000, years: 3 },
];

describe("capital costs: rak avskrivning, internränta on the book value at the start of the year", () => {
  it("gives 1 200 000 over 5 years at 2 %: 240 000 a year plus interest 24 000, 19 200, 14 400, 9 600, 4 800", () => {
    const s = capitalCostSchedule(1_200_000, 5, "0.02");
    expect(s.map((r) => [r.bookValue.toFixed(), r.depreciation.toFixed(), r.interest.toFixed(), r.capitalCost.toFixed()])).toEqual([
      ["1200000", "240000", "24000", "264000"],
      ["960000", "240000", "19200", "259200"],
      ["720000", "240000", "14400", "254400"],
      ["480000", "240000", "9600", "249600"],
      ["240000", "240000", "4800", "244800"],
    ]);
  });

  it("splits an uneven amount exactly (33 334 + 33 333 + 33 333) and rounds each year's interest half up", () => {
    const s = capitalCostSchedule(100_000, 3, "0.02");
    expect(s.map((r) => [r.depreciation.toFixed(), r.interest.toFixed()])).toEqual([["33334", "2000"], ["33333", "1333"], ["33333", "667"]]);
    expect(capitalCostInYear(100_000, 3, "0.02", 3).toFixed()).toBe("34000");
    expect(capitalCostInYear(100_000, 3, "0.02", 4).toFixed()).toBe("0");
  });

  it("sums the plan per calendar year: 264 000, 577 200, 601 734, 590 266, 278 800", () => {
    const plan = capitalPlan(PLAN, "0.02");
    expect(plan.perYear.map((y) => [y.year, y.capitalCost.toFixed()])).toEqual([[2027, "264000"], [2028, "577200"], [2029, "601734"], [2030, "590266"], [2031, "278800"]]);
    expect(plan.investments[1].years.map((y) => y.year)).toEqual([2028, 2029, 2030]);
  });

  it("prices 2028 per user for the Prislista: 577 200 / 4 120 = 140,10 kr", () => {
    expect(pricePerUnit(577_200, 4_120).toFixed(2)).toBe("140.10");
    expect(() => pricePerUnit(1, 0)).toThrow("volymen måste vara större än 0");
  });

  it("depreciates exactly the amount and never below zero book value (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 999 }), (amount, years, permille) => {
      const s = capitalCostSchedule(amount, years, toAmount(permille).dividedBy(10_000));
      expect(s.reduce((sum, r) => sum.plus(r.depreciation), toAmount(0)).equals(amount)).toBe(true);
      expect(s.every((r) => !r.bookValue.isNegative())).toBe(true);
    }));
  });

  it("refuses a rate of 100 % or more and a period that is not whole years", () => {
    expect(() => capitalCostSchedule(1, 3, 1)).toThrow("internräntan");
    expect(() => capitalCostSchedule(1, 2.5, 0)).toThrow("avskrivningstiden");
  });
});
