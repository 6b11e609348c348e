import { labelledKey } from "../../src/functions/printedKey";
import { allocateCells } from "../../src/functions/allocationFunctions";
import { Amount } from "../../src/core/money";
import type { ExcelMatrix } from "../../src/functions/excelValues";
import { functionErrorOf } from "../thrown";

/**
 * A key as printed, pointed at by FORDELA, NYCKELANDEL and REGLERING. The gallery's key with
 * groups and subtotals is in functions.test.ts; here is when a range is such a key, and how.
 */
const key = (range: ExcelMatrix) => labelledKey(range, "vikter");
const amounts = (...values: number[]) => values.map((v) => new Amount(v));

describe("when a range is a key as printed", () => {
  it("is one for two columns of rows whose first column holds text labels", () => {
    expect(key([["Medlem", "Vikt"], ["Ask", 1], ["Björkby", 3]])?.weights.map(String)).toEqual(["1", "3"]);
  });

  it("is none for one row, for other widths, or where the first column holds only numbers", () => {
    expect(key([["Ask", 1]])).toBeNull();
    expect(key([["Medlem", "Vikt", "Not"], ["Ask", 1, ""], ["Dal", 2, ""]])).toBeNull();
    expect(key([[1, 2], [3, 4]])).toBeNull();
    // Numbers written as Swedish text are numbers too: a block of weights, not labels.
    expect(key([["1,5", 2], ["2 000", 3]])).toBeNull();
  });

  it("reads two columns of names and weights without a header row as a key", () => {
    const printed = key([["Ask", 1], ["Björkby", 3]])!;
    expect(printed.weights.map(String)).toEqual(["1", "3"]);
    // 100 on 1 : 3 is 25 / 75 exactly.
    expect(allocateCells(100, [["Ask", 1], ["Björkby", 3]])).toEqual([["Ask", 25], ["Björkby", 75]]);
  });

  it("reads a key without a header as one with: its total and group rows take no share, a wrong weight names its row", () => {
    // 1 000 on 1 : 3 is 250 / 750; the total shows their sum, the group label nothing.
    expect(allocateCells(1000, [["Kommuner", ""], ["Ask", 1], ["Björkby", 3], ["Summa", 4]])).toEqual([["Kommuner", ""], ["Ask", 250], ["Björkby", 750], ["Summa", 1000]]);
    expect(functionErrorOf(() => key([["Ask", 1], ["Björkby", "tio"]]))).toEqual({ code: "#VALUE!", message: "vikter, rad 2: 'tio' är ingen vikt" });
  });

  it("is none without a header where the first column reads as numbers, so such a range stays weights", () => {
    // "12 %" and "(5)" are no labels: two columns of weights, as before.
    expect(key([["12 %", 1], ["3 %", 2]])).toBeNull();
    expect(key([["(5)", 1], ["–", 2]])).toBeNull();
  });
});

describe("the weights of a printed key", () => {
  it("reads a weight Excel computed as 0.1+0.2 as the 0,3 it shows", () => {
    expect(key([["Medlem", "Vikt"], ["Ask", 0.1 + 0.2], ["Dal", 0.3]])?.weights.map(String)).toEqual(["0.3", "0.3"]);
  });

  it("names the row in the range of a weight that is text or missing", () => {
    expect(functionErrorOf(() => key([["Medlem", "Vikt"], ["Ask", 1], ["Björkby", "tio"]]))).toEqual({ code: "#VALUE!", message: "vikter, rad 3: 'tio' är ingen vikt" });
    expect(functionErrorOf(() => key([["Medlem", "Vikt"], ["Ask", "n/a"], ["Dal", 2]]))).toEqual({ code: "#VALUE!", message: "vikter, rad 2: 'n/a' är ingen vikt" });
  });

  it("quotes a negative weight as it is printed", () => {
    expect(functionErrorOf(() => key([["Medlem", "Vikt"], ["Ask", 1], ["Björkby", "(5 000)"]]))).toEqual({ code: "#VALUE!", message: "vikter, rad 3: vikten (5 000) är negativ; en vikt ska vara 0 eller större" });
  });
});

describe("the result in the key's shape", () => {
  it("puts each part beside its label and leaves the header's value cell empty", () => {
    const printed = key([["Medlem", "Vikt"], ["Ask", 1], ["Björkby", 3]])!;
    expect(printed.place(amounts(25, 75))).toEqual([["Medlem", ""], ["Ask", 25], ["Björkby", 75]]);
  });

  it("gives a total row the sum of the parts, not the weight printed there", () => {
    const printed = key([["Kommun", "Invånare"], ["Ask", 100], ["Björkby", 300], ["Summa", 400]])!;
    expect(printed.weights.map(String)).toEqual(["100", "300"]);
    expect(printed.place(amounts(250, 750))).toEqual([["Kommun", ""], ["Ask", 250], ["Björkby", 750], ["Summa", 1000]]);
  });

  it("shows a group label that is a number as text, and nothing beside it", () => {
    const printed = key([["Medlem", "Vikt"], [2027, ""], ["Ask", 1], ["Dal", 2]])!;
    expect(printed.place(amounts(10, 20))).toEqual([["Medlem", ""], ["2027", ""], ["Ask", 10], ["Dal", 20]]);
  });
});
