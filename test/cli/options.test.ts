import { UsageError } from "../../src/cli/io";
import { parseDateOption, parseDecimalsOption, parseIntegerOption, parseNumberOption } from "../../src/cli/options";

/** The usage error an option's text gives (exit 2 with the command's usage), or a note that none came. */
function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return "accepted";
}

describe("number options", () => {
  it.each([
    ["100 000", "100000"],
    ["0,5", "0.5"],
    ["50 %", "0.5"],
    ["12 tkr", "12000"],
    ["\u22121,5", "-1.5"],
    ["1.5", "1.5"],
    ["1234567890123,45", "1234567890123.45"],
  ])("reads %j exactly as %s", (text, exact) => {
    expect(parseNumberOption(text, "--total").toFixed()).toBe(exact);
  });

  it.each(["tio", "n/a", "", "1.500"])("refuses %j naming the option and the text as written", (text) => {
    expect(refusal(() => parseNumberOption(text, "--total"))).toBe(`--total: '${text}' är inget tal`);
  });
});

describe("integer options", () => {
  it("takes the bounds themselves and surrounding spaces", () => {
    expect(parseIntegerOption("1", "--months", 1, 1200)).toBe(1);
    expect(parseIntegerOption("1200", "--months", 1, 1200)).toBe(1200);
    expect(parseIntegerOption(" 36 ", "--months", 1, 1200)).toBe(36);
  });

  it.each(["0", "1201", "1,5", "-1", "1e3", "0x10", "", "tre"])("refuses %j with the allowed range", (text) => {
    expect(refusal(() => parseIntegerOption(text, "--months", 1, 1200))).toBe(`--months: '${text}' ska vara ett heltal från 1 till 1200`);
  });

  it("defaults --decimals to whole kronor and allows 0 to 2", () => {
    expect(parseDecimalsOption(undefined)).toBe(0);
    expect(parseDecimalsOption("2")).toBe(2);
    expect(refusal(() => parseDecimalsOption("3"))).toBe("--decimals: '3' ska vara ett heltal från 0 till 2");
  });
});

describe("date options", () => {
  it.each([
    ["2026-02-28", { year: 2026, month: 2, day: 28 }],
    ["20261231", { year: 2026, month: 12, day: 31 }],
    ["31.12.2026", { year: 2026, month: 12, day: 31 }],
  ])("reads %j", (text, date) => {
    expect(parseDateOption(text, "--end")).toEqual(date);
  });

  it("refuses a day the month does not have and text that is no date, naming the option", () => {
    expect(refusal(() => parseDateOption("2026-02-29", "--end"))).toBe("--end: 2026-02-29 är inget giltigt datum");
    expect(refusal(() => parseDateOption("imorgon", "--as-of"))).toBe("--as-of: 'imorgon' är inget datum (skriv ÅÅÅÅ-MM-DD)");
  });
});
