import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

describe("the embedded engine keeps amounts as Excel does", () => {
  it("returns large amounts with öre unrounded, typed and computed", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[1_234_567_890.12, { formula: "=A1" }, 12_345_678_901.23, { formula: "=C1/2" }, { formula: "=SAMKALK.ALLOCATE(C1,{1;1},0,2)" }]] }]);
    const row = (await wb.readRange("Blad1", "A1:E2")).values;
    expect(row[0].slice(0, 4)).toEqual([1_234_567_890.12, 1_234_567_890.12, 12_345_678_901.23, 12_345_678_901.23 / 2]);
    expect([row[0][4], row[1][4]]).toEqual([6_172_839_450.62, 6_172_839_450.61]);
  });
});
