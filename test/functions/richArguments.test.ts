import * as F from "../../src/functions/functions";
import metadata from "../../src/functions/metadata.json";
import { Requirements } from "../../src/functions/excelDates";
import { DEFINITIONS } from "../../src/functions/definitions";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The metadata sets allowCustomDataForDataTypeAny, so Excel may pass a data type into any
 * parameter: a date another SAMKALK function returned, a formatted number, a linked text. Each
 * must count as the value the cell shows, in every parameter of every function.
 */
/** Each Excel wrapper of functions.ts by its id, read from its @customfunction tag. */
const WRAPPERS = new Map(
  [...readFileSync(join(__dirname, "..", "..", "src", "functions", "functions.ts"), "utf-8").matchAll(/@customfunction (\w+)[\s\S]*?export function (\w+)/g)].map(([, id, name]) => [id, (F as unknown as Record<string, (...args: unknown[]) => unknown>)[name]]),
);
const SAMPLES = Object.fromEntries(DEFINITIONS.map((d) => [d.id, { call: WRAPPERS.get(d.id)!, args: [...d.sample] }]));

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
  it("every function in the metadata has a wrapper in functions.ts and a sample in its definition", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const { call } of Object.values(SAMPLES)) expect(typeof call).toBe("function");
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
