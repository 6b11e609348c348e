import fc from "fast-check";
import { compareHosting } from "../../src/core/hosting";
import { toAmount, sumAmounts } from "../../src/core/money";

const KEY = [
  { member: "Bollnäs", weight: toAmount(26_279) },
  { member: "Ljusdal", weight: toAmount(18_853) },
  { member: "Ovanåker", weight: toAmount(11_405) },
];
const CLOUD = { name: "Moln", monthly: [{ label: "Licens", amount: 38_500 }, { label: "Support", amount: 6_000 }], oneOff: [{ label: "Flytt", amount: 50_000 }, { label: "Utbildning", amount: 24_000 }] };
const OWN = { name: "Egen drift", monthly: [{ label: "Drift", amount: 31_000 }, { label: "Personal", amount: 9_500 }], oneOff: [{ label: "Servrar", amount: 260_000 }, { label: "Installation", amount: 40_000 }] };

describe("compareHosting", () => {
  it("spreads a 50 000 move over 36 months as 32 × 1 389 + 4 × 1 388, never 36 × 1 388 = 49 968, to the krona for every kommun", () => {
    const r = compareHosting([{ name: "Flytt", monthly: [], oneOff: [{ label: "Flytt", amount: 50_000 }] }], KEY, 36, { year: 2027, month: 1 });
    const months = r.options[0].months.map((m) => m.toFixed());
    expect(months.filter((m) => m === "1389")).toHaveLength(32);
    expect(months.filter((m) => m === "1388")).toHaveLength(4);
    expect(sumAmounts(r.options[0].months).toFixed()).toBe("50000");
    expect(r.options[0].members.map((m) => [m.member, m.total.toFixed(), sumAmounts(m.months).toFixed()])).toEqual([
      ["Bollnäs", "23241", "23241"], ["Ljusdal", "16673", "16673"], ["Ovanåker", "10086", "10086"],
    ]);
  });

  it("compares cloud and own operation over 36 months from January 2027, per year and per kommun", () => {
    const r = compareHosting([CLOUD, OWN], KEY, 36, { year: 2027, month: 1 });
    const [cloud, own] = r.options;
    expect([cloud.total.toFixed(), own.total.toFixed()]).toEqual(["1676000", "1758000"]);
    expect(cloud.years.map((y) => [y.year, y.amount.toFixed()])).toEqual([[2027, "558672"], [2028, "558668"], [2029, "558660"]]);
    expect(own.years.map((y) => [y.year, y.amount.toFixed()])).toEqual([[2027, "586008"], [2028, "585996"], [2029, "585996"]]);
    expect(r.difference!.total.toFixed()).toBe("-82000");
    expect(r.difference!.years.map((y) => y.toFixed())).toEqual(["-27336", "-27328", "-27336"]);
    expect(r.difference!.members.map((m) => [m.member, m.total.toFixed()])).toEqual([["Bollnäs", "-38114"], ["Ljusdal", "-27344"], ["Ovanåker", "-16542"]]);
    expect(sumAmounts(r.difference!.members.map((m) => m.total)).toFixed()).toBe("-82000");
  });

  it("counts years by the calendar when the period starts mid-year", () => {
    const r = compareHosting([CLOUD], KEY, 36, { year: 2027, month: 7 });
    expect(r.options[0].years.map((y) => [y.year, y.months])).toEqual([[2027, 6], [2028, 12], [2029, 12], [2030, 6]]);
  });

  it("sums exactly per member, per month and per year, both ways (property)", () => {
    const money = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(fc.property(money, money, fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), (monthly, oneOff, weights, months, startMonth) => {
      fc.pre(weights.some((w) => w > 0));
      const key = weights.map((w, i) => ({ member: `K${i}`, weight: toAmount(w) }));
      const r = compareHosting([{ name: "A", monthly: [{ label: "m", amount: monthly }], oneOff: [{ label: "o", amount: oneOff }] }], key, months, { year: 2027, month: startMonth });
      const o = r.options[0];
      expect(sumAmounts(o.months).equals(o.total)).toBe(true);
      expect(sumAmounts(o.members.map((m) => m.total)).equals(o.total)).toBe(true);
      for (const m of o.members) {
        expect(sumAmounts(m.months).equals(m.total)).toBe(true);
        expect(sumAmounts(m.years).equals(m.total)).toBe(true);
      }
      o.months.forEach((amount, j) => expect(sumAmounts(o.members.map((m) => m.months[j])).equals(amount)).toBe(true));
      o.years.forEach((y, j) => expect(sumAmounts(o.members.map((m) => m.years[j])).equals(y.amount)).toBe(true));
    }), { numRuns: 60 });
  });
});
