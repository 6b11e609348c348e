import { cellText } from "../../src/standalone/cellText";

describe("a cell as Swedish Excel shows it", () => {
  it("writes numbers with Swedish digit groups and a decimal comma, without binary noise", () => {
    expect(cellText(12345).replace(/\u00a0/g, " ")).toBe("12 345");
    expect(cellText(0.1 + 0.2)).toBe("0,3");
    expect(cellText(-12500).replace(/\u00a0/g, " ")).toBe("-12 500");
  });

  it("follows the number format: per cent, decimals, ISO dates", () => {
    expect(cellText(0.2618, "0.00%").replace(/\u00a0/g, " ")).toBe("26,18 %");
    expect(cellText(1234.5, "#,##0.00").replace(/\u00a0/g, " ")).toBe("1 234,50");
    expect(cellText(46507, "yyyy-mm-dd")).toBe("2027-04-30");
  });

  it("names errors and truth values as Swedish Excel does", () => {
    expect(cellText({ error: "#VALUE!" })).toBe("#VÄRDEFEL!");
    expect(cellText({ error: "#DIV/0!" })).toBe("#DIVISION/0!");
    expect(cellText({ error: "#SPILL!" })).toBe("#SPILL!");
    expect([cellText(true), cellText(false), cellText(null), cellText("Ask")]).toEqual(["SANT", "FALSKT", "", "Ask"]);
    expect(cellText(Number.POSITIVE_INFINITY)).toBe("#NUM!");
  });
});
