import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { formatAmount, formatPercent, parseNumberText, parseRequiredNumber } from "../../src/core/numberText";

const value = (text: string) => {
  const parsed = parseNumberText(text);
  if (parsed.kind !== "number") throw new Error(`expected a number from '${text}', got ${parsed.kind}`);
  return parsed.value.toString();
};

describe("parseNumberText", () => {
  it.each([
    ["1 134 354", "1134354"],
    ["1\u00a0134\u00a0354", "1134354"],
    ["1\u202f134\u202f354", "1134354"],
    ["0,50", "0.5"],
    ["16 560 000,00 kr", "16560000"],
    ["1 134 354 kr", "1134354"],
    ["250 SEK", "250"],
    ["SEK 250", "250"],
    ["12 tkr", "12000"],
    ["1,5 tkr", "1500"],
    ["2,30%", "0.023"],
    ["2,5 %", "0.025"],
    ["-53 000", "-53000"],
    ["\u221253 000", "-53000"],
    ["(53 000)", "-53000"],
    ["+17", "17"],
    ["1.134.354,50", "1134354.5"],
    ["1234.5", "1234.5"],
    ["0.500", "0.5"],
    [",5", "0.5"],
    ["-", "0"],
    ["- kr", "0"],
    ["  42  ", "42"],
  ])("reads %j as %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(["n/a", "N/A", "saknas", "Saknas"])("reads %j as no value, which is not zero", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "missing" });
  });

  it.each(["", "   ", "\u00a0"])("reads %j as blank", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "blank" });
  });

  it.each(["tio", "1 2 3", "12,3,4", "1.500", "12 34", "1e5", "--5", "kr"])("refuses %j with a Swedish message", (text) => {
    expect(() => parseNumberText(text)).toThrow(expect.objectContaining({ code: "NOT_A_NUMBER", message: expect.stringContaining("är inget tal") }));
  });

  it("keeps the number of decimals written, for the table checker", () => {
    const parsed = parseNumberText("11,80");
    expect(parsed.kind === "number" && parsed.decimals).toBe(2);
  });

  it("parseRequiredNumber names what is missing", () => {
    expect(() => parseRequiredNumber("n/a", "avtalat belopp")).toThrow("avtalat belopp saknas");
  });
});

describe("formatAmount", () => {
  it("writes Swedish amounts with NBSP groups and decimal comma", () => {
    expect(formatAmount(new Amount(1134354), { unit: "kr" })).toBe("1\u00a0134\u00a0354\u00a0kr");
    expect(formatAmount(new Amount("16560000"), { decimals: 2, unit: "kr" })).toBe("16\u00a0560\u00a0000,00\u00a0kr");
    expect(formatAmount(new Amount(-53000))).toBe("-53\u00a0000");
    expect(formatAmount(new Amount("-0.4"))).toBe("0");
    expect(formatPercent(new Amount("0.023"))).toBe("2,30\u00a0%");
  });

  it("parse(format(x)) == x for any amount at 0–2 decimals", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 2 }), fc.boolean(), (units, decimals, kr) => {
        const x = new Amount(units.toString()).dividedBy(10 ** decimals);
        const text = formatAmount(x, { decimals, unit: kr ? "kr" : "none" });
        expect(value(text)).toBe(x.toString());
      }),
      { numRuns: 1000 },
    );
  });

  it("parse(formatPercent(x)) == x", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (basisPoints) => {
        const x = new Amount(basisPoints).dividedBy(10000);
        expect(value(formatPercent(x))).toBe(x.toString());
      }),
      { numRuns: 300 },
    );
  });
});
