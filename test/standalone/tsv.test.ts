import fc from "fast-check";
import { formatTsv, parseTsv } from "../../src/standalone/tsv";

describe("the clipboard's tab-separated text, as Excel writes it", () => {
  it("reads Excel's copy of a block: tabs, CRLF, a quoted cell with a line break and quotes", () => {
    expect(parseTsv('Ask\t12 345\r\n"rad 1\nrad 2"\t"sa ""ja"""\r\n')).toEqual([["Ask", "12 345"], ["rad 1\nrad 2", 'sa "ja"']]);
  });

  it("keeps a quote that does not open a quoted cell as text, and empty cells as empty", () => {
    expect(parseTsv('5" skärm\t\tx\n')).toEqual([['5" skärm', "", "x"]]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', "c"]]);
    expect(parseTsv("a\n\nb")).toEqual([["a"], [""], ["b"]]);
  });

  it("writes quotes only where Excel does", () => {
    expect(formatTsv([["Ask", "1 000,50"], ["a\tb", 'x"y']])).toBe('Ask\t1 000,50\r\n"a\tb"\t"x""y"\r\n');
  });

  it("reads back every block it writes", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "1", " ", "\t", "\n", "\r", '"', "ö") });
    const block = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(text, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 4 }));
    fc.assert(fc.property(block, (rows) => expect(parseTsv(formatTsv(rows))).toEqual(rows)));
  });
});
