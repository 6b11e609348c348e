import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";

/**
 * The port against Microsoft's own mock of Office.js (office-addin-mock), independent of the
 * project's fake: a property read before it was loaded and synced answers an error text there
 * (Excel throws), so a port that forgot a load would return that text instead of the cells.
 */
function mockHost(data: Record<string, unknown>) {
  const context = new OfficeMockObject(data) as unknown as Excel.RequestContext;
  return { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context), context };
}

describe("the port on office-addin-mock", () => {
  it("reads the selection with its sheet, values and formulas, loaded before they are read", async () => {
    const range = { address: "Data!C2:D3", values: [["Medlem", "Vikt"], ["Ask", 3]], formulas: [["Medlem", "Vikt"], ["Ask", "=1+2"]], worksheet: { name: "Data" } };
    const { run } = mockHost({ workbook: { range, getSelectedRange(this: { range: unknown }) { return this.range; } } });
    const read = await new OfficeWorkbook({ run }).readSelection();
    expect(read).toEqual({ sheet: "Data", address: "C2:D3", values: [["Medlem", "Vikt"], ["Ask", 3]], formulas: [[null, null], [null, "=1+2"]] });
  });

  it("answers an error text for what was not loaded and synced, so the first test can fail", async () => {
    const range = { address: "Data!A1", values: [[1]], formulas: [[1]], worksheet: { name: "Data" } };
    const { run, context } = mockHost({ workbook: { range, getSelectedRange(this: { range: unknown }) { return this.range; } } });
    expect(context.workbook.getSelectedRange().address).toMatch(/not loaded/i);
    context.workbook.getSelectedRange().load("address");
    expect(context.workbook.getSelectedRange().address).toMatch(/sync\(\) was not called/);
    await expect(new OfficeWorkbook({ run }).readSelection()).resolves.toMatchObject({ sheet: "Data" });
  });
});
