import fc from "fast-check";
import { SHEET_COLUMNS, SHEET_ROWS, columnIndex, columnLetters, parseA1, parseRange, rangeA1, toA1, tryParseA1 } from "../../src/core/a1";

describe("A1 addresses", () => {
  it("names columns as Excel does, past Z and ZZ", () => {
    expect([0, 25, 26, 51, 52, 99, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "CV", "ZZ", "AAA", "XFD"]);
  });

  it("reads back every column it names, and every cell", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 0, max: 1_048_575 }), (col, row) => {
      expect(columnIndex(columnLetters(col))).toBe(col);
      expect(parseA1(toA1({ row, col }))).toEqual({ row, col });
    }));
  });

  it("reads absolute and lower-case addresses, and says in Swedish what is no address", () => {
    expect(tryParseA1("$b$12")).toEqual({ row: 11, col: 1 });
    expect(tryParseA1(" C3 ")).toEqual({ row: 2, col: 2 });
    expect(tryParseA1("B0x")).toBeNull();
    expect(tryParseA1("Summa")).toBeNull();
    expect(() => parseA1("A")).toThrow("'A' är ingen celladress");
  });

  it("knows only the cells of Excel's sheet, 1 048 576 rows by 16 384 columns (A–XFD), and says so in Swedish", () => {
    expect([SHEET_ROWS, SHEET_COLUMNS]).toEqual([1_048_576, 16_384]);
    expect([tryParseA1("A1"), tryParseA1("XFD1048576"), tryParseA1("$xfd$1")]).toEqual([{ row: 0, col: 0 }, { row: 1_048_575, col: 16_383 }, { row: 0, col: 16_383 }]);
    for (const address of ["A0", "$A$0", "XFE1", "ZZZ1", "A1048577", "A9999999"]) {
      expect(tryParseA1(address)).toBeNull();
      expect(() => parseA1(address)).toThrow(`'${address}' ligger utanför bladet, som har raderna 1–1 048 576 och kolumnerna A–XFD`);
    }
    expect(() => parseRange("A1:XFE2")).toThrow("'XFE2' ligger utanför bladet");
  });

  it("reads a range in either corner order, drops a sheet name, and writes a single cell without a colon", () => {
    expect(parseRange("D10:B2")).toEqual({ start: { row: 1, col: 1 }, end: { row: 9, col: 3 } });
    expect(parseRange("'Blad 1'!A1:B2")).toEqual({ start: { row: 0, col: 0 }, end: { row: 1, col: 1 } });
    expect(parseRange("C3")).toEqual({ start: { row: 2, col: 2 }, end: { row: 2, col: 2 } });
    expect(rangeA1({ row: 1, col: 1 }, 3, 2)).toBe("B2:C4");
    expect(rangeA1({ row: 1, col: 1 }, 1, 1)).toBe("B2");
  });
});
