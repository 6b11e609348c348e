import { Amount } from "../../src/core/money";
import { parseDate } from "../../src/core/dates";
import { PriceEntry, debitLines, priceOn } from "../../src/core/catalogue";

const A = (v: number | string) => new Amount(v);
const d = parseDate;

// Unknown services, dates without a price, overlaps and a one-year uplift are in
// test/core/invoiceBasis.test.ts; this file pins validity bounds, compounding and per-line rounding.

const prices: PriceEntry[] = [
  { service: "Datorpaket", unit: "st", price: A(400), validFrom: d("2026-01-01"), validTo: d("2026-12-31") },
  { service: "Datorpaket", unit: "st", price: A(430), validFrom: d("2027-01-01"), validTo: null, yearlyUplift: A("0.02") },
  { service: "Supporttimme", unit: "tim", price: A("0.125"), validFrom: null, validTo: null, yearlyUplift: A("0.5") },
];

describe("priceOn", () => {
  it("counts both the first and the last day of a price's validity", () => {
    expect(priceOn(prices, "Datorpaket", d("2026-01-01")).unitPrice.toNumber()).toBe(400);
    expect(priceOn(prices, "Datorpaket", d("2026-12-31")).unitPrice.toNumber()).toBe(400);
    expect(priceOn(prices, "Datorpaket", d("2027-01-01")).unitPrice.toNumber()).toBe(430);
  });

  it("uplifts by whole calendar years since the price became valid, compounded and rounded to öre", () => {
    // Still the first year on 31 December 2027; two years on in 2029: 430 × 1,02² = 447,372 → 447,37
    // (a simple 2 × 2 % would give 447,20).
    expect(priceOn(prices, "Datorpaket", d("2027-12-31")).unitPrice.toFixed(2)).toBe("430.00");
    expect(priceOn(prices, "Datorpaket", d("2029-01-01")).unitPrice.toFixed(2)).toBe("447.37");
  });

  it("never uplifts a price that has no first day to count from", () => {
    expect(priceOn(prices, "Supporttimme", d("2030-06-01")).unitPrice.toFixed()).toBe("0.125");
  });

  it("refuses the day after the last valid day, naming the service and the date", () => {
    const ended = [prices[0]];
    expect(() => priceOn(ended, "Datorpaket", d("2027-01-01"))).toThrow("tjänsten 'Datorpaket' har inget pris som gäller 2027-01-01");
  });
});

describe("debitLines", () => {
  it("rounds quantity × price half up per line and names the line by the catalogue's service and unit", () => {
    // 3 × 0,125 = 0,375 → 0,38 to öre; → 0 in kronor; 20 × 0,125 = 2,5 → 3 in kronor.
    const callOffs = [
      { member: "Ask", service: "SUPPORTTIMME", quantity: A(3), date: d("2027-02-01") },
      { member: "Dal", service: "supporttimme", quantity: A(20), date: d("2027-03-15") },
    ];
    const ore = debitLines(callOffs, prices);
    expect(ore.map((l) => [l.member, l.service, l.unit, l.unitPrice.toFixed(), l.amount.toFixed(), l.source])).toEqual([
      ["Ask", "Supporttimme", "tim", "0.125", "0.38", "avrop 2027-02-01"],
      ["Dal", "Supporttimme", "tim", "0.125", "2.5", "avrop 2027-03-15"],
    ]);
    expect(debitLines(callOffs, prices, 0).map((l) => l.amount.toFixed())).toEqual(["0", "3"]);
  });

  it("prices each call-off on its own date", () => {
    const lines = debitLines([
      { member: "Ask", service: "Datorpaket", quantity: A(2), date: d("2026-12-31") },
      { member: "Ask", service: "Datorpaket", quantity: A(2), date: d("2028-01-02") },
    ], prices);
    // 2 × 400; 2 × 438,60 (430 × 1,02).
    expect(lines.map((l) => l.amount.toFixed(2))).toEqual(["800.00", "877.20"]);
  });
});
