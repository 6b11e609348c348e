import fc from "fast-check";
import { amountToCellNumber, duplicatedHeaders, isAmount, isCellError, isFormula, looksLikeFormula, normaliseHeader } from "../../src/core/cells";
import { Amount } from "../../src/core/amount";

describe("cells", () => {
  it("puts an exact amount in a cell as the number Excel stores, and refuses one with more than 15 digits", () => {
    expect(amountToCellNumber(new Amount("2386801.6"))).toBe(2386801.6);
    expect(amountToCellNumber(new Amount("-0.1"))).toBe(-0.1);
    expect(() => amountToCellNumber(new Amount("1234567890123.456"))).toThrow("har fler än 15 siffror");
  });

  it("every amount of at most 15 digits comes back from its cell number unchanged", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 4 }), (units, decimals) => {
      const amount = new Amount(units.toString()).div(10 ** decimals);
      fc.pre(amount.precision(true) <= 15);
      expect(new Amount(String(amountToCellNumber(amount))).equals(amount)).toBe(true);
    }));
  });

  it("knows text Excel would run as a formula or a command", () => {
    expect(["=1+1", "+46 70", "-5", "@SUM", "\tx", "\rx"].every(looksLikeFormula)).toBe(true);
    expect(["Ask", "5", " =1", "'=1"].some(looksLikeFormula)).toBe(false);
  });

  it("tells formulas, amounts and errors apart", () => {
    expect([isFormula({ formula: "=1" }), isFormula("=1"), isFormula(new Amount(1) as never), isFormula(null)]).toEqual([true, false, false, false]);
    expect([isAmount(new Amount(1)), isAmount(1), isAmount("1")]).toEqual([true, false, false]);
    expect([isCellError({ error: "#N/A" }), isCellError("#N/A"), isCellError(null)]).toEqual([true, false, false]);
  });

  it("compares headers as names, without a trailing colon or star, and finds those given twice", () => {
    expect(normaliseHeader(" Avtalat belopp: ")).toBe("avtalat belopp");
    expect(normaliseHeader("Kommun*")).toBe("kommun");
    expect(duplicatedHeaders(["Avtalat", "Kommun", "AVTALAT ", "Avta\u200Blat", "", ""])).toEqual(["AVTALAT", "Avtalat"]); // each repeat as it shows, the invisible character taken away
  });
});
