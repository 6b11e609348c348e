import * as F from "../../src/functions/functions";
import metadata from "../../src/functions/metadata.json";
import { Requirements } from "../../src/functions/excelDates";

/**
 * The metadata sets allowCustomDataForDataTypeAny, so Excel may pass a data type into any
 * parameter: a date another SAMKALK function returned, a formatted number, a linked text. Each
 * must count as the value the cell shows, in every parameter of every function.
 */
const column = (...values: unknown[]) => values.map((v) => [v]);
const SAMPLES: Record<string, { call: (...args: any[]) => unknown; args: unknown[] }> = {
  ALLOCATE: { call: F.allocate, args: [100000, column(12345, 6789, 25010, 3001), 0.5, 0] },
  KEYSHARE: { call: F.keyShare, args: [column(1, 2, 3), 2] },
  CONTRACTDIFF: { call: F.contractDiff, args: [column(100, 200), column(90, "210")] },
  UPLIFT: { call: F.uplift, args: [4900000, "2 %", 2, 0] },
  INDEXADJUST: { call: F.indexAdjust, args: [100000, 330.2, 345.6, 2] },
  SPLITPERIODS: { call: F.splitPeriods, args: [100001, 4, 0] },
  NOTICEDATE: { call: F.noticeDate, args: [46507, 6] },
  CONTRACTEND: { call: F.contractEnd, args: ["2025-12-31", 12, 46800] },
  SETTLE: { call: F.settle, args: [-95750, column(12345, 6789, 25010, 3001), 0, 0.5] },
  CHECKTABLE: { call: F.checkTable, args: [[["Kategori", "Drift", "Personal", "Summa"], ["Servrar", 100, 50, 150], ["Nät", 10, 5, 16]], [["Summa = Drift + Personal"]]] },
  SAVINGS: { call: F.savings, args: [column(40, 10), 8, column(60, 20), 425, true] },
  CAPITALCOST: { call: F.capitalCost, args: [1000000, 5, "2 %", 2, 0] },
};

function rich(value: unknown): unknown {
  if (typeof value === "number") return { type: "Double", basicValue: value, numberFormat: "0" };
  if (typeof value === "string") return { type: "String", basicValue: value };
  if (typeof value === "boolean") return { type: "Boolean", basicValue: value };
  return value;
}

const richArgument = (value: unknown) => (Array.isArray(value) ? value.map((row) => (row as unknown[]).map(rich)) : rich(value));

function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { thrown: e.code, message: e.message };
  }
}

describe("rich values in every parameter", () => {
  it("every function in the metadata has a sample here", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  for (const f of metadata.functions) {
    f.parameters.forEach((p, i) => {
      it(`${f.id} reads a data type in ${p.name} as its basic value`, () => {
        const { call, args } = SAMPLES[f.id];
        const plain = outcome(() => call(...args));
        expect(plain).not.toHaveProperty("thrown");
        const withRich = args.map((a, j) => (j === i ? richArgument(a) : a));
        expect(outcome(() => call(...withRich))).toEqual(plain);
      });
    });
  }

  it("an object that is no cell value is #VALUE! naming the argument, not a crash", () => {
    expect(outcome(() => F.checkTable([["", "A"], ["x", 1]], [[{ kind: "okänt" }]] as any))).toEqual({
      thrown: "#VALUE!",
      message: "regel, rad 1: värdet är varken ett tal, en text eller ett datum",
    });
  });
});

describe("a date from one SAMKALK function into another", () => {
  const office = globalThis as { Office?: unknown };
  afterEach(() => delete office.Office);

  it.each([
    ["ExcelApi 1.19", "1.19"],
    ["ExcelApi 1.16", "1.16"],
  ])("AVTALSSLUT(UPPSAGNINGSDAG(…)) where Excel returns dates as data types (%s)", (_, excel) => {
    const requirements: Requirements = { isSetSupported: (name, v = "1.1") => (name === "CustomFunctionsRuntime" ? Number(v.split(".")[1]) <= 4 : name === "ExcelApi" && Number(v.split(".")[1]) <= Number(excel.split(".")[1])) };
    office.Office = { context: { requirements } };
    const notice = F.noticeDate("2027-04-30", 6);
    expect(notice).toMatchObject({ basicValue: 46326 }); // 2026-10-31, as a data type
    // The end of the period running on that notice day, renewing by 12 months from 2027-04-30.
    expect(F.contractEnd("2027-04-30", 12, notice)).toEqual({ type: excel === "1.19" ? "Double" : "FormattedNumber", basicValue: 46507, numberFormat: "yyyy-mm-dd" });
  });
});
