import fc from "fast-check";
import { encodePieces, patchSheetXml, readSheetXml } from "../../src/io/sheetXml";

/** Worksheet XML as different writers produce it, read and patched without disturbing the rest. */
describe("sheet XML", () => {
  it("reads cells with a namespace prefix, without r attributes, with tabs between attributes", () => {
    const xml = `<x:worksheet xmlns:x="urn"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>12.5</x:v></x:c></x:row><x:row r="4"><x:c\tr="C4"\tt="str"><x:f>A1&amp;"x"</x:f><x:v>a&lt;b</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Bj</x:t></x:r><x:r><x:t xml:space="preserve">örk by</x:t></x:r></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const sheet = readSheetXml(xml);
    expect(sheet.prefix).toBe("x:");
    expect(sheet.cells.map((c) => [c.row, c.col, c.type, c.value, c.formula?.text ?? null, c.inline ?? null])).toEqual([
      [0, 0, "s", "0", null, null],
      [0, 1, "n", "12.5", null, null],
      [3, 2, "str", "a<b", 'A1&"x"', null],
      [3, 3, "inlineStr", null, null, "Björk by"],
    ]);
  });

  it("reads shared and array formulas with their attributes", () => {
    const xml = `<worksheet><sheetData><row r="2"><c r="D2"><f t="shared" ref="D2:D5" si="0">C2*2</f><v>4</v></c></row><row r="3"><c r="D3"><f t="shared" si="0"/><v>6</v></c><c r="E3"><f t="array" ref="E3:E6" aca="false">SAMKALK.ALLOCATE(10,B3:B6)</f><v>1</v></c></row></sheetData></worksheet>`;
    const [d2, d3, e3] = readSheetXml(xml).cells;
    expect(d2.formula).toMatchObject({ text: "C2*2", type: "shared", ref: "D2:D5", si: "0" });
    expect(d3.formula).toMatchObject({ text: null, type: "shared", si: "0" });
    expect(e3.formula).toMatchObject({ text: "SAMKALK.ALLOCATE(10,B3:B6)", type: "array", ref: "E3:E6" });
  });

  it("reads every way a writer puts a formula element, plain or with attributes, to the same formula", () => {
    const forms: [string, object | undefined][] = [
      ["<f>A1+1</f>", { text: "A1+1", element: "<f>A1+1</f>" }],
      ['<f aca="false">A1&amp;B1</f>', { text: "A1&B1", element: '<f aca="false">A1&amp;B1</f>' }],
      ["<f></f>", { text: "", element: "<f></f>" }],
      ['<f aca="false"/>', { text: "", element: '<f aca="false"/>' }],
      ['<f t="shared" ref="A1:A3" si="0">B1</f>', { text: "B1", element: '<f t="shared" ref="A1:A3" si="0">B1</f>', type: "shared", ref: "A1:A3", si: "0" }],
      ['<f t="shared" si="0"/>', { text: null, element: '<f t="shared" si="0"/>', type: "shared", si: "0" }],
      ['<f\tt="array"\tref="A1:A2">X1</f>', { text: "X1", element: '<f\tt="array"\tref="A1:A2">X1</f>', type: "array", ref: "A1:A2" }],
      ['<f aca="false" t="array" ref="A1:A2">X1</f>', { text: "X1", element: '<f aca="false" t="array" ref="A1:A2">X1</f>', type: "array", ref: "A1:A2" }],
      ["<foo/><f>A2</f>", { text: "A2", element: "<f>A2</f>" }],
    ];
    for (const [element, formula] of forms) {
      const [cell] = readSheetXml(`<worksheet><sheetData><row r="1"><c r="A1">${element}<v>1</v></c></row></sheetData></worksheet>`).cells;
      expect(cell.formula).toEqual(formula);
    }
  });

  it("patches a value, adds cells and rows in order, keeps styles and every other byte", () => {
    const xml = `<worksheet><dimension ref="A1:B3"/><sheetData><row r="1" spans="1:2"><c r="A1" s="3"><f>B1*2</f><v>1</v></c><c r="B1"><v>5</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>`;
    const sheet = readSheetXml(xml);
    const out = patchSheetXml(sheet, [
      { row: 0, col: 0, value: 10, formula: "keep" },
      { row: 0, col: 3, value: "text & mer", formula: "remove" },
      { row: 1, col: 0, value: true, formula: "remove" },
      { row: 5, col: 1, value: { error: "#DIV/0!" }, formula: "remove" },
      { row: 2, col: 1, value: { error: "#CYCLE!" }, formula: "remove" }, // not an Excel error: no value
    ]);
    expect(out).toBe(
      `<worksheet><dimension ref="A1:D6"/><sheetData><row r="1" spans="1:4"><c r="A1" s="3"><f>B1*2</f><v>10</v></c><c r="B1"><v>5</v></c><c r="D1" t="inlineStr"><is><t xml:space="preserve">text &amp; mer</t></is></c></row><row r="2"><c r="A2" t="b"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"/></row><row r="6"><c r="B6" t="e"><v>#DIV/0!</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>`,
    );
  });

  it("opens an empty <sheetData/> to add a row", () => {
    const sheet = readSheetXml(`<worksheet><sheetData/></worksheet>`);
    expect(patchSheetXml(sheet, [{ row: 0, col: 0, value: 1, formula: "remove" }])).toBe(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
  });
});

describe("cell values in sheet XML", () => {
  const { cachedValue, cellInput } = require("../../src/io/xmlCellValue") as typeof import("../../src/io/xmlCellValue");
  it("reads each cell type: numbers, shared and inline strings, booleans, errors, ISO dates as serials", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="d"><v>2027-12-31T12:00:00</v></c><c r="G1"/></row></sheetData></worksheet>`;
    const strings = () => ["noll", "ett"];
    const cells = readSheetXml(xml).cells;
    expect(cells.map((c) => cellInput(c, strings))).toEqual([1.5, "ett", "x", true, { formula: "=#N/A" }, 46752.5, null]);
    expect(cachedValue(cells[4], strings)).toEqual({ error: "#N/A" });
  });
});

describe("text in pieces as UTF-8", () => {
  it("gives the bytes of the joined text, whatever the characters and however long the pieces (property)", () => {
    const piece = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("å".repeat(5000), "😀".repeat(3000), "<c r=\"A1\"/>", `${"x".repeat(70_000)}é`));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(Buffer.from(encodePieces(pieces)).equals(Buffer.from(pieces.join(""), "utf-8"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
