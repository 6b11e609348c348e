import { Amount } from "../../src/core/money";
import { jsonAmount } from "../../src/cli/json";

describe("--json amounts", () => {
  it("are the amount to 15 significant digits, as a cell holds it", () => {
    expect(JSON.stringify({ a: jsonAmount(new Amount("1e308")) })).toBe('{"a":1e+308}');
    expect(jsonAmount(new Amount("1234567.89"))).toBe(1234567.89);
    expect(jsonAmount(new Amount(1).dividedBy(3))).toBe(1 / 3);
    expect(jsonAmount(new Amount("-0.000001"))).toBe(-0.000001);
    expect(jsonAmount(null)).toBeNull();
  });

  it("refuse in Swedish what a double cannot hold, never printing null, 0 or lost digits", () => {
    expect(() => jsonAmount(new Amount("1e309"))).toThrow(/ryms inte i ett JSON-tal/);
    expect(() => jsonAmount(new Amount("-1e309"))).toThrow(/ryms inte i ett JSON-tal/);
    expect(() => jsonAmount(new Amount("1e-400"))).toThrow(/ryms inte i ett JSON-tal/);
    // A subnormal double keeps only a few of the digits.
    expect(() => jsonAmount(new Amount("1.23456789012345e-320"))).toThrow(/ryms inte i ett JSON-tal/);
  });
});
