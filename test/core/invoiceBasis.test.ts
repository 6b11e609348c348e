import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { parseDate } from "../../src/core/dates";
import { debitLines, priceOn } from "../../src/core/catalogue";
import { Guarantee, followUpGuarantee, forecastYear, memberGuarantees, yearEndShortfall } from "../../src/core/guaranteedVolumes";
import { COMPONENTS, invoiceBasis, invoiceProblems, parsePeriod, periodRange } from "../../src/core/invoiceBasis";
import { memberFees } from "../../src/core/fee";
import { yearSchedule } from "../../src/core/invoicing";

const A = (v: number | string) => new Amount(v);
const d = parseDate;
const key = [{ member: "Ask", weight: A(300) }, { member: "Björkby", weight: A(100) }, { member: "Ceder", weight: A(200) }];
const prices = [
  { service: "Datorpaket", unit: "st", price: A("412.50"), validFrom: d("2026-01-01"), validTo: d("2026-12-31") },
  { service: "Datorpaket", unit: "st", price: A(430), validFrom: d("2027-01-01"), validTo: null, yearlyUplift: A("0.02") },
  { service: "Supporttimme", unit: "tim", price: A(850), validFrom: null, validTo: null },
];

describe("price list and call-offs", () => {
  it("takes the price valid on the call-off's date, uplifted by its index", () => {
    expect(priceOn(prices, "datorpaket", d("2026-06-01")).unitPrice.toFixed(2)).toBe("412.50");
    expect(priceOn(prices, "Datorpaket", d("2028-03-01")).unitPrice.toFixed(2)).toBe("438.60");
  });
  it("explains an unknown service, a date without a price and overlapping prices", () => {
    expect(() => priceOn(prices, "Molnlagring", d("2027-01-01"))).toThrow("tjänsten 'Molnlagring' finns inte i prislistan");
    expect(() => priceOn(prices, "Datorpaket", d("2025-06-01"))).toThrow("har inget pris som gäller 2025-06-01");
    expect(() => priceOn([...prices, { ...prices[2] }], "Supporttimme", d("2027-01-01"))).toThrow("överlappar");
  });
  it("rounds each debit line and totals exactly", () => {
    const lines = debitLines([{ member: "Ask", service: "Supporttimme", quantity: A("2.25"), date: d("2027-02-01") }, { member: "Ask", service: "Datorpaket", quantity: A(3), date: d("2026-12-31") }], prices);
    expect(lines.map((l) => l.amount.toFixed(2))).toEqual(["1912.50", "1237.50"]);
  });
});

const guarantee: Guarantee = {
  supplier: "Leverantör AB", service: "Datorpaket", yearStart: d("2026-04-01"), quantity: A(600), unitPrice: A(400),
  distribution: { kind: "key", key },
};
const orders = [
  { member: "Ask", service: "Datorpaket", quantity: A(250), date: d("2026-06-15") },
  { member: "Björkby", service: "Datorpaket", quantity: A(120), date: d("2026-09-01") },
  { member: "Ceder", service: "Datorpaket", quantity: A(50), date: d("2026-10-01") },
  { member: "Ceder", service: "Datorpaket", quantity: A(999), date: d("2027-04-01") }, // next contract year
];

describe("guaranteed volumes", () => {
  it("spreads the guarantee by the key in whole units", () => {
    expect(memberGuarantees(guarantee).map((g) => g.quantity.toNumber())).toEqual([300, 100, 200]);
    expect(() => memberGuarantees({ ...guarantee, distribution: { kind: "fixed", quantities: [{ member: "Ask", quantity: A(10) }] } })).toThrow("summerar till 10");
  });
  it("follows up the pool per quarter: one-off items scaled to the year, periodic items continued at the last quarter's level", () => {
    const f = followUpGuarantee(guarantee, orders, d("2026-09-30"));
    expect(f.quarters).toBe(2);
    expect(f.rows.map((r) => [r.member, r.ordered.toNumber(), r.forecast.toNumber()])).toEqual([["Ask", 250, 500], ["Björkby", 120, 240], ["Ceder", 0, 0]]);
    expect([f.total.forecast.toNumber(), f.expectedShortfallAmount.toNumber()]).toEqual([740, 0]); // the pool is on track: 740 ≥ 600
    const periodic = followUpGuarantee({ ...guarantee, kind: "periodic" }, orders, d("2026-09-30"));
    // Ask ordered 250 in Q1 and nothing in Q2; Björkby 0 then 120: the Q2 level continues for Q3 and Q4.
    expect(periodic.rows.map((r) => r.forecast.toNumber())).toEqual([250, 360, 0]);
    expect([periodic.total.forecast.toNumber(), periodic.expectedShortfallAmount.toNumber()]).toEqual([610, 0]);
    const late = followUpGuarantee({ ...guarantee, kind: "periodic", quantity: A(700) }, orders, d("2026-09-30"));
    expect(late.expectedShortfallAmount.toNumber()).toBe(90 * 400);
    expect(forecastYear("periodic", [A(10), A(20), A(30), A(0)], 3).toNumber()).toBe(90);
    expect(forecastYear("one-off", [A(10), A(20), A(30), A(0)], 3).toNumber()).toBe(80);
  });
});

