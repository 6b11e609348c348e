import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { KeyEntry, allocate, allocateHierarchy, keySharesPercent, mixedMethod } from "../../src/core/allocation";

const key = (pairs: [string, number | string][]): KeyEntry[] => pairs.map(([member, w]) => ({ member, weight: new Amount(w) }));
const amounts = (parts: { amount: Amount }[]) => parts.map((p) => p.amount.toNumber());

// DOMAIN.md §2 worked example: 100 000 kr, 50 % rak andel + 50 % by inhabitants.
const inhabitants = key([["Ask", 12345], ["Björkby", 6789], ["Ceder", 25010], ["Dal", 3001]]);

describe("allocate", () => {
  it("reproduces the worked example of DOMAIN.md exactly", () => {
    expect(amounts(allocate(100000, inhabitants, mixedMethod("0.5")))).toEqual([25593, 19700, 39024, 15683]);
  });

  it("splits by driver", () => {
    expect(amounts(allocate(1000, key([["A", 1], ["B", 3]])))).toEqual([250, 750]);
  });

  it("splits in equal shares (rak andel), ignoring weights but not exclusions", () => {
    expect(amounts(allocate(100, key([["A", 5], ["B", 1], ["C", 0]]), { kind: "equal" }))).toEqual([50, 50, 0]);
  });

  it("excludes a member with weight 0 from the equal part of a mixed key too", () => {
    const parts = allocate(900, key([["A", 1], ["B", 1], ["C", 0]]), mixedMethod("0.5"));
    expect(amounts(parts)).toEqual([450, 450, 0]);
  });

  it("uses fixed percentages that sum to 100 %", () => {
    expect(amounts(allocate(1000, key([["A", "0.25"], ["B", "0.75"]]), { kind: "fixed" }))).toEqual([250, 750]);
    expect(() => allocate(1000, key([["A", "0.25"], ["B", "0.70"]]), { kind: "fixed" })).toThrow(expect.objectContaining({ code: "PERCENT_SUM" }));
  });

  it("rounds to öre on request", () => {
    expect(allocate(100, key([["A", 1], ["B", 1], ["C", 1]]), { kind: "driver" }, 2).map((p) => p.amount.toFixed(2))).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("rejects bad keys with Swedish messages", () => {
    expect(() => allocate(100, [])).toThrow(expect.objectContaining({ code: "EMPTY_KEY" }));
    expect(() => allocate(100, key([["A", 1], [" a ", 2]]))).toThrow(expect.objectContaining({ code: "DUPLICATE_MEMBER" }));
    expect(() => allocate(100, key([["A", 1], ["B", -2]]))).toThrow(expect.objectContaining({ code: "NEGATIVE_WEIGHT" }));
    expect(() => allocate(100, key([["A", 0], ["B", 0]]))).toThrow(expect.objectContaining({ code: "ZERO_WEIGHTS" }));
    expect(() => allocate(100, key([["A", 1]]), { kind: "driver" }, 3)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => mixedMethod("1.5")).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
  });

  it("credits a surplus back symmetrically", () => {
    expect(amounts(allocate(-100000, inhabitants, mixedMethod("0.5")))).toEqual([-25593, -19700, -39024, -15683]);
  });
});

describe("allocateHierarchy", () => {
  const tree = [
    { name: "Kommun A", children: [{ name: "KS", weight: new Amount(120) }, { name: "SBF", weight: new Amount(85) }, { name: "SOU", weight: new Amount(410) }, { name: "VOO", weight: new Amount(333) }] },
    { name: "Kommun B", children: [{ name: "KS", weight: new Amount(77) }, { name: "Bolaget AB", weight: new Amount(19) }] },
    { name: "Kommun C", weight: new Amount(501) },
  ];

  it("sums exactly at every level", () => {
    const result = allocateHierarchy(1_234_567, tree);
    const sum = (nodes: { amount: Amount }[]) => nodes.reduce((s, n) => s.plus(n.amount), new Amount(0));
    expect(sum(result).toNumber()).toBe(1_234_567);
    for (const group of result) if (group.children) expect(sum(group.children).equals(group.amount)).toBe(true);
  });

  it("weights a group by the sum of its members", () => {
    const result = allocateHierarchy(1000, [{ name: "G", children: [{ name: "a", weight: new Amount(1) }, { name: "b", weight: new Amount(2) }] }, { name: "H", weight: new Amount(1) }]);
    expect(result.map((n) => n.amount.toNumber())).toEqual([750, 250]);
    expect(result[0].children!.map((n) => n.amount.toNumber())).toEqual([250, 500]);
  });
});

describe("properties", () => {
  const entriesArb = fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 30 })
    .filter((ws) => ws.some((w) => w > 0))
    .map((ws) => ws.map((w, i) => ({ member: `M${i}`, weight: new Amount(w) })));

  it("a mixed key's parts sum exactly and zero weight gives zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), entriesArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2 }), (total, entries, pct, decimals) => {
        const parts = allocate(total, entries, mixedMethod(new Amount(pct).dividedBy(100)), decimals);
        expect(parts.reduce((s, p) => s.plus(p.amount), new Amount(0)).toNumber()).toBe(total);
        parts.forEach((p) => p.weight.isZero() && expect(p.amount.isZero()).toBe(true));
      }),
      { numRuns: 700 },
    );
  });

  it("shown percent shares sum to exactly 100,00", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const shares = keySharesPercent(entries);
        expect(shares.reduce((s, x) => s.plus(x), new Amount(0)).toFixed(2)).toBe("100.00");
        shares.forEach((s) => expect(s.decimalPlaces()).toBeLessThanOrEqual(2));
      }),
      { numRuns: 500 },
    );
  });
});
