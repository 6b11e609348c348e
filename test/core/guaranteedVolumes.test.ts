import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { formatIsoDate, parseDate } from "../../src/core/dates";
import { Guarantee, contractYearEnd, followUpGuarantee, forecastYear, memberGuarantees, yearEndShortfall } from "../../src/core/guaranteedVolumes";

const A = (v: number | string) => new Amount(v);
const d = parseDate;
const n = (values: readonly Amount[]) => values.map((v) => v.toNumber());
const order = (member: string, quantity: number, date: string, service = "Licens") => ({ member, service, quantity: A(quantity), date: d(date) });
const fixedPool = (quantities: Record<string, number>, total: number, extra: Partial<Guarantee> = {}): Guarantee => ({
  supplier: "Leverantör AB", service: "Licens", yearStart: d("2026-04-01"), quantity: A(total), unitPrice: A(10),
  distribution: { kind: "fixed", quantities: Object.entries(quantities).map(([member, q]) => ({ member, quantity: A(q) })) },
  ...extra,
});

// The worked pool example (by share and by own gap) and the charges-sum property are in
// test/core/invoiceBasis.test.ts; this file pins the contract year, rounding and forecasts.

describe("memberGuarantees", () => {
  it("splits a guarantee by a key in whole units by the largest remainder: 10 on 1 : 1 : 1 is 4 / 3 / 3", () => {
    const g = fixedPool({}, 10, { distribution: { kind: "key", key: ["Ask", "Björkby", "Ceder"].map((member) => ({ member, weight: A(1) })) } });
    expect(memberGuarantees(g).map((m) => [m.member, m.quantity.toNumber()])).toEqual([["Ask", 4], ["Björkby", 3], ["Ceder", 3]]);
  });

  it("refuses fixed shares that do not add up to the guarantee, naming both figures", () => {
    expect(() => memberGuarantees(fixedPool({ A: 300, B: 250 }, 600))).toThrow("garantin för Licens är 600 men medlemmarnas andelar summerar till 550");
  });
});

describe("the contract year", () => {
  it("runs twelve months from its first day; orders on the day it ends belong to the next year", () => {
    const g = fixedPool({ A: 100 }, 100);
    expect(formatIsoDate(contractYearEnd(g))).toBe("2027-04-01");
    const orders = [
      order("A", 1, "2026-03-31"), // before the year
      order("A", 10, "2026-04-01"),
      order("a", 20, "2027-03-31"), // the member's name in another case
      order("A", 40, "2027-04-01"), // the next year
      order("A", 80, "2026-06-01", "Datorpaket"), // another service
    ];
    const r = yearEndShortfall(g, orders);
    expect([r.ordered.toNumber(), r.shortfall.toNumber(), r.amount.toNumber()]).toEqual([30, 70, 700]);
    expect(r.charges.map((c) => [c.member, c.ordered.toNumber(), c.ownGap.toNumber(), c.amount.toNumber()])).toEqual([["A", 30, 70, 700]]);
  });
});

