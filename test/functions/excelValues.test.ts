import {
  amountFromExcel, asMatrix, basicArgument, inShapeOf, originOfAddress, positionIn, readDate, readInteger, readNumber, readNumberValue, readRange, toExcelNumber, withOrigin,
} from "../../src/functions/excelValues";
import { FunctionError } from "../../src/functions/functionError";
import { Amount } from "../../src/core/money";
import { formatIsoDate } from "../../src/core/dates";
import { functionErrorOf } from "../thrown";

/** The error a call threw, as code and message; fails unless it is a FunctionError. */
const numberOf = (value: Parameters<typeof readNumberValue>[0]) => {
  const v = readNumberValue(value, "belopp");
  return v.kind === "number" ? v.value.toString() : v.kind;
};

describe("numbers from Excel", () => {
  it("reads a double as Excel shows it, to 15 significant digits", () => {
    expect(amountFromExcel(0.1 + 0.2).toString()).toBe("0.3");
    expect(amountFromExcel(2386801.5999999996).toString()).toBe("2386801.6"); // docs/regler.md's example
    expect(functionErrorOf(() => amountFromExcel(Infinity))).toEqual({ code: "#VALUE!", message: "Infinity är inget ändligt tal" });
  });

  it("reads blanks as blank, n/a as missing, and Swedish number text as its number", () => {
    expect([null, undefined, "", "n/a", "saknas", "1 000 kr", "3,6 tkr", "50 %", "-", 12.5].map(numberOf)).toEqual(["blank", "blank", "blank", "missing", "missing", "1000", "3600", "0.5", "0", "12.5"]);
  });

  it("takes a one-cell range as its value and refuses a larger one where one value belongs", () => {
    expect(numberOf([[7]])).toBe("7");
    expect(functionErrorOf(() => readNumberValue([[1], [2]], "belopp"))).toEqual({ code: "#VALUE!", message: "belopp ska vara ett enda värde, inte ett område" });
  });

  it("refuses TRUE as an amount", () => {
    expect(functionErrorOf(() => readNumberValue(true, "belopp"))).toEqual({ code: "#VALUE!", message: "belopp: true är inget tal" });
  });

  it("refuses numbers of 10^15 and more, as cell numbers and as text, since Excel no longer holds them exactly", () => {
    expect(numberOf(999_999_999_999_999)).toBe("999999999999999");
    const tooLarge = { code: "#VALUE!", message: "belopp: talet är större än Excel kan räkna exakt (högst 15 siffror)" };
    expect(functionErrorOf(() => readNumberValue(1e15, "belopp"))).toEqual(tooLarge);
    expect(functionErrorOf(() => readNumberValue("-1 000 000 000 000 000", "belopp"))).toEqual(tooLarge);
    expect(functionErrorOf(() => toExcelNumber(new Amount("1e15")))).toEqual({ code: "#VALUE!", message: "resultatet är större än Excel kan visa exakt (högst 15 siffror)" });
  });

  it("quotes a huge text cell by its first 40 characters only", () => {
    const cell = `Ask${"x".repeat(32_764)}`; // Excel's longest cell text, 32 767 characters
    expect(functionErrorOf(() => readNumberValue(cell, "belopp"))).toEqual({ code: "#VALUE!", message: `belopp: texten '${cell.slice(0, 40)}…' är inget tal` });
  });

  it("says a required number is missing: #VALUE! when blank, #N/A when written as n/a", () => {
    expect(functionErrorOf(() => readNumber("", "belopp"))).toEqual({ code: "#VALUE!", message: "belopp: värde saknas" });
    expect(functionErrorOf(() => readNumber("n/a", "belopp"))).toEqual({ code: "#N/A", message: "belopp: värde saknas" });
  });

  it("takes an optional whole number's default when blank, and names the range otherwise", () => {
    expect([readInteger(undefined, "decimaler", 0, 0, 2), readInteger("", "decimaler", 2, 0, 4), readInteger("2", "decimaler", 0, 0, 2)]).toEqual([0, 2, 2]);
    expect(functionErrorOf(() => readInteger(2.5, "decimaler", 0, 0, 2))).toEqual({ code: "#VALUE!", message: "decimaler ska vara ett heltal från 0 till 2, inte 2,5" });
    expect(functionErrorOf(() => readInteger(-1, "år", 1, 0, 100))).toEqual({ code: "#VALUE!", message: "år ska vara ett heltal från 0 till 100, inte -1" });
  });
});

