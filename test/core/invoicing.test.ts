import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { formatIsoDate, parseDate } from "../../src/core/dates";
import { KeyVersion } from "../../src/core/keyVersions";
import { invoicedTable, yearSchedule } from "../../src/core/invoicing";

const A = (v: number | string) => new Amount(v);
const n = (values: readonly Amount[]) => values.map((v) => v.toNumber());
const sum = (values: readonly Amount[]) => values.reduce((s, v) => s.plus(v), A(0));
const version = (name: string, validFrom: string, weights: Record<string, number>): KeyVersion => ({
  name, driver: "Användare", referenceDate: null, validFrom: parseDate(validFrom), entries: Object.entries(weights).map(([member, w]) => ({ member, weight: A(w) })),
});

// The worked example's true-up and the schedule's sums under random keys are in
// test/core/keyVersions.test.ts; this file pins periods, members and the invoiced table.

describe("yearSchedule", () => {
  it("starts the periods on the first of every 12/n months", () => {
    const halves = yearSchedule({ fee: 100, versions: [version("v", "2026-01-01", { Ask: 1 })], year: 2026, periodsPerYear: 2 });
    expect(halves.periods.map((p) => [p.index, formatIsoDate(p.from)])).toEqual([[1, "2026-01-01"], [2, "2026-07-01"]]);
    const months = yearSchedule({ fee: 100, versions: [version("v", "2026-01-01", { Ask: 1 })], year: 2026, periodsPerYear: 12 });
    expect(months.periods.map((p) => formatIsoDate(p.from)).slice(10)).toEqual(["2026-11-01", "2026-12-01"]);
  });

  it("refuses a period count that does not divide the year into whole months", () => {
    const input = { fee: 100, versions: [version("v", "2026-01-01", { Ask: 1 })], year: 2026 };
    expect(() => yearSchedule({ ...input, periodsPerYear: 5 })).toThrow("ett år kan inte delas i 5 lika långa perioder av hela månader; välj 1, 2, 3, 4, 6 eller 12");
    expect(() => yearSchedule({ ...input, periodsPerYear: 0 })).toThrow("antal perioder måste vara ett heltal från 1 till 1200, inte 0");
  });

  it("brings in a member that joins mid-year with zero for the periods before, and trues up a member that leaves to zero", () => {
    // 1 200 kr per year, quarterly. Q1 by v1 (A 1 : B 1) 150 / 150; Q2 by v2 (A 1 : B 2) 100 / 200;
    // Q3 and Q4 by v3 (A 1 : B 0 : C 1) 150 / 0 / 150.
    const s = yearSchedule({
      fee: 1200, year: 2026, periodsPerYear: 4,
      versions: [version("v1", "2026-01-01", { A: 1, B: 1 }), version("v2", "2026-04-01", { A: 1, B: 2 }), version("v3", "2026-07-01", { A: 1, B: 0, C: 1 })],
    });
    expect(s.members).toEqual(["A", "B", "C"]);
    expect(s.periods.map((p) => [p.version.name, n(p.amounts), n(p.trueUps)])).toEqual([
      ["v1", [150, 150, 0], [0, 0, 0]],
      // Q1 under v2 is 100 / 200 / 0 against 150 / 150 / 0 invoiced.
      ["v2", [100, 200, 0], [-50, 50, 0]],
      // Q1 and Q2 under v3 are 150 / 0 / 150 each against 100 / 200 / 0 each.
      ["v3", [150, 0, 150], [100, -400, 300]],
      ["v3", [150, 0, 150], [0, 0, 0]],
    ]);
    const table = invoicedTable(s);
    expect(table.rows.map((r) => [r.member, n(r.periods), r.year.toNumber()])).toEqual([
      ["A", [150, 50, 250, 150], 600],
      ["B", [150, 250, -400, 0], 0],
      ["C", [0, 0, 450, 150], 600],
    ]);
    expect([n(table.total.periods), table.total.year.toNumber(), n(table.trueUpTotals)]).toEqual([[300, 300, 300, 300], 1200, [0, 0, 0, 0]]);
    expect(table.trueUps.map((t) => [t.member, n(t.periods)])).toEqual([["A", [0, -50, 100, 0]], ["B", [0, 50, -400, 0]], ["C", [0, 0, 300, 0]]]);
  });

  it("splits to öre when asked: the organisation's periods take the leftover öre first", () => {
    // 1 000,03 in quarters: 250,0075 each; the three leftover öre go to Q1–Q3.
    const s = yearSchedule({ fee: "1000.03", versions: [version("v", "2026-01-01", { Ask: 1, Dal: 2 })], year: 2026, periodsPerYear: 4, decimals: 2 });
    expect(s.periods.map((p) => p.total.toFixed(2))).toEqual(["250.01", "250.01", "250.01", "250.00"]);
    for (const p of s.periods) expect(sum(p.amounts).equals(p.total)).toBe(true);
  });
});

describe("invoicedTable", () => {
  it("rows sum to each member's year, columns to the organisation's periods, true-ups to zero (property)", () => {
    const weights = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }).filter((w) => w.some((x) => x > 0));
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), weights, weights, fc.integer({ min: 2, max: 12 }), fc.constantFrom(1, 2, 3, 4, 6, 12), (fee, w1, w2, month, periods) => {
      const names = ["Ask", "Björkby", "Ceder"];
      const versions = [
        version("gammal", "2025-01-01", Object.fromEntries(names.map((m, i) => [m, w1[i]]))),
        version("ny", `2026-${String(month).padStart(2, "0")}-01`, Object.fromEntries(names.map((m, i) => [m, w2[i]]))),
      ];
      const table = invoicedTable(yearSchedule({ fee, versions, year: 2026, periodsPerYear: periods }));
      for (const r of table.rows) expect(r.year.equals(sum(r.periods))).toBe(true);
      table.total.periods.forEach((total, p) => expect(sum(table.rows.map((r) => r.periods[p])).equals(total)).toBe(true));
      expect(table.total.year.toNumber()).toBe(fee);
      expect(table.trueUpTotals.every((t) => t.isZero())).toBe(true);
    }), { numRuns: 200 });
  });
});
