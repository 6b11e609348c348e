import fc from "fast-check";
import { addMonths, formatIsoDate, fromEpochDays, fromExcelSerial, makeDate, parseDate, toEpochDays, toExcelSerial } from "../../src/core/dates";

const d = (iso: string) => parseDate(iso);

describe("addMonths", () => {
  it("keeps month ends on month ends: 6 months before 30 April is 31 October", () => {
    expect(formatIsoDate(addMonths(d("2024-04-30"), -6))).toBe("2023-10-31");
    expect(formatIsoDate(addMonths(d("2024-01-31"), 1))).toBe("2024-02-29");
    expect(formatIsoDate(addMonths(d("2024-02-29"), 12))).toBe("2025-02-28");
    expect(formatIsoDate(addMonths(d("2023-02-28"), 1))).toBe("2023-03-31");
  });
  it("clamps other days to the target month", () => {
    expect(formatIsoDate(addMonths(d("2024-01-30"), 1))).toBe("2024-02-29");
    expect(formatIsoDate(addMonths(d("2024-03-15"), -3))).toBe("2023-12-15");
  });
});

describe("parseDate", () => {
  it.each([
    ["2022-04-30", "2022-04-30"],
    ["2022-04-30 00:00", "2022-04-30"],
    ["2022-4-3", "2022-04-03"],
    ["20220430", "2022-04-30"],
    ["30/4 2022", "2022-04-30"],
    ["30.4.2022", "2022-04-30"],
  ])("reads %j", (text, iso) => expect(formatIsoDate(parseDate(text))).toBe(iso));

  it.each(["2022-02-30", "2022-13-01", "igår", ""])("refuses %j", (text) => {
    expect(() => parseDate(text)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});

describe("Excel serials", () => {
  it("match Excel's calendar", () => {
    expect(toExcelSerial(makeDate(2024, 4, 30))).toBe(45412);
    expect(formatIsoDate(fromExcelSerial(45412.75))).toBe("2024-04-30");
    expect(toExcelSerial(makeDate(1900, 3, 1))).toBe(61);
  });
  it("epoch days round-trip", () => {
    fc.assert(fc.property(fc.integer({ min: -25567, max: 2932896 }), (n) => expect(toEpochDays(fromEpochDays(n))).toBe(n)), { numRuns: 500 });
  });
});