describe("dates from Excel", () => {
  it("reads a serial or a date text, from a one-cell range too", () => {
    // 45777 is 2025-04-30 in the 1900 system.
    expect([readDate(45777, "slutdatum"), readDate("2025-04-30", "slutdatum"), readDate([[45777]], "slutdatum")].map(formatIsoDate)).toEqual(["2025-04-30", "2025-04-30", "2025-04-30"]);
  });

  it("says a date is missing, or what it got instead", () => {
    expect(functionErrorOf(() => readDate("", "slutdatum"))).toEqual({ code: "#VALUE!", message: "slutdatum: datum saknas" });
    expect(functionErrorOf(() => readDate(null, "slutdatum"))).toEqual({ code: "#VALUE!", message: "slutdatum: datum saknas" });
    expect(functionErrorOf(() => readDate("2025-02-30", "per_datum"))).toEqual({ code: "#VALUE!", message: "per_datum: 2025-02-30 är inget giltigt datum" });
  });
});

describe("where a cell of a range is, in a message", () => {
  it("is its place in the range: a row in a column, a column in a row, both in a block", () => {
    expect(positionIn([[1], [2], [3]], 2, 0)).toBe("rad 3");
    expect(positionIn([[1, 2, 3]], 0, 1)).toBe("kolumn 2");
    expect(positionIn([[1, 2], [3, 4]], 1, 0)).toBe("rad 2, kolumn 1");
  });

  it("is the sheet cell when the host said where the range starts", () => {
    // A range from C5: its second row, first column is C6.
    expect(positionIn(withOrigin([[1], [2]], { row: 4, col: 2 }), 1, 0)).toBe("cell C6");
    expect(positionIn(withOrigin([[1, 2]], { row: 0, col: 25 }), 0, 1)).toBe("cell AA1"); // from Z1, one column on
  });

  it("reads the start of a range from Excel's parameter address", () => {
    expect(["A1:B5", "Blad1!B2:B5", "'Mitt blad'!$C$3", "'Avtal 2025'!AA10:AB12", "XFD1048576"].map(originOfAddress)).toEqual([
      { row: 0, col: 0 }, { row: 1, col: 1 }, { row: 2, col: 2 }, { row: 9, col: 26 }, { row: 1_048_575, col: 16_383 },
    ]);
    expect([undefined, "", "Vikter", "Blad1!R1C1"].map(originOfAddress)).toEqual([null, null, null, null]);
  });

  it("keeps the marked start hidden from comparisons and through basicArgument", () => {
    const marked = withOrigin([[{ type: "Double", basicValue: 1 }], ["x"]] as never, { row: 4, col: 2 });
    const plain = basicArgument(marked as unknown[][], "vikter");
    expect(plain).toEqual([[1], ["x"]]);
    expect(positionIn(plain as never, 1, 0)).toBe("cell C6");
    expect(functionErrorOf(() => basicArgument([[1], [{ kind: "okänt" }]], "vikter"))).toEqual({ code: "#VALUE!", message: "vikter, rad 2: värdet är varken ett tal, en text eller ett datum" });
  });
});

describe("ranges in and out", () => {
  it("reads each cell of a range in reading order, naming a bad one by its place", () => {
    expect(readRange([[1, ""], ["2", null]], "vikter").map((v) => v.kind)).toEqual(["number", "blank", "number", "blank"]);
    expect(functionErrorOf(() => readRange([[1, 2], [3, "tre"]], "vikter"))).toEqual({ code: "#VALUE!", message: "vikter, rad 2, kolumn 2: texten 'tre' är inget tal" });
  });

  it("lays results out in the input's shape: a column stays a column, a row a row, a block a block", () => {
    expect(inShapeOf([[0], [0], [0]], [1, 2, 3])).toEqual([[1], [2], [3]]);
    expect(inShapeOf([[0, 0, 0]], [1, 2, 3])).toEqual([[1, 2, 3]]);
    expect(inShapeOf([[0, 0], [0, 0]], [1, 2, 3, 4])).toEqual([[1, 2], [3, 4]]);
    expect(asMatrix(5)).toEqual([[5]]);
  });
});
