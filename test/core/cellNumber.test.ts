import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { amountFromCellNumber, checkCellDigits, excelDouble, significantDigits } from "../../src/core/cellNumber";
import { isDomainError } from "../../src/core/errors";
import { MAX_NUMBER_TEXT, parseNumberText } from "../../src/core/numberText";
import { importRecords, readAmount } from "../../src/model/records";
import type { FieldSpec } from "../../src/model/fields";

describe("amountFromCellNumber: a cell's double as the amount Excel shows", () => {
  it("reads a binary float the way Excel shows it, to 15 significant digits", () => {
    expect(amountFromCellNumber(2386801.5999999996).toString()).toBe("2386801.6");
    expect(amountFromCellNumber(0.1 + 0.2).toString()).toBe("0.3");
    expect(amountFromCellNumber(0.1 * 3).toString()).toBe("0.3");
    expect(amountFromCellNumber(-1234.5).toString()).toBe("-1234.5");
    expect(amountFromCellNumber(123456789012345680000).toFixed()).toBe("123456789012346000000");
    expect(amountFromCellNumber(-0).toString()).toBe("0");
  });

  it("refuses NaN and the infinities with a Swedish message naming the cell", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      try {
        amountFromCellNumber(bad, { file: "budget.xlsx", cell: "B7" });
        throw new Error("not refused");
      } catch (error) {
        expect(isDomainError(error)).toBe(true);
        expect((error as Error).message).toMatch(/är inget tal en cell kan hålla/);
        expect((error as { location: unknown }).location).toEqual({ file: "budget.xlsx", cell: "B7" });
      }
    }
  });

  it("refuses a double so near the largest that 15 digits round past it, instead of reading Infinity", () => {
    // Found by the fuzzer: 1.7976931348623151e308 to 15 digits is 1.79769313486232e308, beyond any double.
    for (const near of [-1.7976931348623151e308, Number.MAX_VALUE]) {
      expect(() => amountFromCellNumber(near, { cell: "B2" })).toThrow(/större än Excel kan visa/);
    }
    expect(amountFromCellNumber(9.99999999999999e307).toString()).toBe("9.99999999999999e+307");
  });

  it("property: a decimal of at most 15 significant digits comes back exactly from its double", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: -20, max: 20 }), (digits, exponent) => {
        const exact = new Amount(digits.toString()).times(new Amount(10).pow(exponent));
        expect(amountFromCellNumber(Number(exact.toString())).equals(exact)).toBe(true);
      }),
    );
  });

  it("property: any finite double gives at most 15 significant digits, within Excel's display rounding", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const a = amountFromCellNumber(x);
        expect(significantDigits(a)).toBeLessThanOrEqual(15);
        if (x !== 0) expect(a.minus(x).abs().dividedBy(Math.abs(x)).lessThanOrEqualTo("5e-15")).toBe(true);
      }),
    );
  });
});

describe("amount text a cell could not hold", () => {
  it("refuses more than 15 significant digits instead of rounding them away", () => {
    expect(() => checkCellDigits(new Amount("1234567890123456"), "1234567890123456")).toThrow(/16 värdesiffror; Excel håller högst 15/);
    expect(checkCellDigits(new Amount("123456789012345"), "x").toFixed()).toBe("123456789012345");
    expect(checkCellDigits(new Amount("1000000000000000000000"), "x").toFixed()).toBe("1000000000000000000000");
  });

  it("an import names the row and column of such an amount", () => {
    const table = { file: "budget.csv", headers: ["Post", "Belopp"], rows: [["Lön", "1 234 567 890 123,456"], ["Hyra", 2386801.5999999996]], rowNumbers: [2, 3] };
    const fields: FieldSpec<"post" | "amount">[] = [{ field: "post", label: "Post", headers: ["Post"], required: true }, { field: "amount", label: "Belopp", headers: ["Belopp"], required: true }];
    const result = importRecords(table, fields, { post: 0, amount: 1 }, (get) => ({ amount: get("amount", readAmount) }));
    expect(result.errors).toEqual([{ file: "budget.csv", row: 2, column: "Belopp", message: expect.stringContaining("har 16 värdesiffror") }]);
    expect(result.records.map((r) => r.amount!.toString())).toEqual(["2386801.6"]);
  });

  it("refuses number text longer than a few hundred characters before decimal.js reads it", () => {
    expect(() => parseNumberText("1".repeat(MAX_NUMBER_TEXT + 1))).toThrow(/har 301 tecken och är inget tal/);
    const huge = "9".repeat(1_000_000);
    const started = Date.now();
    expect(() => readAmount(huge)).toThrow(/1\s000\s000 tecken/);
    expect(Date.now() - started).toBeLessThan(500);
    expect(parseNumberText("1".repeat(MAX_NUMBER_TEXT)).kind).toBe("number");
  });
});

describe("excelDouble: the hot path's rounding", () => {
  it("is the double of amountFromCellNumber's amount", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        expect(String(excelDouble(x))).toBe(String(Number(amountFromCellNumber(x).toString())));
      }),
    );
    expect(excelDouble(0.1 + 0.2)).toBe(0.3);
  });
});
