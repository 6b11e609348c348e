import Decimal from "decimal.js";
import fc from "fast-check";
import { Amount } from "../../src/core/amount";

describe("Amount: exact decimals with half-up rounding, on a private clone", () => {
  it("rounds half away from zero by default, as Swedish invoices do: 2,5 → 3 and −2,5 → −3", () => {
    // Banker's rounding (decimal.js ROUND_HALF_EVEN) would give 2, −2 and 0,2.
    expect(new Amount("2.5").toDecimalPlaces(0).toFixed()).toBe("3");
    expect(new Amount("-2.5").toDecimalPlaces(0).toFixed()).toBe("-3");
    expect(new Amount("0.25").toDecimalPlaces(1).toFixed()).toBe("0.3");
    expect(new Amount("360244.5").toDecimalPlaces(0).toFixed()).toBe("360245");
  });

  it("keeps 40 significant digits in a division", () => {
    // 1/3 to 40 significant digits: "0." and forty threes; the library default keeps 20.
    expect(new Amount(1).dividedBy(3).toFixed()).toBe(`0.${"3".repeat(40)}`);
  });

  it("leaves the global decimal.js settings alone", () => {
    expect(Amount).not.toBe(Decimal);
    // A module that configured the shared Decimal (Decimal.set) instead of a clone would change this.
    expect(new Decimal(1).dividedBy(3).toFixed()).toBe(`0.${"3".repeat(20)}`);
  });

  it("multiplies an amount by a rate exactly, for amounts up to 10^18 öre and rates to six decimals (property)", () => {
    // (a / 100) × (r / 10^6) is exactly a·r / 10^8; at 20 digits decimal.js would round the product.
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: -(10n ** 7n), max: 10n ** 7n }), (ore, micro) => {
      const product = new Amount(ore.toString()).dividedBy(100).times(new Amount(micro.toString()).dividedBy(1_000_000));
      expect(product.times(100_000_000).toFixed()).toBe((ore * micro).toString());
    }), { numRuns: 500 });
  });
});
