import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { annualCost, memberCostAmount } from "../../src/core/budget";
import { followUpBudget } from "../../src/core/budgetFollowUp";
import { WORKED_BUDGET, budgetLine } from "../fixtures/workedExample";

const A = (v: number | string) => new Amount(v);
const booked = (section: string, category: string, amount: number | string, member = "") => ({ section, category, member, amount: A(amount) });
const fixed = (member: string, text: string, amount: number) => ({ member, text, amount: A(amount), fte: null, rate: null });
const n = (a: Amount) => a.toNumber();

// Matching by section and category, unbudgeted outcome and the worked example's totals are in
// test/core/settlement.test.ts; this file pins the rest of the follow-up's rules.

describe("followUpBudget", () => {
  it("adds up several outcomes booked on one line, and never counts a budget total row as a line", () => {
    const budget = [budgetLine("OH", "Hyra", 420_000, 0, 0, 420_000), budgetLine("OH", "Summa OH", 420_000, 0, 0, 420_000)];
    const f = followUpBudget(budget, [], [booked("OH", "Hyra", 100_000), booked("oh", "hyra", 250_000)]);
    expect(f.sections.map((g) => [g.label, g.rows.map((r) => [r.category, n(r.budget), n(r.outcome), n(r.difference)])])).toEqual([
      ["OH", [["Hyra", 420_000, 350_000, 70_000]]],
    ]);
    expect([n(f.common.budget), n(f.total.outcome)]).toEqual([420_000, 350_000]);
  });

  it("budgets a line as Driftbudget + Personalkostnader when the budget has no Summa kategori", () => {
    const f = followUpBudget(WORKED_BUDGET.map((r) => ({ ...r, categorySum: null })), [], []);
    // Nätverk: 350 000 + 855 000.
    expect(n(f.sections[0].rows[1].budget)).toBe(1_205_000);
    expect(n(f.common.budget)).toBe(4_915_000);
  });

  it("budgets a member-specific line at FTE × rate and matches its outcome by member and text, in any case", () => {
    const owner = { member: "Ask", text: "Systemägare", amount: null, fte: A("0.5"), rate: A(950_000) };
    const f = followUpBudget([], [owner], [booked("", "SYSTEMÄGARE", 500_000, "ask")]);
    expect(f.members.map((g) => [g.label, g.rows.map((r) => [r.category, n(r.budget), n(r.outcome), n(r.difference), r.unbudgeted])])).toEqual([
      ["Ask", [["Systemägare", 475_000, 500_000, -25_000, false]]],
    ]);
    expect(f.members[0].total.used!.toFixed()).toBe("1.052632"); // 500 000 / 475 000 = 1,0526315…
  });

  it("gives outcome of an unknown member its own group and of an unknown section its own section, after the budgeted ones", () => {
    const f = followUpBudget(WORKED_BUDGET, [fixed("Ask", "Stadsnät", 12_000)], [booked("Projekt", "Konsulter", 7_000), booked("", "Licenser", 4_000, "Dal")]);
    expect(f.sections.map((g) => g.label)).toEqual(["Teknikplattformar", "OH", "Projekt"]);
    expect(f.sections[2].rows.map((r) => [r.category, n(r.budget), n(r.outcome), r.unbudgeted, r.used])).toEqual([["Konsulter", 0, 7_000, true, null]]);
    expect(f.members.map((g) => [g.label, g.rows.map((r) => [r.category, r.unbudgeted])])).toEqual([["Ask", [["Stadsnät", false]]], ["Dal", [["Licenser", true]]]]);
  });

  it("labels each group's total and rounds the share used to six decimals, half up", () => {
    const budget = [budgetLine("OH", "Hyra", 3, 0, 0, 3), budgetLine("OH", "El", 3, 0, 0, 3)];
    const f = followUpBudget(budget, [], [booked("OH", "Hyra", 1), booked("OH", "El", 2)]);
    // 1/3 = 0,333333…; 2/3 = 0,666666… rounds up to 0,666667; the group used 3 of 6.
    expect(f.sections[0].rows.map((r) => r.used!.toFixed())).toEqual(["0.333333", "0.666667"]);
    expect([f.sections[0].total.section, f.sections[0].total.used!.toFixed()]).toEqual(["Summa OH", "0.5"]);
    expect([f.common.section, f.memberSpecific.section, f.total.section]).toEqual(["Summa gemensam budget", "Summa medlemsspecifikt", "Summa totalt"]);
  });

  it("puts every krona booked and budgeted in the totals, and every total is budget − outcome (property)", () => {
    const sections = ["Teknikplattformar", "OH", "Projekt"];
    const outcome = fc.record({
      section: fc.constantFrom(...sections),
      category: fc.constantFrom("Plattformar", "Nätverk", "Hyra", "Ledning", "Konsulter"),
      member: fc.constantFrom("", "", "Ask", "Dal"),
      ore: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    });
    fc.assert(fc.property(fc.array(outcome, { maxLength: 30 }), fc.integer({ min: 0, max: 100_000 }), (raw, specific) => {
      const outcomes = raw.map((o) => booked(o.section, o.category, A(o.ore).dividedBy(100).toFixed(), o.member));
      const costs = [fixed("Ask", "Hyra", specific), fixed("Dal", "Nätverk", 1_000)];
      const f = followUpBudget(WORKED_BUDGET, costs, outcomes);
      const bookedTotal = outcomes.reduce((s, o) => s.plus(o.amount), A(0));
      const budgeted = annualCost(WORKED_BUDGET).plus(costs.reduce((s, c) => s.plus(memberCostAmount(c)), A(0)));
      expect(f.total.outcome.equals(bookedTotal)).toBe(true);
      expect(f.total.budget.equals(budgeted)).toBe(true);
      for (const g of [...f.sections, ...f.members]) {
        const rows = g.rows.reduce((s, r) => s.plus(r.outcome), A(0));
        expect(g.total.outcome.equals(rows)).toBe(true);
        for (const r of [...g.rows, g.total]) expect(r.difference.equals(r.budget.minus(r.outcome))).toBe(true);
      }
      expect(f.common.outcome.plus(f.memberSpecific.outcome).equals(f.total.outcome)).toBe(true);
      expect(f.total.difference.equals(f.total.budget.minus(f.total.outcome))).toBe(true);
    }), { numRuns: 200 });
  });
});
