import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { annualCost, checkBudget, feeFromBudget, memberCostAmount } from "../../src/core/budget";
import { allocate } from "../../src/core/allocation";
import { periodTable } from "../../src/core/periods";
import { memberId } from "../../src/core/memberIdentity";
import { normaliseHeader } from "../../src/core/cells";
import { WORKED_BUDGET, WORKED_KEY, budgetLine } from "../fixtures/workedExample";

const A = (v: number | string) => new Amount(v);
const n = (values: readonly Amount[]) => values.map((v) => v.toNumber());
const sum = (values: readonly Amount[]) => values.reduce((s, v) => s.plus(v), A(0));
const line = budgetLine;

describe("the yearly financing cycle, worked example of DOMAIN.md §3", () => {
  it("takes the fee from the budget: Summa årskostnad + uplift on that sum", () => {
    expect(checkBudget(WORKED_BUDGET)).toEqual([]);
    expect(annualCost(WORKED_BUDGET).toNumber()).toBe(4_915_000);
    const fee = feeFromBudget(annualCost(WORKED_BUDGET), "0.02", 4_900_000);
    expect([fee.budgetTotal, fee.uplift, fee.fee, fee.change!].map((a) => a.toNumber())).toEqual([4_915_000, 98_300, 5_013_300, -113_300]);
    expect(fee.changeLabel).toBe("Bidraget höjs med 113\u00a0300\u00a0kr mot föregående år");
  });

  it("splits the fee by users, and every quarter by controlled rounding to the organisation's 1 253 325", () => {
    const parts = allocate(5_013_300, WORKED_KEY);
    expect(n(parts.map((p) => p.amount))).toEqual([1_454_673, 816_036, 2_323_929, 418_662]);
    const table = periodTable(parts.map((p) => p.amount), 4);
    expect(n(table.periodTotals)).toEqual([1_253_325, 1_253_325, 1_253_325, 1_253_325]);
    for (let q = 0; q < 4; q++) expect(sum(table.cells.map((row) => row[q])).toNumber()).toBe(1_253_325);
    table.cells.forEach((row, i) => expect(sum(row).equals(parts[i].amount)).toBe(true));
    // Each member's quarters rounded on their own give 1 253 327 in Q1; that is what this avoids.
    const naive = parts.map((p) => [0, 1, 2, 3].map((q) => p.amount.dividedBy(4).toDecimalPlaces(0, q < p.amount.modulo(4).toNumber() ? Amount.ROUND_UP : Amount.ROUND_DOWN)));
    expect(sum(naive.map((row) => row[0])).toNumber()).toBe(1_253_327);
  });

  it("uplift is rounded half up, and a fee that falls is labelled as falling", () => {
    expect(feeFromBudget(1001, "0.005").uplift.toNumber()).toBe(5); // 5,005 → 5
    expect(feeFromBudget(1100, "0.005").uplift.toNumber()).toBe(6); // 5,5 → 6
    expect(feeFromBudget(1000, "0.02", 1100).changeLabel).toBe("Bidraget sänks med 80\u00a0kr mot föregående år");
    expect(feeFromBudget(1000, "0", 1000).changeLabel).toMatch("oförändrat");
    expect(feeFromBudget(1000, "0.02").change).toBeNull();
  });
});

describe("checkBudget", () => {
  it("explains a line whose Summa kategori is not its parts and a total that is not its lines, and never corrects them", () => {
    const rows = [
      ...WORKED_BUDGET.slice(0, 2),
      line("Teknikplattformar", "Summa Teknikplattformar", 1_550_000, "3.5", 1_995_000, 3_545_000),
      line("OH", "Hyra", 420_000, 0, 0, 421_000),
    ];
    const findings = checkBudget(rows);
    expect(findings.map((f) => [f.kind, f.row, f.column, f.expected?.toNumber(), f.actual?.toNumber()])).toEqual([["rule", "Hyra", "Summa kategori", 420_000, 421_000]]);
    // The decided figure is used as it stands: 2 340 000 + 1 205 000 + 421 000.
    expect(annualCost(rows).toNumber()).toBe(3_966_000);
    const badTotal = [...WORKED_BUDGET.slice(0, 2), line("Teknikplattformar", "Summa Teknikplattformar", 1_550_000, "3.5", 1_995_000, 3_545_001)];
    expect(checkBudget(badTotal).map((f) => [f.kind, f.row, f.column, f.difference?.toNumber()])).toEqual([
      // One finding per wrong cell, however many checks it fails.
      ["total-row", "Summa Teknikplattformar", "Summa kategori", 1],
    ]);
  });
  it("derives Summa kategori when the budget has no such column", () => {
    const rows = WORKED_BUDGET.map((r) => ({ ...r, categorySum: null }));
    expect(checkBudget(rows)).toEqual([]);
    expect(annualCost(rows).toNumber()).toBe(4_915_000);
  });
});

