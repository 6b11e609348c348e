import ExcelJS from "exceljs";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { VALUES_SUFFIX, shareAsValues, shareableSheets } from "../../src/app/shareValues";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

describe("Dela som värden", () => {
  it("copies sheets with SAMKALK formulas as values, and does not offer the copies again", async () => {
    const wb = new EmbeddedWorkbook(["Fördelning"]);
    await wb.writeSheets([{ sheet: "Fördelning", cells: [[1000, { formula: "=SAMKALK.UPLIFT(A1,0.02)" }]] }]);
    const { sheets: [copy] } = await shareAsValues(wb, ["Fördelning"]);
    expect(copy).toBe(`Fördelning${VALUES_SUFFIX}`);
    expect(await wb.readRange(copy, "A1:B1")).toMatchObject({ values: [[1000, 1020]], formulas: [[null, null]] });
    expect(shareableSheets(await wb.sheetNames())).toEqual(["Fördelning"]);
  });
});

/** A sheet as a colleague would get it: a share, a date, a SAMKALK result, a spilled block and text like a formula. */
function officeSheet(fake: FakeExcel) {
  fake.sheets.set("Fördelning", new Map());
  fake.setCell("Fördelning", "A1", { value: 0.2618, numberFormat: "0.00%" });
  fake.setCell("Fördelning", "B1", { value: 46507, numberFormat: "yyyy-mm-dd" });
  fake.setCell("Fördelning", "C1", { formula: "=SAMKALK.ALLOCATE(100,E1:E2)", value: 60 });
  // Spilled neighbour: Excel reports its value, and its formula as that value.
  fake.setCell("Fördelning", "C2", { value: 40 });
  fake.setCell("Fördelning", "D1", { value: "=inte en formel" });
  fake.setCell("Fördelning", "E1", { formula: "=SORT(F1:F2)", value: 3, spill: "E1:E2" });
  fake.setCell("Fördelning", "E2", { value: 2 });
}

describe("Dela som värden in Excel and on the page", () => {
  it("office before ExcelApi 1.8 makes copies, not a workbook", async () => {
    const fake = new FakeExcel(["Blad1"]);
    fake.excelApi = 1.7;
    officeSheet(fake);
    expect(await shareAsValues(new OfficeWorkbook(fake.host()), ["Fördelning"])).toEqual({ newWorkbook: false, sheets: [`Fördelning${VALUES_SUFFIX}`] });
    expect(fake.createdWorkbooks).toEqual([]);
  });

  it("office: opens a new workbook with the values and their number formats, and adds nothing here", async () => {
    const fake = new FakeExcel(["Blad1"]);
    officeSheet(fake);
    const wb = new OfficeWorkbook(fake.host());
    const before = [...fake.sheets.keys()];
    expect(await shareAsValues(wb, ["Fördelning"])).toEqual({ newWorkbook: true, sheets: ["Fördelning"] });
    expect([...fake.sheets.keys()]).toEqual(before);
    expect(fake.createdWorkbooks).toHaveLength(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(fake.createdWorkbooks[0], "base64") as never);
    const ws = book.getWorksheet("Fördelning")!;
    expect(ws.getCell("A1").value).toBe(0.2618);
    expect(ws.getCell("A1").numFmt).toBe("0.00%");
    expect(ws.getCell("B1").numFmt).toBe("yyyy-mm-dd");
    expect([ws.getCell("C1").value, ws.getCell("C2").value, ws.getCell("E1").value, ws.getCell("E2").value]).toEqual([60, 40, 3, 2]);
    expect(ws.getCell("D1").value).toBe("=inte en formel");
    for (const a of ["C1", "E1", "D1"]) expect(ws.getCell(a).formula).toBeUndefined();
  });

  it("office without Excel.createWorkbook: a copy sheet with SAMKALK as values, formats kept, replaced on a second run", async () => {
    const fake = new FakeExcel(["Blad1"]);
    officeSheet(fake);
    // Excel for Mac and Windows without createWorkbook, with dynamic arrays (ExcelApi 1.12).
    const wb = new OfficeWorkbook({ ...fake.host(), createWorkbook: undefined });
    const first = await shareAsValues(wb, ["Fördelning"]);
    const second = await shareAsValues(wb, ["Fördelning"]);
    expect(first).toEqual({ newWorkbook: false, sheets: [`Fördelning${VALUES_SUFFIX}`] });
    expect(second).toEqual(first);
    expect([...fake.sheets.keys()]).toEqual(["Blad1", "Fördelning", `Fördelning${VALUES_SUFFIX}`]);
    const copy = `Fördelning${VALUES_SUFFIX}`;
    expect(fake.cell(copy, "A1")).toEqual({ value: 0.2618, numberFormat: "0.00%" });
    expect(fake.cell(copy, "B1")).toEqual({ value: 46507, numberFormat: "yyyy-mm-dd" });
    // SAMKALK's result and its spill are values; text stays text; a kept formula that spills gets
    // its spill area empty again, not blocked by its own values (#SPILL!).
    expect(["C1", "C2", "D1"].map((a) => fake.cell(copy, a))).toEqual([{ value: 60 }, { value: 40 }, { value: "=inte en formel" }]);
    expect(fake.cell(copy, "E1")!.formula).toBe("=SORT(F1:F2)");
    expect(fake.cell(copy, "E2")!.value).toBe("");
  });

  it("office: a second run failing at any request leaves a whole copy for the colleague", async () => {
    for (let failing = 1; failing <= 6; failing++) {
      const fake = new FakeExcel(["Blad1"]);
      officeSheet(fake);
      const wb = new OfficeWorkbook({ ...fake.host(), createWorkbook: undefined });
      await shareAsValues(wb, ["Fördelning"]);
      fake.failSyncNumber = fake.syncs + failing;
      await shareAsValues(wb, ["Fördelning"]).catch(() => undefined);
      // The earlier copy, or the new one made whole before the earlier one was deleted.
      const copies = [...fake.sheets.keys()].filter((n) => n.startsWith("Fördelning ("));
      expect({ failing, whole: copies.some((n) => fake.cell(n, "C1")?.value === 60 && fake.cell(n, "C1")?.formula === undefined) }).toEqual({ failing, whole: true });
    }
  });

  it("embedded: the copy keeps percentages and dates (a date function's too), spills become values, a second run replaces it", async () => {
    const wb = new EmbeddedWorkbook(["Fördelning"]);
    await wb.writeSheets([{ sheet: "Fördelning", cells: [[0.2618, { formula: "=SAMKALK.NOTICEDATE(46507,3)" }, { formula: "=SAMKALK.ALLOCATE(100,D1:D2)" }, 3], [null, null, null, 2]], numberFormats: ["0.00%"] }]);
    await shareAsValues(wb, ["Fördelning"]);
    const [copy] = (await shareAsValues(wb, ["Fördelning"])).sheets;
    expect(await wb.sheetNames()).toEqual(["Fördelning", copy]);
    expect(wb.cellDisplay(copy, 0, 0)).toMatchObject({ value: 0.2618, numberFormat: "0.00%", formula: null });
    expect(wb.cellDisplay(copy, 0, 1)).toMatchObject({ numberFormat: "yyyy-mm-dd", formula: null });
    expect([wb.cellDisplay(copy, 0, 2).value, wb.cellDisplay(copy, 1, 2).value]).toEqual([60, 40]);
    expect(wb.cellDisplay(copy, 0, 2).formula).toBeNull();
  });
});
