import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { InvoicePeriod } from "../../src/core/invoicePeriods";
import { Penalty, penaltyInvoices } from "../../src/core/penalties";

const A = (v: number | string) => new Amount(v);
const q = (index: number, year = 2027): InvoicePeriod => ({ year, kind: "Q", index });
const h = (index: number, year = 2027): InvoicePeriod => ({ year, kind: "H", index });
const vite = (member: string, supplier: string, period: InvoicePeriod, amount: number | string, clause = "SLA 4.2"): Penalty => ({ member, supplier, period, clause, amount: A(amount), note: "" });

describe("penaltyInvoices", () => {
  it("gives one basis per member and supplier, the member invoicing, each line with its clause, without VAT", () => {
    const invoices = penaltyInvoices([
      vite("Ask", "Leverantör AB", q(1), 10_000, "SLA 4.2"),
      vite("Dal", "Leverantör AB", q(1), 3_000),
      vite("ask ", "LEVERANTÖR AB", q(1), 2_500, "Börkrav 7"),
      vite("Ask", "Annan AB", q(1), 1_000),
    ], q(1));
    expect(invoices.map((i) => [i.member, i.supplier, i.lines.map((l) => l.clause), i.total.toNumber()])).toEqual([
      // 10 000 + 2 500, not × 1,25: penalties carry no VAT.
      ["Ask", "Leverantör AB", ["SLA 4.2", "Börkrav 7"], 12_500],
      ["Dal", "Leverantör AB", ["SLA 4.2"], 3_000],
      ["Ask", "Annan AB", ["SLA 4.2"], 1_000],
    ]);
  });

  it("takes a quarter's penalties into that quarter or the half-year holding it, and nothing from another year", () => {
    const penalties = [vite("Ask", "L", q(1), 1), vite("Ask", "L", q(2), 2), vite("Ask", "L", q(3), 4), vite("Ask", "L", q(2, 2026), 8), vite("Ask", "L", h(2), 16)];
    const total = (p: InvoicePeriod) => penaltyInvoices(penalties, p).map((i) => i.total.toNumber());
    expect(total(q(2))).toEqual([2]);
    expect(total(h(1))).toEqual([3]); // Q1 + Q2
    expect(total(h(2))).toEqual([20]); // Q3 + the H2 penalty
    // A half-year's penalty is no quarter's.
    expect(total(q(4))).toEqual([]);
  });

  it("puts every penalty of the period on exactly one basis, sums exact to the öre (property)", () => {
    const penalty = fc.record({
      member: fc.constantFrom("Ask", "ASK", "Dal"),
      supplier: fc.constantFrom("L", "M"),
      quarter: fc.integer({ min: 1, max: 4 }),
      ore: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(fc.property(fc.array(penalty, { maxLength: 30 }), fc.integer({ min: 1, max: 2 }), (raw, half) => {
      const penalties = raw.map((p) => vite(p.member, p.supplier, q(p.quarter), A(p.ore).dividedBy(100).toFixed()));
      const invoices = penaltyInvoices(penalties, h(half));
      const inPeriod = penalties.filter((p) => Math.ceil(p.period.index / 2) === half);
      expect(invoices.flatMap((i) => i.lines)).toHaveLength(inPeriod.length);
      const sum = (xs: readonly Amount[]) => xs.reduce((s, a) => s.plus(a), A(0));
      expect(sum(invoices.map((i) => i.total)).equals(sum(inPeriod.map((p) => p.amount)))).toBe(true);
      for (const i of invoices) expect(i.total.equals(sum(i.lines.map((l) => l.amount)))).toBe(true);
    }), { numRuns: 300 });
  });
});
