import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { parseDate } from "../../src/core/dates";
import { debitLines, priceOn } from "../../src/core/catalogue";
import { Guarantee, followUpGuarantee, memberGuarantees, yearEndShortfall } from "../../src/core/guaranteedVolumes";
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
  it("follows up ordered vs guaranteed with a forecast for the year", () => {
    const f = followUpGuarantee(guarantee, orders, d("2026-09-30"));
    expect(f.rows.map((r) => [r.member, r.ordered.toNumber(), r.forecast.toNumber(), r.expectedShortfallAmount.toNumber()])).toEqual([
      ["Ask", 250, 499, 0],
      ["Björkby", 120, 239, 0],
      ["Ceder", 0, 0, 80_000],
    ]);
  });
  it("charges the shortfall at year end, never a negative one", () => {
    expect(yearEndShortfall(guarantee, orders).map((c) => [c.member, c.shortfall.toNumber(), c.amount.toNumber()])).toEqual([
      ["Ask", 50, 20_000],
      ["Björkby", 0, 0],
      ["Ceder", 150, 60_000],
    ]);
  });
  it("shortfall is never negative (property)", () => {
    fc.assert(fc.property(fc.array(fc.record({ m: fc.constantFrom("Ask", "Björkby", "Ceder"), q: fc.integer({ min: 0, max: 500 }), day: fc.integer({ min: 0, max: 400 }) }), { maxLength: 30 }), (list) => {
        const os = list.map((o) => ({ member: o.m, service: "Datorpaket", quantity: A(o.q), date: d(new Date(Date.UTC(2026, 3, 1 + o.day)).toISOString().slice(0, 10)) }));
        for (const c of yearEndShortfall(guarantee, os)) {
          expect(c.shortfall.isNegative()).toBe(false);
          expect(c.shortfall.equals(Amount.max(0, c.guaranteed.minus(c.ordered)))).toBe(true);
        }
      }), { numRuns: 300 });
  });
});

describe("invoice basis per member", () => {
  const scheduleFor = (fee: number, kind: "Q" | "H" = "Q") => yearSchedule({ fee, versions: [{ name: "2027", driver: "Användare", referenceDate: null, validFrom: d("2027-01-01"), entries: key }], year: 2027, periodsPerYear: kind === "Q" ? 4 : 2 });
  const input = {
    schedule: scheduleFor(1_000_003), memberCosts: [{ member: "Ask", label: "Stadsnät", amount: A(12_000) }], prices, guarantees: [guarantee],
    callOffs: [...orders, { member: "Björkby", service: "Supporttimme", quantity: A(3), date: d("2027-02-10") }],
    penalties: [{ member: "Ceder", period: parsePeriod("Q1", 2027), kind: "SLA", amount: A(5000) }],
  };

  it("adds the period's fee part, debits, shortfalls and penalty credits", () => {
    const basis = invoiceBasis({ ...input, period: parsePeriod("Q1", 2027) });
    const ceder = basis.members.find((m) => m.member === "Ceder")!;
    expect(ceder.lines.map((l) => [l.component, l.amount.toNumber()])).toEqual([
      ["medlemsbidrag", 83_333], // 333 334 / 4 = 83 333,5: rounded down here so that Q1 sums to 250 001
      ["garanterad volym", 60_000],
      ["viten", -5_000],
    ]);
    expect(ceder.total.toNumber()).toBe(138_333);
    const ask = basis.members.find((m) => m.member === "Ask")!;
    expect(ask.lines.filter((l) => l.component === "fasta kostnader").map((l) => [l.text, l.amount.toNumber()])).toEqual([["Stadsnät, 2027 Q1", 3000]]);
    const bjorkby = basis.members.find((m) => m.member === "Björkby")!;
    expect(bjorkby.lines.find((l) => l.component === "tjänster")!.text).toBe("Supporttimme: 3 tim × 850,00\u00a0kr");
  });

  it("explains a difference against the organisation's total and otherwise sums exactly", () => {
    const basis = invoiceBasis({ ...input, period: parsePeriod("Q1", 2027) });
    const check = Object.fromEntries(basis.checks.map((c) => [c.component, c]));
    expect(check.tjänster.difference.isZero()).toBe(true);
    expect(check.viten.organisation.toNumber()).toBe(-5000);
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
      expect(COMPONENTS).toHaveLength(5);
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
      [{ member: "Dal", period: parsePeriod("Q1", 2027), kind: "SLA", amount: A(1) }],
    );
    expect(problems.map((p) => [p.list, p.index, p.column])).toEqual([
      ["members", 1, "Medlem"],
      ["callOffs", 0, "Tjänst"],
      ["callOffs", 1, "Medlem"],
      ["callOffs", 1, "Datum"],
      ["penalties", 0, "Medlem"],
    ]);
  });
  it("reads a period with or without its year", () => {
    expect(parsePeriod("2026 Q3", 2027)).toEqual({ year: 2026, kind: "Q", index: 3 });
    expect(parsePeriod("H2-2028", 2027)).toEqual({ year: 2028, kind: "H", index: 2 });
    expect(() => parsePeriod("2026 Q1 2027", 2027)).toThrow("finns inte");
  });
});
