import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("sheet names the workbook makes itself", () => {
  it("cuts a copy's name on whole graphemes, never inside an emoji, and keeps it unique", async () => {
    const sheet = `${"Å".repeat(23)}👩‍👩‍👧`; // 31 UTF-16 units: a valid name that fills the limit
    const wb = new EmbeddedWorkbook([sheet]);
    const [first] = await wb.copySheetsAsValues([sheet], " (värden)");
    const [second] = await wb.copySheetsAsValues([sheet], " (värden)");
    // The name cut to 31 is the sheet's own, so the copy gets " (2)": cutting at 27 units would
    // land inside the emoji (half a surrogate pair); the whole emoji goes instead.
    expect([first, second]).toEqual([`${"Å".repeat(23)} (2)`, `${"Å".repeat(23)} (3)`]);
    for (const name of await wb.sheetNames()) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(LONE_SURROGATE);
    }
  });
});
