import { errorOf } from "./errorOf";
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { printedNumberValue } from "../../src/functions/tableFunctions";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { cellBlock } from "../workbook/cellBlock";
import { formatAmount } from "../../src/core/numberText";
import { Amount } from "../../src/core/amount";


describe("TAL / NUMBER", () => {
  it.each([
    ["1 234,50 kr", 1234.5],
    ["(285 000)", -285000],
    ["(+ 334 100)", 334100],
    ["−1 500", -1500],
    ["12,5 tkr", 12500],
    ["2,5 %", 0.025],
    ["1.134.354,50", 1134354.5],
    ["-", 0],
    [4900000, 4900000],
  ])("reads %p as %p, as the printed-table reader does", (text, expected) => {
    expect(F.printedNumber(text)).toBe(expected);
  });

  it("refuses what is not a number, and gives n/a as missing, not 0, in Swedish", () => {
    expect(errorOf(() => F.printedNumber("tio"))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("'tio'") });
    expect(errorOf(() => F.printedNumber("n/a"))).toMatchObject({ code: "#N/A", message: expect.stringContaining("inte 0") });
    expect(errorOf(() => F.printedNumber(""))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("text är tom") });
    expect(errorOf(() => F.printedNumber(true))).toMatchObject({ code: "#VALUE!" });
    expect(errorOf(() => F.printedNumber("1.500"))).toMatchObject({ code: "#VALUE!" });
  });

  it("gives back any amount Samkalk prints, exactly (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.constantFrom(0, 2), (units, decimals) => {
        const amount = new Amount(units.toString()).dividedBy(10 ** decimals);
        expect(printedNumberValue(formatAmount(amount, { decimals }))).toBe(amount.toNumber());
      }),
    );
  });

  it("computes in the embedded engine under its Swedish and English names", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 0, [["'(285 000)", "=SAMKALK.TAL(A1)", "=SAMKALK.NUMBER(\"12,5 tkr\")", "=SAMKALK.TAL(\"saknas\")"]]));
    expect(wb.cellValue("Blad1", 0, 1)).toBe(-285000);
    expect(wb.cellValue("Blad1", 0, 2)).toBe(12500);
    expect(wb.cellValue("Blad1", 0, 3)).toMatchObject({ error: "#N/A" });
  });
});
