import { allocateByGroups, allocateByKey, compareByKeys, keyFromFile } from "../../src/app/keyAllocation";
import { Amount } from "../../src/core/money";

const file = { file: "nyckel.csv", headers: ["Medlem", "Användare 2025", "Användare 2026"], rows: [["Ask", "100", "120"], ["Björkby", "300", "280"], ["Dal", "600", "600"]], rowNumbers: [2, 3, 4] };

describe("splitting an amount by a key file", () => {
  const request = { total: new Amount(10000), equalShare: null, decimals: 0 };

  it("by the chosen weight column, parts summing to the total", () => {
    const { parts, weightSum } = allocateByKey(request, keyFromFile(file as never, "Användare 2025"));
    expect(parts.map((p) => p.amount.toFixed())).toEqual(["1000", "3000", "6000"]);
    expect(weightSum.toFixed()).toBe("1000");
  });

  it("with an equal share: half split equally, half by weight", () => {
    const { parts } = allocateByKey({ ...request, equalShare: new Amount("0.5") }, keyFromFile(file as never, "Användare 2025"));
    // 1 666,67 each and 500, 1 500, 3 000 by weight; the two kronor left go to the larger weights.
    expect(parts.map((p) => p.amount.toFixed())).toEqual(["2166", "3167", "4667"]);
    expect(parts.reduce((s, p) => s.plus(p.amount), new Amount(0)).toFixed()).toBe("10000");
  });

  it("compares two columns at the same total, the changes summing to zero", () => {
    const { rows } = compareByKeys(request, keyFromFile(file as never, "Användare 2025"), keyFromFile(file as never, "Användare 2026"));
    expect(rows.map((r) => [r.member, r.before.toFixed(), r.after.toFixed(), r.change.toFixed()])).toEqual([["Ask", "1000", "1200", "200"], ["Björkby", "3000", "2800", "-200"], ["Dal", "6000", "6000", "0"]]);
  });

  it("in two levels through the key's group rows, exact at both", () => {
    const grouped = { ...file, rows: [["Norr", "", ""], ["Ask", "100", "120"], ["Björkby", "300", "280"], ["Söder", "", ""], ["Dal", "600", "600"]], rowNumbers: [2, 3, 4, 5, 6] };
    const { groups, weightSum } = allocateByGroups(request, keyFromFile(grouped as never, "Användare 2025"));
    expect(groups.map((g) => [g.name, g.amount.toFixed(), (g.children ?? []).map((c) => c.amount.toFixed())])).toEqual([["Norr", "4000", ["1000", "3000"]], ["Söder", "6000", ["6000"]]]);
    expect(weightSum.toFixed()).toBe("1000");
    expect(() => allocateByGroups(request, keyFromFile(file as never, "Användare 2025"))).toThrow("inga grupprader");
  });
});