describe("guaranteed volumes are the whole solution's (DOMAIN.md §4, the issue's worked example)", () => {
  const pool = (sharing: "by-share" | "by-own-gap"): Guarantee => ({
    supplier: "Leverantör AB", service: "Licens", yearStart: d("2026-01-01"), quantity: A(1000), unitPrice: A(20), sharing,
    distribution: { kind: "fixed", quantities: [{ member: "A", quantity: A(500) }, { member: "B", quantity: A(500) }] },
  });
  const ordered = (a: number, b: number) => [{ member: "A", service: "Licens", quantity: A(a), date: d("2026-05-01") }, { member: "B", service: "Licens", quantity: A(b), date: d("2026-06-01") }];

  it("bills nobody when all together ordered the guarantee, though B ordered less than its share", () => {
    const r = yearEndShortfall(pool("by-own-gap"), ordered(700, 300));
    expect([r.shortfall.toNumber(), r.amount.toNumber(), ...r.charges.map((c) => c.amount.toNumber())]).toEqual([0, 0, 0, 0]);
  });
  it("bills the pooled shortfall 200 × 20 = 4 000: all of it to B by own gap, 2 000 each by share", () => {
    const gap = yearEndShortfall(pool("by-own-gap"), ordered(500, 300));
    expect([gap.shortfall.toNumber(), gap.amount.toNumber()]).toEqual([200, 4000]);
    expect(gap.charges.map((c) => [c.member, c.ownGap.toNumber(), c.amount.toNumber()])).toEqual([["A", 0, 0], ["B", 200, 4000]]);
    const share = yearEndShortfall(pool("by-share"), ordered(500, 300));
    expect(share.charges.map((c) => c.amount.toNumber())).toEqual([2000, 2000]);
  });
  it("charges sum exactly to the supplier's figure, never negative, and an over-orderer pays nothing by own gap (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.constantFrom<"by-share" | "by-own-gap">("by-share", "by-own-gap"), fc.integer({ min: 1, max: 99_999 }), (a, b, sharing, cents) => {
      const r = yearEndShortfall({ ...pool(sharing), unitPrice: A(cents).dividedBy(100) }, ordered(a, b));
      expect(r.shortfall.equals(Amount.max(0, A(1000 - a - b)))).toBe(true);
      expect(r.charges.reduce((s, c) => s.plus(c.amount), A(0)).equals(r.amount)).toBe(true);
      for (const c of r.charges) {
        expect(c.amount.isNegative() && !c.amount.isZero()).toBe(false);
        if (sharing === "by-own-gap" && c.ordered.greaterThanOrEqualTo(c.guaranteed)) expect(c.amount.isZero()).toBe(true);
      }
    }), { numRuns: 500 });
  });
});

