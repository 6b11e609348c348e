import { Amount } from "../../src/core/money";
import { checkSomeWeight, checkWeight } from "../../src/core/weights";
import { DomainError } from "../../src/core/errors";

describe("a key's weights", () => {
  it("are 0 or more: a negative weight names itself as written, and where", () => {
    expect(checkWeight(new Amount(0)).toFixed()).toBe("0");
    expect(checkWeight(new Amount("-0")).isZero()).toBe(true);
    expect(() => checkWeight(new Amount("-1234.5"))).toThrow("vikten -1\u00a0234,5 är negativ; en vikt ska vara 0 eller större");
    try {
      checkWeight(new Amount(-5), { shown: "-5,00", prefix: "medlemmen 'Ask': ", where: { file: "nyckel.csv", row: 3 } });
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("NEGATIVE_WEIGHT");
      expect((error as DomainError).message).toBe("medlemmen 'Ask': vikten -5,00 är negativ; en vikt ska vara 0 eller större");
      expect((error as DomainError).location).toEqual({ file: "nyckel.csv", row: 3 });
    }
  });

  it("need one above 0, as amounts or as a cell's numbers", () => {
    expect(() => checkSomeWeight([new Amount(0), 0])).toThrow("alla vikter är noll");
    expect(() => checkSomeWeight([])).toThrow("alla vikter är noll");
    expect(() => checkSomeWeight([0, new Amount("0.001")])).not.toThrow();
    expect(() => checkSomeWeight([0, 3])).not.toThrow();
  });
});
