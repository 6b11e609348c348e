import { cachedValue, cellInput, constantValue } from "../../src/io/xmlCellValue";
import type { XmlCell } from "../../src/io/sheetXml";

const cell = (type: string, value: string | null, inline?: string): XmlCell => ({ row: 0, col: 0, sheet: 0, type, value, start: 0, end: 0, formula: undefined, inline });
const strings = () => ["Ask", "Björkby"];

describe("cell values as a sheet part holds them", () => {
  it("reads each type: number, shared string, formula string, truth value, error", () => {
    expect(cachedValue(cell("n", "12345.5"), strings)).toBe(12345.5);
    expect(cachedValue(cell("s", "1"), strings)).toBe("Björkby");
    expect(cachedValue(cell("s", "9"), strings)).toBe("");
    expect(cachedValue(cell("str", ""), strings)).toBe("");
    expect([cachedValue(cell("b", "1"), strings), cachedValue(cell("b", "0"), strings), cachedValue(cell("b", "true"), strings)]).toEqual([true, false, true]);
    expect(cachedValue(cell("e", "#DIV/0!"), strings)).toEqual({ error: "#DIV/0!" });
    expect(cachedValue(cell("n", null), strings)).toBeUndefined();
  });

  it("reads an ISO date cell as the serial Excel would show, in the workbook's date system", () => {
    expect(cachedValue(cell("d", "2027-01-01"), strings)).toBe(46388);
    expect(cachedValue(cell("d", "2027-01-01"), strings, "1904")).toBe(46388 - 1462);
    expect(cachedValue(cell("d", "2027-01-01T12:00:00"), strings)).toBe(46388.5);
  });

  it("gives the engine inline text as text, an error as its formula, and nothing for an empty cell", () => {
    expect(cellInput(cell("inlineStr", null, "Ceder"), strings)).toBe("Ceder");
    expect(cellInput(cell("e", "#N/A"), strings)).toEqual({ formula: "=#N/A" });
    expect(cellInput(cell("n", null), strings)).toBeNull();
    expect(constantValue(cell("inlineStr", null, "Dal"), strings)).toBe("Dal");
  });
});
