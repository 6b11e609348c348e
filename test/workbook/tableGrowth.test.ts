import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { readModel, readSettings } from "../../src/app/model";
import { computeFee } from "../../src/app/fee";

/** Excel grows a table over what is typed or pasted right under it; the embedded workbook does too. */
describe("a model table grows to its data", () => {
  it("reads a 21-line budget pasted over the demo's lines whole, and the fee comes from all 21", async () => {
    const wb = await buildDemoWorkbook();
    const [before] = await wb.readTables(["Budget"]);
    const lines = Array.from({ length: 21 }, (_, i) => [`Avsnitt ${i % 3}`, `Rad ${i + 1}`, 100_000 + i, 1, 50_000, 150_000 + i]);
    wb.setBlockFromUser("Budget", "A2", lines.map((r) => r.map((v) => (typeof v === "number" ? { kind: "number" as const, value: v } : { kind: "text" as const, text: v }))) as never);
    const [after] = await wb.readTables(["Budget"]);
    expect(after!.rows.length).toBe(Math.max(21, before!.rows.length));
    const settings = await readSettings(wb);
    const fee = computeFee(await readModel(wb, settings.year), settings);
    // Σ (150 000 + i) for i = 0…20 = 3 150 210: every pasted line counts.
    expect(fee.fee.budgetTotal.toNumber()).toBe(3_150_210);
  });

  it("grows by a row typed right under the table, and not by one typed further down", async () => {
    const wb = await buildDemoWorkbook();
    const [before] = await wb.readTables(["Budget"]);
    const bottom = before!.rows.length + 2; // the first row under the table (header = row 1)
    wb.setCellFromUser("Budget", `B${bottom}`, "Ny rad");
    expect((await wb.readTables(["Budget"]))[0]!.rows.length).toBe(before!.rows.length + 1);
    wb.setCellFromUser("Budget", `B${bottom + 3}`, "Långt under");
    expect((await wb.readTables(["Budget"]))[0]!.rows.length).toBe(before!.rows.length + 1);
  });
});
