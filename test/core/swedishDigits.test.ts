import { sv, swedishDigits } from "../../src/core/swedishDigits";
import { Amount } from "../../src/core/amount";

describe("numbers in messages, the Swedish way", () => {
  it("groups thousands with a non-breaking space and writes a decimal comma", () => {
    expect(swedishDigits("-1234567.5")).toBe("-1\u00a0234\u00a0567,5");
    expect(swedishDigits("999")).toBe("999");
    expect(swedishDigits("1000.05")).toBe("1\u00a0000,05");
  });

  it("leaves text that is no plain decimal as it is", () => {
    expect(swedishDigits("1e21")).toBe("1e21");
    expect(swedishDigits("12 345")).toBe("12 345");
  });

  it("writes decimal.js amounts, bigints and numbers alike, without binary rounding", () => {
    expect(sv(new Amount("2386801.6"))).toBe("2\u00a0386\u00a0801,6");
    expect(sv(12345678901234567890n)).toBe("12\u00a0345\u00a0678\u00a0901\u00a0234\u00a0567\u00a0890");
    expect(sv(-42)).toBe("-42");
  });
});
