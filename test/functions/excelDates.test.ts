import { Requirements, asExcelDate, dateForm } from "../../src/functions/excelDates";

/** A host's requirement sets as Office.context.requirements answers for them. */
function host(sets: Record<string, string>): Requirements & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isSetSupported(name: string, minVersion = "1.1") {
      asked.push(`${name} ${minVersion}`);
      const have = sets[name];
      if (!have) return false;
      const [a, b] = have.split(".").map(Number);
      const [c, d] = minVersion.split(".").map(Number);
      return a > c || (a === c && b >= d);
    },
  };
}

describe("date results by the host's requirement sets", () => {
  it("CustomFunctionsRuntime 1.4 with ExcelApi 1.19: a DoubleCellValue with a date format", () => {
    expect(asExcelDate(46507, host({ CustomFunctionsRuntime: "1.5", ExcelApi: "1.19" }))).toEqual({ type: "Double", basicValue: 46507, numberFormat: "yyyy-mm-dd" });
  });

  it.each(["1.16", "1.17", "1.18"])("CustomFunctionsRuntime 1.4 with ExcelApi %s: a FormattedNumber, DoubleCellValue having no format before 1.19", (excel) => {
    expect(asExcelDate(46507, host({ CustomFunctionsRuntime: "1.4", ExcelApi: excel }))).toEqual({ type: "FormattedNumber", basicValue: 46507, numberFormat: "yyyy-mm-dd" });
  });

  it("ExcelApi 1.19 without CustomFunctionsRuntime 1.4 (perpetual, LTSC): a plain serial, a function there may return no data type", () => {
    const ltsc = host({ CustomFunctionsRuntime: "1.3", ExcelApi: "1.19" });
    expect(asExcelDate(46507, ltsc)).toBe(46507);
    expect(ltsc.asked).toEqual(["CustomFunctionsRuntime 1.4"]);
  });

  it("CustomFunctionsRuntime 1.4 with ExcelApi 1.15: a plain serial", () => {
    expect(dateForm(host({ CustomFunctionsRuntime: "1.4", ExcelApi: "1.15" }))).toBe("serial");
  });

  it("no Office (the tests, the CLI) or a host whose requirement check throws: a plain serial", () => {
    expect(asExcelDate(46507, null)).toBe(46507);
    expect(asExcelDate(46507)).toBe(46507);
    expect(dateForm({ isSetSupported: () => { throw new Error("old host"); } })).toBe("serial");
  });
});
