import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { followUpBudget } from "../../src/core/budgetFollowUp";
import { settleYear } from "../../src/core/settlement";
import { WORKED_BUDGET, WORKED_KEY } from "../fixtures/workedExample";

const A = (v: number | string) => new Amount(v);
const cost = (member: string, text: string, amount: number) => ({ member, text, amount: A(amount), fte: null, rate: null });
const booked = (section: string, category: string, amount: number, member = "") => ({ section, category, member, amount: A(amount) });

describe("budget follow-up", () => {
  const followUp = followUpBudget(WORKED_BUDGET, [cost("Ask", "Stadsnät", 12_000), cost("Dal", "Växel", 30_000)], [
    booked("Teknikplattformar", "Plattformar", 2_400_000),
    booked("teknikplattformar ", "NÄTVERK", 1_000_000),
    booked("OH", "Konsulter", 50_000),
    booked("", "Stadsnät", 11_000, "Ask"),
    booked("", "Licenser", 4_000, "Ask"),
  ]);
  it("matches outcome to lines by section and category, and lists unbudgeted outcome instead of dropping it", () => {
    const platform = followUp.sections[0];
    expect(platform.rows.map((r) => [r.category, r.budget.toNumber(), r.outcome.toNumber(), r.difference.toNumber()])).toEqual([
      ["Plattformar", 2_340_000, 2_400_000, -60_000],
      ["Nätverk", 1_205_000, 1_000_000, 205_000],
    ]);
    expect(platform.rows[0].used!.toFixed()).toBe("1.025641");
    const oh = followUp.sections[1];
    expect(oh.rows.map((r) => [r.category, r.unbudgeted])).toEqual([["Hyra", false], ["Ledning", false], ["Konsulter", true]]);
    expect(oh.rows[2].used).toBeNull();
    expect(followUp.members.map((g) => [g.label, g.rows.map((r) => r.category), g.total.outcome.toNumber()])).toEqual([
      ["Ask", ["Stadsnät", "Licenser"], 15_000],
      ["Dal", ["Växel"], 0],
    ]);
    expect([followUp.common.budget, followUp.common.outcome, followUp.total.outcome].map((a) => a.toNumber())).toEqual([4_915_000, 3_450_000, 3_465_000]);
  });

  it("settles member-specific lines at actual cost and splits the common surplus by the key, exactly", () => {
    const s = settleYear({ commonFee: 5_013_300, followUp, key: WORKED_KEY });
    expect(s.commonResult.toNumber()).toBe(5_013_300 - 3_450_000);
    expect(s.rows.map((r) => [r.member, r.specificSettlement.toNumber()])).toEqual([["Ask", -3_000], ["Björkby", 0], ["Ceder", 0], ["Dal", 30_000]]);
    expect(s.total.commonShare.equals(s.commonResult)).toBe(true);
    expect(s.total.total.toNumber()).toBe(1_563_300 + 27_000);
  });

  it("the members' settlements always sum to the organisation's result (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 10_000_000 }), (outcomes, fee) => {
      const f = followUpBudget(WORKED_BUDGET, [], WORKED_BUDGET.map((l, i) => booked(l.section, l.category, outcomes[i])));
      const s = settleYear({ commonFee: fee, followUp: f, key: WORKED_KEY });
      const members = s.rows.reduce((t, r) => t.plus(r.total), A(0));
      expect(members.equals(A(fee).minus(outcomes.reduce((a, b) => a + b, 0)))).toBe(true);
    }), { numRuns: 200 });
  });
});
