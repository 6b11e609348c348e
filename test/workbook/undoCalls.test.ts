import { UNDO_CLEARING_CALLS } from "../../src/workbook/undoCalls";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { FakeExcel } from "./fakeExcel";

/**
 * What the port says Ctrl+Z cannot undo must cover what the write did: every call the Excel fake
 * saw clear its undo stack (the fake records them by the same names) is in the port's answer.
 */
describe("the calls that clear Excel's undo stack", () => {
  const table = (rows: number[][]) => ({ name: "Avtal", sheet: "Avtal", headers: ["Avtalat"], rows });
  const nothing = async () => undefined;
  const writes: [string, (wb: OfficeWorkbook) => Promise<unknown>, (wb: OfficeWorkbook) => Promise<unknown>][] = [
    ["writeTables, a new table", nothing, (wb) => wb.writeTables([table([[1]])])],
    ["writeTables, the same table again", (wb) => wb.writeTables([table([[1]])]), (wb) => wb.writeTables([table([[1], [2]])])],
    ["writeSheets with a table and flags", nothing, (wb) => wb.writeSheets([{ sheet: "Ut", cells: [["a"], ["x"]], tables: [{ name: "T", topLeft: "A1", width: 1, height: 2 }], flagColumn: { column: 0, rules: [{ text: "x", fill: "#FDE7E9" }] } }])],
    ["deleteTable", (wb) => wb.writeTables([table([[1]])]), (wb) => wb.deleteTable("Avtal")],
    ["copySheetsAsValues", (wb) => wb.writeSheets([{ sheet: "Fördelning", cells: [[1, { formula: "=SAMKALK.UPLIFT(A1,0.02)" }]] }]), (wb) => wb.copySheetsAsValues(["Fördelning"], " (värden)")],
  ];

  it.each(writes)("%s: every call that cleared the fake's undo stack is in what the port reports", async (_name, setup, write) => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await setup(wb);
    const before = fake.undoClearedBy.length;
    await write(wb);
    const seen = new Set(fake.undoClearedBy.slice(before));
    expect(seen.size).toBeGreaterThan(0);
    for (const call of seen) {
      expect(UNDO_CLEARING_CALLS).toContain(call);
      expect(wb.lastWriteUndo()).toContain(call);
    }
  });
});