describe("invoice basis per member", () => {
  const scheduleFor = (fee: number, kind: "Q" | "H" = "Q") => yearSchedule({ fee, versions: [{ name: "2027", driver: "Användare", referenceDate: null, validFrom: d("2027-01-01"), entries: key }], year: 2027, periodsPerYear: kind === "Q" ? 4 : 2 });
  const input = {
    schedule: scheduleFor(1_000_003), memberCosts: [{ member: "Ask", label: "Stadsnät", amount: A(12_000) }], prices, guarantees: [guarantee],
    callOffs: [...orders, { member: "Björkby", service: "Supporttimme", quantity: A(3), date: d("2027-02-10") }],
  };

  it("adds the period's fee part, debits and the member's part of a pooled shortfall; penalties are not on it", () => {
    const basis = invoiceBasis({ ...input, period: parsePeriod("Q1", 2027) });
    const ceder = basis.members.find((m) => m.member === "Ceder")!;
    expect(ceder.lines.map((l) => [l.component, l.amount.toNumber()])).toEqual([
      ["medlemsbidrag", 83_333], // 333 334 / 4 = 83 333,5: rounded down here so that Q1 sums to 250 001
      // The pool ordered 420 of 600: 180 × 400 = 72 000, by own gap Ceder (150 short) 54 000 and Ask (50) 18 000.
      ["garanterad volym", 54_000],
    ]);
    expect(ceder.total.toNumber()).toBe(137_333);
    expect(basis.members.find((m) => m.member === "Ask")!.lines.find((l) => l.component === "garanterad volym")!.amount.toNumber()).toBe(18_000);
    const ask = basis.members.find((m) => m.member === "Ask")!;
    expect(ask.lines.filter((l) => l.component === "fasta kostnader").map((l) => [l.text, l.amount.toNumber()])).toEqual([["Stadsnät, 2027 Q1", 3000]]);
    const bjorkby = basis.members.find((m) => m.member === "Björkby")!;
    expect(bjorkby.lines.find((l) => l.component === "tjänster")!.text).toBe("Supporttimme: 3 tim × 850,00\u00a0kr");
  });

  it("explains a difference against the organisation's total and otherwise sums exactly", () => {
    const basis = invoiceBasis({ ...input, period: parsePeriod("Q1", 2027) });
    const check = Object.fromEntries(basis.checks.map((c) => [c.component, c]));
    expect(check.tjänster.difference.isZero()).toBe(true);
    expect(check["garanterad volym"].organisation.toNumber()).toBe(72_000); // the supplier's figure: (600 − 420) × 400
    expect(check.medlemsbidrag.organisation.toNumber()).toBe(250_001);
    expect(check.medlemsbidrag.difference.isZero()).toBe(true);
    expect(check.medlemsbidrag.explanation).toBe("summerar exakt");
  });

  it("refuses a call-off by someone who is not a member, and a bad period", () => {
    expect(() => invoiceBasis({ ...input, period: parsePeriod("Q1", 2027), callOffs: [{ member: "Dal", service: "Supporttimme", quantity: A(1), date: d("2027-01-10") }] })).toThrow("gäller 'Dal', som inte är medlem");
    expect(() => parsePeriod("H3", 2027)).toThrow("skriv Q1–Q4 eller H1–H2");
    expect(periodRange(parsePeriod("H2", 2027))).toEqual({ from: d("2027-07-01"), to: d("2028-01-01") });
  });

  it("member bases sum over the year to each fee, and every component to the organisation in every period (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom<"Q" | "H">("Q", "H"), (common, kind) => {
      const f = memberFees(common, key);
      const periods = kind === "Q" ? ["Q1", "Q2", "Q3", "Q4"] : ["H1", "H2"];
      const bases = periods.map((p) => invoiceBasis({ ...input, schedule: scheduleFor(common, kind), period: parsePeriod(p, 2027) }));
      for (const fee of f) {
        const year = bases.reduce((s, b) => s.plus(b.members.find((m) => m.member === fee.member)!.lines.filter((l) => l.component === "medlemsbidrag").reduce((t, l) => t.plus(l.amount), A(0))), A(0));
        expect(year.equals(fee.share)).toBe(true);
      }
      for (const b of bases) for (const c of b.checks) expect(c.difference.isZero()).toBe(true);
      expect(COMPONENTS).toHaveLength(4);
    }), { numRuns: 150 });
  });
});

describe("invoiceProblems and periods with years", () => {
  it("finds members outside the key, unknown services, dates without prices and unknown payers", () => {
    const problems = invoiceProblems(
      key,
      [{ member: "Ask" }, { member: "Dal" }],
      prices,
      [{ member: "Ask", service: "Fönsterputs", quantity: A(1), date: d("2027-01-10") }, { member: "Eken", service: "Datorpaket", quantity: A(1), date: d("2025-01-10") }],
      [{ member: "Dal", supplier: "Leverantör AB", period: parsePeriod("Q1", 2027), clause: "SLA", amount: A(1), note: "" }],
    );
    expect(problems.map((p) => [p.list, p.index, p.field])).toEqual([
      ["members", 1, "member"],
      ["callOffs", 0, "service"],
      ["callOffs", 1, "member"],
      ["callOffs", 1, "date"],
      ["penalties", 0, "member"],
    ]);
  });
  it("reads a period with or without its year", () => {
    expect(parsePeriod("2026 Q3", 2027)).toEqual({ year: 2026, kind: "Q", index: 3 });
    expect(parsePeriod("H2-2028", 2027)).toEqual({ year: 2028, kind: "H", index: 2 });
    expect(() => parsePeriod("2026 Q1 2027", 2027)).toThrow("finns inte");
  });
});
