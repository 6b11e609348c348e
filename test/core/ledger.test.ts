import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { makeDate } from "../../src/core/dates";
import { AccountMapping, LedgerTransaction, ledgerOutcomes } from "../../src/core/ledger";

const A = (v: number | string) => new Amount(v);
let line = 0;
const trans = (account: string, amount: number | string, objects: Record<string, string> = {}, text = "", year = 2025): LedgerTransaction => ({
  account, objects, amount: A(amount), date: makeDate(year, 3, 1), text, line: ++line, voucher: `A ${line}`,
});
const rule = (account: string, member: string, supplier: string, object = "", text = ""): AccountMapping => ({ account, object, text, member, supplier });
const outcomes = (r: ReturnType<typeof ledgerOutcomes>) => r.outcomes.map((o) => [o.member, o.supplier, o.invoiced!.toFixed()]);

// The SIE fixture through the mapping is in test/io/sie.test.ts; this file pins the matching rules.

describe("ledgerOutcomes", () => {
  it("matches an object without a dimension in any dimension, and 'dim:obj' only in that dimension", () => {
    const t = [trans("5421", 100, { "1": "10" }), trans("5421", 200, { "6": "10" })];
    expect(outcomes(ledgerOutcomes(t, [rule("5421", "Ask", "Visma", "10")], 2025))).toEqual([["Ask", "Visma", "300"]]);
    const byDim = ledgerOutcomes(t, [rule("5421", "Ask", "Visma", " 6 : 10 ")], 2025);
    expect(outcomes(byDim)).toEqual([["Ask", "Visma", "200"]]);
    expect(byDim.unmapped.map((u) => u.amount.toNumber())).toEqual([100]);
  });

  it("lets the first matching row win, and matches text as part of the transaction's text in any case", () => {
    const t = [trans("5423", 50, {}, "Faktura SKOLPORTAL mars"), trans("5423", 70, {}, "Licenser")];
    const r = ledgerOutcomes(t, [rule("5423", "Ask", "Skolportal", "", "skolportal"), rule("5423", "Ask", "Övrigt")], 2025);
    expect(outcomes(r)).toEqual([["Ask", "Skolportal", "50"], ["Ask", "Övrigt", "70"]]);
    expect(r.used).toEqual([1, 1]);
  });

  it("adds rows for the same member and supplier together, credits included, under the first row's spelling", () => {
    const t = [trans("5421", "1000.50"), trans("5422", -200), trans("5421", "0.25")];
    const r = ledgerOutcomes(t, [rule("5421", "Ask", "Visma"), rule(" 5422 ", "ASK ", "visma")], 2025);
    expect(outcomes(r)).toEqual([["Ask", "Visma", "800.75"]]);
  });

  it("leaves other years out entirely and counts the year's transactions on accounts the mapping does not name", () => {
    const t = [trans("5421", 1, {}, "", 2024), trans("1930", 5), trans("1930", 6, {}, "", 2026), trans("5421", 2, { "1": "99" })];
    const r = ledgerOutcomes(t, [rule("5421", "Ask", "Visma", "1:10")], 2025);
    expect([r.outcomes, r.unmapped.map((u) => u.line), r.otherAccounts]).toEqual([[], [t[3].line], 1]);
  });

  it("accounts for every krona of the year on a mapped account: booked to an outcome or listed as unmapped (property)", () => {
    const transaction = fc.record({
      account: fc.constantFrom("5421", "5422", "1930"),
      object: fc.constantFrom("10", "20", ""),
      text: fc.constantFrom("", "Skolportal", "Licens"),
      ore: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      year: fc.constantFrom(2024, 2025),
    });
    const mapping = [rule("5421", "Ask", "Visma", "1:10"), rule("5422", "Dal", "Skolportal", "", "skolportal"), rule("5421", "Dal", "Visma", "", "licens")];
    fc.assert(fc.property(fc.array(transaction, { maxLength: 40 }), (raw) => {
      const t = raw.map((x) => trans(x.account, A(x.ore).dividedBy(100).toFixed(), x.object ? { "1": x.object } : {}, x.text, x.year));
      const r = ledgerOutcomes(t, mapping, 2025);
      const mapped = t.filter((x) => x.date.year === 2025 && x.account !== "1930");
      const total = (xs: readonly Amount[]) => xs.reduce((s, a) => s.plus(a), A(0));
      expect(total([...r.outcomes.map((o) => o.invoiced!), ...r.unmapped.map((u) => u.amount)]).equals(total(mapped.map((x) => x.amount)))).toBe(true);
      expect(r.used.reduce((a, b) => a + b, 0) + r.unmapped.length).toBe(mapped.length);
      expect(r.otherAccounts).toBe(t.filter((x) => x.date.year === 2025 && x.account === "1930").length);
    }), { numRuns: 300 });
  });
});
