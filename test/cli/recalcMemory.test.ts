import { formulaCount } from "../../src/cli/recalcMemory";

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