describe("yearEndShortfall", () => {
  it("rounds the supplier's figure half up to öre and splits it by the largest remainder", () => {
    // Nobody ordered: 3 × 3,3333 = 9,9999 → 10,00, by own gaps 1 : 1 : 1 → 3,34 / 3,33 / 3,33.
    const r = yearEndShortfall(fixedPool({ A: 1, B: 1, C: 1 }, 3, { unitPrice: A("3.3333") }), []);
    expect(r.amount.toFixed(2)).toBe("10.00");
    expect(r.charges.map((c) => c.amount.toFixed(2))).toEqual(["3.34", "3.33", "3.33"]);
    // In whole kronor: 10 → 4 / 3 / 3.
    expect(n(yearEndShortfall(fixedPool({ A: 1, B: 1, C: 1 }, 3, { unitPrice: A("3.3333") }), [], 0).charges.map((c) => c.amount))).toEqual([4, 3, 3]);
  });

  it("shares by own gap unless told otherwise, and by share in proportion to the guaranteed quantities", () => {
    // 1000 guaranteed (500 / 300 / 200), 900 ordered: shortfall 100 × 10 = 1 000.
    const orders = [order("A", 500, "2026-05-01"), order("B", 100, "2026-05-01"), order("C", 300, "2026-05-01")];
    const byGap = yearEndShortfall(fixedPool({ A: 500, B: 300, C: 200 }, 1000), orders);
    expect(n(byGap.charges.map((c) => c.amount))).toEqual([0, 1000, 0]); // only B is short of its share (by 200)
    const byShare = yearEndShortfall(fixedPool({ A: 500, B: 300, C: 200 }, 1000, { sharing: "by-share" }), orders);
    expect(n(byShare.charges.map((c) => c.amount))).toEqual([500, 300, 200]);
  });

  it("charges sum exactly to the supplier's figure whatever the key and the orders (property)", () => {
    const weights = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }).filter((w) => w.some((x) => x > 0));
    fc.assert(fc.property(weights, fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 999_999 }), fc.constantFrom<"by-share" | "by-own-gap">("by-share", "by-own-gap"), (w, ordered, cents, sharing) => {
      const members = ["A", "B", "C"];
      const g: Guarantee = { ...fixedPool({}, 1000, { sharing, unitPrice: A(cents).dividedBy(1000) }), distribution: { kind: "key", key: members.map((member, i) => ({ member, weight: A(w[i]) })) } };
      const r = yearEndShortfall(g, members.map((m, i) => order(m, ordered[i], "2026-09-01")));
      const total = r.charges.reduce((s, c) => s.plus(c.amount), A(0));
      expect(total.equals(r.amount)).toBe(true);
      expect(r.amount.decimalPlaces()).toBeLessThanOrEqual(2);
    }), { numRuns: 300 });
  });
});

describe("followUpGuarantee", () => {
  const g = fixedPool({ A: 60, B: 40 }, 100, { unitPrice: A("2.5") });

  it("counts a quarter as reported from its last day on", () => {
    // Q1 is 2026-04-01 – 2026-06-30.
    expect(followUpGuarantee(g, [], d("2026-06-29")).quarters).toBe(0);
    expect(followUpGuarantee(g, [], d("2026-06-30")).quarters).toBe(1);
    expect(followUpGuarantee(g, [], d("2027-03-31")).quarters).toBe(4);
    expect(followUpGuarantee(g, [], d("2028-01-01")).quarters).toBe(4);
  });

  it("before a quarter is reported forecasts what was ordered so far, and ignores orders after the as-of date", () => {
    const f = followUpGuarantee(g, [order("A", 7, "2026-04-10"), order("B", 5, "2026-05-01"), order("B", 50, "2026-05-02")], d("2026-05-01"));
    expect(f.rows.map((r) => [r.member, r.ordered.toNumber(), r.forecast.toNumber()])).toEqual([["A", 7, 7], ["B", 5, 5]]);
    expect(f.total.member).toBe("Summa");
    // The pool falls 100 − 12 = 88 short: 88 × 2,50 = 220.
    expect(f.expectedShortfallAmount.toNumber()).toBe(220);
  });

  it("rounds the expected shortfall to whole kronor, half up", () => {
    // 3 quarters reported; A ordered 20 in Q1: one-off forecast 20 × 4 / 3 = 26,67 → 27; 100 − 27 = 73 × 2,50 = 182,5 → 183.
    const f = followUpGuarantee(g, [order("A", 20, "2026-05-01")], d("2026-12-31"));
    expect([f.quarters, f.total.forecast.toNumber(), f.expectedShortfallAmount.toNumber()]).toEqual([3, 27, 183]);
  });
});

describe("forecastYear", () => {
  it("takes the four quarters as they are once all are reported, and rounds a one-off scale-up half up", () => {
    expect(forecastYear("one-off", [A(1), A(2), A(3), A(4)], 4).toNumber()).toBe(10);
    expect(forecastYear("periodic", [A(1), A(2), A(3), A(4)], 4).toNumber()).toBe(10);
    expect(forecastYear("one-off", [A(1), A(0), A(0), A(0)], 3).toNumber()).toBe(1); // 4/3 = 1,33 → 1
    expect(forecastYear("one-off", [A(1), A(1), A(0), A(0)], 3).toNumber()).toBe(3); // 8/3 = 2,67 → 3
    expect(forecastYear("periodic", [A(5), A(0), A(0), A(0)], 1).toNumber()).toBe(20); // 5 + 3 × 5
  });
});
