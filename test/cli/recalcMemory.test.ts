import { formulaCount, recalcHeapMb } from "../../src/cli/recalcMemory";
import { zip } from "../zipWriter";

/** The worker's heap is estimated from the formulas a sheet holds, and those without a cached value. */
describe("recalc's memory estimate", () => {
  it("counts formulas, with and without a prefix, and those without a cached value", () => {
    const xml = Buffer.from(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c><c r="C1"><f t="shared" ref="C1:C2" si="0">B1+1</f></c></row>' +
        '<row r="2"><c r="C2"><f t="shared" si="0"/></c><x:c r="D2"><x:f>1</x:f></x:c></row></sheetData><conditionalFormatting><cfRule><formula>A1&gt;1</formula></cfRule></conditionalFormatting>',
    );
    expect(formulaCount(xml)).toEqual({ formulas: 4, uncached: 3 });
  });
});

describe("the worksheets inflated for the estimate", () => {
  const sheet = Buffer.from(`<worksheet><sheetData>${'<row><c><f>A1+1</f></c></row>'.repeat(1000)}</sheetData></worksheet>`);

  it("are handed on, each in a buffer of its own, with the formulas counted", () => {
    const bytes = new Uint8Array(zip([["xl/workbook.xml", Buffer.from("<workbook/>")], ["xl/worksheets/sheet1.xml", sheet], ["xl/styles.xml", Buffer.from("<styleSheet/>")]]));
    const { formulas, uncached, unpacked, heapMb } = recalcHeapMb(bytes, "e.xlsx");
    expect([formulas, uncached]).toEqual([1000, 1000]);
    expect([...unpacked.keys()]).toEqual(["xl/worksheets/sheet1.xml"]);
    const part = unpacked.get("xl/worksheets/sheet1.xml")!;
    expect(Buffer.from(part).equals(sheet)).toBe(true);
    expect([part.byteOffset, part.buffer.byteLength]).toEqual([0, part.length]);
    expect(heapMb).toBe(Math.round(256 + (4 * (sheet.length + 24)) / 2 ** 20 + 3000 / 1024));
  });

  it("are not handed on past the archive's unpacking budget: the worker refuses the file itself", () => {
    const huge = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const { unpacked } = recalcHeapMb(new Uint8Array(zip([["xl/worksheets/sheet1.xml", huge]])), "bomb.xlsx");
    expect(unpacked.size).toBe(0);
  });
});
