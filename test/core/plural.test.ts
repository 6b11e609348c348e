import { count } from "../../src/core/plural";

describe("Swedish counts", () => {
  it("uses the singular for exactly one, the plural otherwise (zero included), with Swedish digit groups", () => {
    expect(count(1, "rad", "rader")).toBe("1 rad");
    expect(count(0, "rad", "rader")).toBe("0 rader");
    expect(count(2, "transaktion", "transaktioner")).toBe("2 transaktioner");
    expect(count(12345, "transaktion", "transaktioner").replace(/\u00a0/g, " ")).toBe("12 345 transaktioner");
  });
});
