import { parsePeriod, periodLabel, periodRange, periodsPerYear } from "../../src/core/invoicePeriods";
import { formatIsoDate } from "../../src/core/dates";

describe("invoicing periods", () => {
  it("reads a quarter or half-year alone or with its year on either side", () => {
    expect(parsePeriod("Q1", 2027)).toEqual({ year: 2027, kind: "Q", index: 1 });
    expect(parsePeriod("2028 h2", 2027)).toEqual({ year: 2028, kind: "H", index: 2 });
    expect(parsePeriod("Q4 2026", 2027)).toEqual({ year: 2026, kind: "Q", index: 4 });
    expect(parsePeriod(" 2027-Q3 ", 2020)).toEqual({ year: 2027, kind: "Q", index: 3 });
  });

  it("refuses, in Swedish, what is no period: H3, Q5, two years, a month", () => {
    for (const text of ["H3", "Q5", "2027 Q1 2028", "mars", ""]) {
      expect(() => parsePeriod(text, 2027)).toThrow(`perioden '${text}' finns inte; skriv Q1–Q4 eller H1–H2`);
    }
  });

  it("gives each period its first day and the first day after it, and how many there are in a year", () => {
    const range = (text: string) => {
      const r = periodRange(parsePeriod(text, 2027));
      return [formatIsoDate(r.from), formatIsoDate(r.to)];
    };
    expect(range("Q1")).toEqual(["2027-01-01", "2027-04-01"]);
    expect(range("Q4")).toEqual(["2027-10-01", "2028-01-01"]);
    expect(range("H2")).toEqual(["2027-07-01", "2028-01-01"]);
    expect([periodsPerYear(parsePeriod("Q2", 2027)), periodsPerYear(parsePeriod("H1", 2027))]).toEqual([4, 2]);
    expect(periodLabel(parsePeriod("q2", 2027))).toBe("2027 Q2");
  });
});
