import fc from "fast-check";
import { Amount, ZERO } from "../../src/core/money";
import { byInvoicingParty } from "../../src/core/invoicingParties";
import { InvoiceBasis } from "../../src/core/invoiceBasis";

const A = (v: number) => new Amount(v);
const basisOf = (units: [string, number[]][]): InvoiceBasis => ({
  period: { year: 2027, kind: "quarter", index: 2 } as never,
  members: units.map(([member, amounts]) => ({ member, lines: amounts.map((a, i) => ({ component: "medlemsbidrag" as const, text: `rad ${i}`, source: "nyckel", amount: A(a) })), total: amounts.reduce((s, a) => s.plus(a), ZERO) })),
  checks: [],
});

describe("invoices to the parties that pay", () => {
  it("gives a kommun its units' lines under their names and their exact sum; a bolag stays its own party", () => {
    const basis = basisOf([["KS Ask", [100, 1]], ["Skola Ask", [250]], ["Ask Energi AB", [40]]]);
    const parties = byInvoicingParty(basis, new Map([["ks ask", "Ask kommun"], ["skola ask", "Ask kommun"]]));
    expect(parties.members.map((m) => [m.member, m.total.toNumber(), m.lines.map((l) => l.text)])).toEqual([
      ["Ask kommun", 351, ["KS Ask: rad 0", "KS Ask: rad 1", "Skola Ask: rad 0"]],
      ["Ask Energi AB", 40, ["rad 0"]],
    ]);
  });

  it("never loses or adds a krona: every party's total is its lines, and all parties sum to all units (13 units, 5 parties)", () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: -10_000, max: 1_000_000 }), { minLength: 1, maxLength: 4 }), { minLength: 13, maxLength: 13 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 13, maxLength: 13 }), (amounts, partyIndex) => {
      const units = amounts.map((a, i) => [`Enhet ${i}`, a] as [string, number[]]);
      const parties = byInvoicingParty(basisOf(units), new Map(units.map(([u], i) => [u.toLowerCase(), `Part ${partyIndex[i]}`])));
      const all = (b: InvoiceBasis) => b.members.reduce((s, m) => s.plus(m.total), ZERO).toString();
      expect(all(parties)).toBe(all(basisOf(units)));
      for (const p of parties.members) expect(p.total.toString()).toBe(p.lines.reduce((s, l) => s.plus(l.amount), ZERO).toString());
      expect(parties.members.length).toBe(new Set(partyIndex).size);
    }), { numRuns: 300 });
  });
});
