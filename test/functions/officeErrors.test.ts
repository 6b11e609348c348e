import { runForExcel, toOfficeError } from "../../src/functions/officeErrors";
import { FunctionError } from "../../src/functions/functionError";

/** CustomFunctions.Error comes from test/setup/customFunctions.ts, as Excel's runtime provides it. */
const plain = (e: unknown) => ({ name: (e as Error).name, code: (e as { code: string }).code, message: (e as Error).message });

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("errors as Excel gets them", () => {
  it.each([
    ["#VALUE!", "vikter, rad 2: texten 'tio' är inget tal"],
    ["#N/A", "Varken avtalat eller fakturerat belopp"],
  ] as const)("%s carries its Swedish message, which Excel shows", (code, message) => {
    expect(plain(toOfficeError(new FunctionError(code, message)))).toEqual({ name: "CustomFunctions.Error", code, message });
  });

  it.each(["#NUM!", "#DIV/0!"] as const)("%s goes without a message, which Excel would not take with it", (code) => {
    expect(plain(toOfficeError(new FunctionError(code, "summan av vikterna är noll")))).toEqual({ name: "CustomFunctions.Error", code, message: "" });
  });
});

describe("running a body for Excel", () => {
  it("returns a value or a spill as it is", () => {
    expect(runForExcel(() => 42)).toBe(42);
    expect(runForExcel(() => [[1], [2]])).toEqual([[1], [2]]);
  });

  it("throws a body's FunctionError for the whole call as Excel's error", () => {
    expect(plain(thrown(() => runForExcel(() => {
      throw new FunctionError("#VALUE!", "belopp: värde saknas");
    })))).toEqual({ name: "CustomFunctions.Error", code: "#VALUE!", message: "belopp: värde saknas" });
  });

  it("puts an error in its own cell of a spill and leaves the other cells their values", () => {
    const result = runForExcel(() => [[10, new FunctionError("#N/A", "Varken avtalat eller fakturerat belopp")], [new FunctionError("#DIV/0!", "x"), 5]]);
    expect(result.map((row) => row.map((c) => (typeof c === "number" ? c : plain(c))))).toEqual([
      [10, { name: "CustomFunctions.Error", code: "#N/A", message: "Varken avtalat eller fakturerat belopp" }],
      [{ name: "CustomFunctions.Error", code: "#DIV/0!", message: "" }, 5],
    ]);
  });

  it("turns anything unexpected into #VALUE! saying so, never a bare exception", () => {
    const crash = (value: unknown) => plain(thrown(() => runForExcel(() => {
      throw value;
    })));
    expect(crash(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ name: "CustomFunctions.Error", code: "#VALUE!", message: "Oväntat fel i Samkalk: Cannot read properties of undefined (reading 'x')" });
    expect(crash("sträng")).toEqual({ name: "CustomFunctions.Error", code: "#VALUE!", message: "Oväntat fel i Samkalk: sträng" });
  });
});
