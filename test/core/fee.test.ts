import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { feeFromBudget } from "../../src/core/budget";
import { memberFees, settle, spreadOneOff, uplift } from "../../src/core/fee";
import { splitPeriods } from "../../src/core/periods";

const A = (v: number | string) => new Amount(v);
const key = [{ member: "Ask", weight: A(300) }, { member: "Björkby", weight: A(100) }, { member: "Ceder", weight: A(200) }];

describe("uplift", () => {
  it("gives exactly the core's fee (Summa + round(Summa × rate)) for any budget, negative uplifts included", () => {
    // The fee sheet computes the fee with UPPRAKNA; the pane with feeFromBudget: they must agree.
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -9999, max: 9999 }), (total, basisPoints) => {
      const rate = new Amount(basisPoints).dividedBy(10_000);
      expect(uplift(total.toString(), rate).toString()).toBe(feeFromBudget(total.toString(), rate).fee.toString());
    }), { numRuns: 2000 });
    // 1 kr at −50 %: the uplift is −0,50, rounded half away from zero to −1, so the fee is 0, not 1.
    expect(uplift(1, "-0.5").toNumber()).toBe(0);
  });

  it("uplifts by a percentage over years, rounded half up", () => {
    expect(uplift(1_000_000, "0.02").toNumber()).toBe(1_020_000);
    expect(uplift(1000, "0.025", 2, 2).toFixed(2)).toBe("1050.63");
    expect(uplift(100, "0.005").toNumber()).toBe(101); // 100,5 → 101
  });
});

describe("memberFees", () => {
  it("adds member-specific fixed costs to each share of the common fee", () => {
    const fees = memberFees(600_001, key, [
      { member: "Ask", label: "Stadsnät", amount: A(12_000) },
      { member: "ask", label: "Växel", amount: A(3_500) },
      { member: "Ceder", label: "Historisk skuld", amount: A(-1_000) },
    ]);
    expect(fees.map((f) => f.share.toNumber())).toEqual([300_001, 100_000, 200_000]);
    expect(fees.map((f) => f.total.toNumber())).toEqual([315_501, 100_000, 199_000]);
    expect(fees.reduce((s, f) => s.plus(f.share), A(0)).toNumber()).toBe(600_001);
  });
  it("refuses a fixed cost for a member outside the key", () => {
    expect(() => memberFees(1000, key, [{ member: "Dal", label: "Nät", amount: A(1) }])).toThrow("Dal");
  });
});

describe("settlement and periods", () => {
  it("credits a surplus and debits a deficit by the key, exactly", () => {
    expect(settle(100_001, key).map((p) => p.amount.toNumber())).toEqual([50_000, 16_667, 33_334]); // exact 50 000,5 · 16 666,83 · 33 333,67
    expect(settle(-100_001, key).map((p) => p.amount.toNumber())).toEqual([-50_000, -16_667, -33_334]);
  });
  it("splits a year into quarters and half-years that sum to it", () => {
    expect(splitPeriods(1_000_003, 4).map((a) => a.toNumber())).toEqual([250_001, 250_001, 250_001, 250_000]);
    expect(splitPeriods(999, 2).map((a) => a.toNumber())).toEqual([500, 499]);
    expect(() => splitPeriods(100, 0)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
  });
  it("spreads a one-off cost over 36 months per member", () => {
    const rows = spreadOneOff(1_000_000, 36, key);
    for (const row of rows) expect(row.months.reduce((s, m) => s.plus(m), A(0)).equals(row.share)).toBe(true);
    expect(rows.reduce((s, r) => s.plus(r.share), A(0)).toNumber()).toBe(1_000_000);
  });
  it("period parts always sum to the year (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2 }), (cents, n, d) => {
        const amount = new Amount(cents).dividedBy(100).toDecimalPlaces(d, Amount.ROUND_DOWN);
        const parts = splitPeriods(amount, n, d);
        expect(parts.reduce((s, p) => s.plus(p), A(0)).equals(amount)).toBe(true);
        expect(parts.length).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});
