import { Amount } from "../../src/core/money";
import { jsonAmount } from "../../src/cli/json";

describe("--json amounts", () => {
  it("a value past 1e308 is refused in Swedish, never printed as null", () => {
    expect(() => jsonAmount(new Amount("1e309"))).toThrow(/för stort för ett JSON-tal/);
    expect(JSON.stringify({ a: jsonAmount(new Amount("1e308")) })).toBe('{"a":1e+308}');
    expect(jsonAmount(null)).toBeNull();
  });
});
