import { Amount } from "../../src/core/money";
import { compareKeys } from "../../src/core/keyComparison";

const key = (pairs: [string, number][]) => pairs.map(([member, w]) => ({ member, weight: new Amount(w) }));

describe("compareKeys", () => {
  const oldKey = key([["Ask", 100], ["Björkby", 200], ["Ceder", 0]]);
  const newKey = key([["Ask", 110], ["Björkby", 190], ["Dal", 33]]);
  const { rows, total } = compareKeys(oldKey, newKey);

  it("lists new members first, then members that left, with users, shares and changes", () => {
    expect(rows.map((r) => r.member)).toEqual(["Ask", "Björkby", "Dal", "Ceder"]);
    const ask = rows[0];
    expect(ask.oldWeight.toNumber()).toBe(100);
    expect(ask.newWeight.toNumber()).toBe(110);
    expect(ask.weightChange.toNumber()).toBe(10);
    expect(ask.oldShare.toFixed(2)).toBe("33.33");
    expect(ask.newShare.toFixed(2)).toBe("33.03");
    expect(ask.pointChange.toFixed(2)).toBe("-0.30");
    expect(rows[2].oldShare.isZero()).toBe(true);
  });

  it("shows both keys summing to exactly 100,00 % and the points changing by zero in total", () => {
    expect(total.oldShare.toFixed(2)).toBe("100.00");
    expect(total.newShare.toFixed(2)).toBe("100.00");
    expect(total.pointChange.isZero()).toBe(true);
    expect(total.weightChange.toNumber()).toBe(33);
  });
});

describe("compareKeys against no earlier version", () => {
  it("gives old shares of 0 and the whole new share as the change", () => {
    const c = compareKeys([], key([["Ask", 1], ["Dal", 3]]));
    expect(c.rows.map((r) => [r.oldShare.toNumber(), r.newShare.toNumber(), r.pointChange.toNumber()])).toEqual([[0, 25, 25], [0, 75, 75]]);
  });
});