describe("member-specific costs", () => {
  it("are an amount or FTE × rate, rounded half up", () => {
    expect(memberCostAmount({ member: "Ask", text: "Stadsnät", amount: A(12_000), fte: null, rate: null }).toNumber()).toBe(12_000);
    expect(memberCostAmount({ member: "Ask", text: "Systemägare", amount: null, fte: A("0.35"), rate: A(570_001) }).toNumber()).toBe(199_500); // 199 500,35
    expect(() => memberCostAmount({ member: "Ask", text: "Växel", amount: null, fte: A(1), rate: null })).toThrow("Växel");
  });
});

describe("periodTable: controlled rounding", () => {
  const years = fc.array(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), { minLength: 1, maxLength: 40 });
  it("every row sums to its year, every column to the organisation's period, every cell is floor or ceil (property)", () => {
    fc.assert(fc.property(years, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 }), (raw, periods, decimals) => {
      const amounts = raw.map((r) => A(r).dividedBy(100).toDecimalPlaces(decimals, Amount.ROUND_DOWN));
      const { cells, periodTotals } = periodTable(amounts, periods, decimals);
      const total = sum(amounts);
      expect(sum(periodTotals).equals(total)).toBe(true);
      expect(Amount.max(...periodTotals).minus(Amount.min(...periodTotals)).lessThanOrEqualTo(A(1).dividedBy(10 ** decimals))).toBe(true);
      cells.forEach((row, i) => {
        expect(sum(row).equals(amounts[i])).toBe(true);
        const exact = amounts[i].dividedBy(periods);
        for (const cell of row) {
          expect(cell.greaterThanOrEqualTo(exact.toDecimalPlaces(decimals, Amount.ROUND_FLOOR))).toBe(true);
          expect(cell.lessThanOrEqualTo(exact.toDecimalPlaces(decimals, Amount.ROUND_CEIL))).toBe(true);
        }
      });
      for (let j = 0; j < periods; j++) expect(sum(cells.map((row) => row[j])).equals(periodTotals[j])).toBe(true);
    }), { numRuns: 400 });
  });
  it("handles ties: many equal members, all in the same remainder class (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 12 }), (members, year, periods) => {
      const { cells, periodTotals } = periodTable(new Array(members).fill(A(year)), periods);
      for (let j = 0; j < periods; j++) expect(sum(cells.map((row) => row[j])).equals(periodTotals[j])).toBe(true);
      for (const row of cells) expect(sum(row).toNumber()).toBe(year);
    }), { numRuns: 300 });
  });
  it("is deterministic: the same input gives the same table", () => {
    const input = [A(1_454_673), A(816_036), A(2_323_929), A(418_662)];
    expect(periodTable(input, 4)).toEqual(periodTable(input, 4));
  });
});

describe("memberId: one identity rule", () => {
  it("matches NFC and NFD, zero-width and NUL characters, case and every kind of space", () => {
    const plain = memberId("Björkby");
    expect(memberId("Bjo\u0308rkby")).toBe(plain);
    expect(memberId("Bj\u200börkby")).toBe(plain);
    expect(memberId("Björk\u0000by")).toBe(plain);
    expect(memberId("\uFEFF BJÖRKBY\u00a0")).toBe(plain);
    expect(memberId("Ask\u202Fkommun")).toBe(memberId("ask  kommun"));
    expect(memberId("Björkby")).not.toBe(memberId("Björkby 2"));
  });

  it("drops every format character (Unicode Cf), bidirectional marks included, for names and headers alike", () => {
    const plain = memberId("Björkby");
    for (const mark of ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u2063", "\u{e0041}"]) {
      expect(memberId(`${mark}Björk${mark}by${mark}`)).toBe(plain);
      expect(normaliseHeader(`${mark}Vikt${mark}:`)).toBe(normaliseHeader("vikt"));
    }
    expect(memberId("Björkby")).not.toBe(memberId("Björkb y"));
  });
});
