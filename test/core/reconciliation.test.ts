import { Amount } from "../../src/core/money";
import fc from "fast-check";
import { FLAG_LABELS, contractDiff, findingCount, isFinding, reconcile } from "../../src/core/reconciliation";

const A = (v: number) => new Amount(v);

describe("reconcile", () => {
  const result = reconcile(
    [
      { member: "Ask", supplier: "Visma", agreed: A(100_000) },
      { member: "Ask", supplier: "Tieto", agreed: A(50_000) },
      { member: "Ask", supplier: "Tieto", agreed: A(5_000) },
      { member: "Björkby", supplier: "Visma", agreed: A(40_000) },
      { member: "Björkby", supplier: "Atea", agreed: null },
    ],
    [
      { member: "Ask", supplier: "visma", invoiced: A(112_500) },
      { member: "ASK", supplier: "Tieto", invoiced: A(55_000) },
      { member: "Björkby", supplier: "Atea", invoiced: A(7_300) },
      { member: "Ceder", supplier: "Visma", invoiced: A(1_000) },
    ],
    new Map([["Ask", A(12_345)], ["Björkby", A(6_789)]]),
  );
  const ask = result.members[0];
  const bjorkby = result.members[1];

  it("computes Diff = Avtalat − Fakturerat, so over-invoicing is negative", () => {
    expect(ask.rows[0]).toMatchObject({ supplier: "Visma", flag: "difference" });
    expect(ask.rows[0].diff!.toNumber()).toBe(-12_500);
    expect(ask.rows[1].flag).toBe("ok");
    expect(ask.rows[1].agreed!.toNumber()).toBe(55_000);
  });

  it("flags invoicing without contract, and its Diff is −Fakturerat: all of it is over the contract", () => {
    const atea = bjorkby.rows.find((r) => r.supplier === "Atea")!;
    expect(atea.flag).toBe("invoiced-without-contract");
    expect(atea.diff.toNumber()).toBe(-7_300);
    expect(result.members[2].rows[0].flag).toBe("invoiced-without-contract");
  });

  it("flags a contract without invoicing", () => {
    const visma = bjorkby.rows.find((r) => r.supplier === "Visma")!;
    expect(visma.flag).toBe("contract-without-invoice");
    expect(visma.diff.toNumber()).toBe(40_000);
  });

  it("gives invoiced per inhabitant, rounded half up to öre, and the total's own ratio", () => {
    expect(ask.rows[0].perInhabitant!.toFixed(2)).toBe("9.11");
    expect(result.members[2].rows[0].perInhabitant).toBeNull();
    expect(ask.total.perInhabitant!.toFixed(2)).toBe("13.57"); // 167 500 / 12 345
    expect(result.total.perInhabitant).toBeNull();
  });

  it("makes member totals equal the sum of their rows in every column", () => {
    for (const m of result.members) {
      const sum = (pick: (r: (typeof m.rows)[number]) => Amount | null) => m.rows.reduce((s, r) => s.plus(pick(r) ?? 0), A(0));
      expect(m.total.agreed.equals(sum((r) => r.agreed))).toBe(true);
      expect(m.total.invoiced.equals(sum((r) => r.invoiced))).toBe(true);
      expect(m.total.diff.equals(sum((r) => r.diff))).toBe(true);
      expect(m.total.diff.equals(m.total.indexedAgreed.minus(m.total.invoiced))).toBe(true);
    }
    expect(result.total.invoiced.toNumber()).toBe(175_800);
    expect([result.total.agreed, result.total.diff].map((a) => a.toNumber())).toEqual([195_000, 19_200]);
    expect(result.flagCounts).toEqual({ ok: 1, difference: 1, "invoiced-without-contract": 2, "contract-without-invoice": 1, "no-amounts": 0 });
  });

  it("every row and every total satisfies Diff = Avtalat − Fakturerat, whatever is missing (property)", () => {
    const amount = fc.option(fc.integer({ min: -1_000_000, max: 10_000_000 }), { nil: null });
    const row = fc.record({ m: fc.constantFrom("Ask", "Björkby", "Ceder"), s: fc.constantFrom("A", "B", "C", "D"), a: amount, i: amount });
    fc.assert(fc.property(fc.array(row, { maxLength: 25 }), (rows) => {
      const r = reconcile(rows.map((x) => ({ member: x.m, supplier: x.s, agreed: x.a === null ? null : A(x.a) })), rows.map((x) => ({ member: x.m, supplier: x.s, invoiced: x.i === null ? null : A(x.i) })));
      for (const m of r.members) {
        for (const x of m.rows) expect(x.diff.equals((x.indexedAgreed ?? A(0)).minus(x.invoiced ?? A(0)))).toBe(true);
        expect(m.total.diff.equals(m.total.agreed.minus(m.total.invoiced))).toBe(true);
      }
      expect(r.total.diff.equals(r.total.agreed.minus(r.total.invoiced))).toBe(true);
    }), { numRuns: 300 });
  });

  it("flags a register row with neither an agreed nor an invoiced amount as no-amounts: 0 in every sum, not a finding", () => {
    const r = reconcile(
      [{ member: "Ask", supplier: "Visma", agreed: A(100_000) }, { member: "Ask", supplier: "Skolportal", agreed: null }, { member: "Ask", supplier: "Växel", agreed: null }],
      [{ member: "Ask", supplier: "Visma", invoiced: A(100_000) }, { member: "Ask", supplier: "Växel", invoiced: A(0) }],
    );
    expect(r.members[0].rows.map((x) => [x.supplier, x.flag, x.diff.toNumber()])).toEqual([["Visma", "ok", 0], ["Skolportal", "no-amounts", 0], ["Växel", "no-amounts", 0]]);
    expect([r.total.agreed, r.total.invoiced, r.total.diff].map((a) => a.toNumber())).toEqual([100_000, 100_000, 0]);
    expect(r.flagCounts["no-amounts"]).toBe(2);
    expect(findingCount(r.flagCounts)).toBe(0);
    expect(FLAG_LABELS["no-amounts"]).toBe("Belopp saknas");
    expect(FLAG_LABELS["no-amounts"]).not.toBe(FLAG_LABELS["invoiced-without-contract"]);
    expect(contractDiff(null, A(48_000)).flag).toBe("invoiced-without-contract");
    expect(["ok", "no-amounts", "difference", "invoiced-without-contract", "contract-without-invoice"].map((f) => isFinding(f as never))).toEqual([false, false, true, true, true]);
  });
});
