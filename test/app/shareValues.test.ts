import { VALUES_SUFFIX, shareAsValues, shareableSheets } from "../../src/app/shareValues";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

describe("Dela som värden", () => {
  it("copies sheets with SAMKALK formulas as values, and does not offer the copies again", async () => {
    const wb = new EmbeddedWorkbook(["Fördelning"]);
    await wb.writeSheets([{ sheet: "Fördelning", cells: [[1000, { formula: "=SAMKALK.UPLIFT(A1,0.02)" }]] }]);
    const [copy] = await shareAsValues(wb, ["Fördelning"]);
    expect(copy).toBe(`Fördelning${VALUES_SUFFIX}`);
    expect(await wb.readRange(copy, "A1:B1")).toMatchObject({ values: [[1000, 1020]], formulas: [[null, null]] });
    expect(shareableSheets(await wb.sheetNames())).toEqual(["Fördelning"]);
  });
});
