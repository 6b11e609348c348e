import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { FINDING_FILL, TABLE_CHECK_MARKS_SETTING, checkSelection, checkTableFile, clearCheckMarks } from "../../src/app/tableCheck";
import { SourceTable } from "../../src/core/cells";
import { parseA1 } from "../../src/core/a1";

const USER_FILL = "#FFEB9C";

/** A budget pasted at C3, not at A1: Nät's Summa kategori is 16 where 10 + 5 is 15. */
async function budgetAtC3(): Promise<EmbeddedWorkbook> {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeSheets([{ sheet: "Blad1", topLeft: "C3", cells: [
    ["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori"],
    ["Servrar", 100, 50, 150],
    ["Nät", 10, 5, 16],
  ] }, { sheet: "Annat", cells: [["Post", "Belopp"], ["A", 1], ["Summa", 2]] }]);
  await wb.selectRange("Blad1", "C3:F5");
  return wb;
}

const fill = (wb: EmbeddedWorkbook, sheet: string, address: string) => {
  const { row, col } = parseA1(address);
  return wb.cellDisplay(sheet, row, col).fill;
};

describe("Tabellkoll on the selection", () => {
  it("locates each finding at its sheet address, by the rules the model knows, and marks it", async () => {
    const wb = await budgetAtC3();
    const findings = await checkSelection(wb, []);
    expect(findings.map((f) => [f.sheet, f.address, f.expected?.toNumber(), f.actual?.toNumber()])).toEqual([["Blad1", "F5", 15, 16]]);
    expect(fill(wb, "Blad1", "F5")).toBe(FINDING_FILL);
    expect(fill(wb, "Blad1", "F4")).toBeUndefined();
  });

  it("gives a fixed cell the fill it had before, even when it was found wrong twice", async () => {
    const wb = await budgetAtC3();
    await wb.markCells([{ sheet: "Blad1", address: "F5", fill: USER_FILL }]);
    await checkSelection(wb, []);
    await checkSelection(wb, []);
    expect(fill(wb, "Blad1", "F5")).toBe(FINDING_FILL);
    wb.setCellFromUser("Blad1", "F5", "15");
    expect(await checkSelection(wb, [])).toEqual([]);
    expect(fill(wb, "Blad1", "F5")).toBe(USER_FILL);
    expect(JSON.parse((await wb.getSettings())[TABLE_CHECK_MARKS_SETTING])).toEqual([]);
  });

  it("keeps the marks on another range when this one is checked clean", async () => {
    const wb = await budgetAtC3();
    await wb.selectRange("Annat", "A1:B3");
    await checkSelection(wb, []);
    expect(fill(wb, "Annat", "B3")).toBe(FINDING_FILL);
    wb.setCellFromUser("Blad1", "F5", "15");
    await wb.selectRange("Blad1", "C3:F5");
    await checkSelection(wb, []);
    expect(fill(wb, "Annat", "B3")).toBe(FINDING_FILL);
  });

  it("applies the user's own rules as well", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [["Post", "A", "B", "Totalt"], ["X", 1, 2, 4]] }]);
    await wb.selectRange("Blad1", "A1:D2");
    expect((await checkSelection(wb, ["Totalt = A + B"])).map((f) => [f.address, f.expected?.toNumber()])).toEqual([["D2", 3]]);
  });

  it("runs on despite a damaged marks setting", async () => {
    const wb = await budgetAtC3();
    await wb.saveSettings({ [TABLE_CHECK_MARKS_SETTING]: "{inte json" });
    expect((await checkSelection(wb, [])).map((f) => f.address)).toEqual(["F5"]);
    expect(JSON.parse((await wb.getSettings())[TABLE_CHECK_MARKS_SETTING])).toEqual([{ sheet: "Blad1", address: "F5", before: null }]);
  });

  it("takes every mark away on request, giving each cell its own fill back, and says how many", async () => {
    const wb = await budgetAtC3();
    await wb.markCells([{ sheet: "Blad1", address: "F5", fill: USER_FILL }]);
    await checkSelection(wb, []);
    await wb.selectRange("Annat", "A1:B3");
    await checkSelection(wb, []);
    expect(await clearCheckMarks(wb)).toBe(2);
    expect([fill(wb, "Blad1", "F5"), fill(wb, "Annat", "B3")]).toEqual([USER_FILL, undefined]);
    expect(await clearCheckMarks(wb)).toBe(0);
  });
});

describe("a table file checked as printed", () => {
  const file = (headers: string[], rows: string[][]): SourceTable => ({ file: "t.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

  it("finds a total that is not the sum of its rows, counting every row but the section rows", () => {
    const { findings, checkedRows } = checkTableFile(file(["Post", "Belopp"], [["Drift", ""], ["A", "10"], ["B", "20"], ["Summa", "31"]]), []);
    expect(findings.map((f) => [f.kind, f.row, f.expected?.toNumber(), f.actual?.toNumber()])).toEqual([["total-row", "Summa", 30, 31]]);
    expect(checkedRows).toBe(3);
  });

  it("applies the model's known rules and the user's", () => {
    const budget = file(["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori", "Reserv", "Totalt"], [["Servrar", "100", "50", "151", "5", "160"]]);
    expect(checkTableFile(budget, []).findings.map((f) => [f.column, f.expected?.toNumber()])).toEqual([["Summa kategori", 150]]);
    // The user's rule reads the printed Summa kategori: 151 + 5 = 156.
    expect(checkTableFile(budget, ["Totalt = Summa kategori + Reserv"]).findings.map((f) => [f.column, f.expected?.toNumber()])).toEqual([["Summa kategori", 150], ["Totalt", 156]]);
  });
});
