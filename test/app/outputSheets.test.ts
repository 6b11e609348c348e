import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { MODEL_TABLE_NAMES } from "../../src/app/outputSheets";
import { FEE_SHEET, refreshFeeTables } from "../../src/app/fee";
import { GUARANTEE_SHEET, PENALTY_SHEET, PERIOD_SHEET, SUMMARY_SHEET, runPenaltyInvoices } from "../../src/app/invoice";
import { RECONCILIATION_SHEET, runReconciliation } from "../../src/app/reconcile";
import { FOLLOW_UP_SHEET, SETTLEMENT_SHEET } from "../../src/app/settle";
import { CALENDAR_SHEET } from "../../src/app/calendar";
import { BRIDGE_SHEET } from "../../src/app/feeBridge";
import { SAVINGS_SHEET } from "../../src/app/savings";
import { KEY_FIGURE_SHEET } from "../../src/app/keyFigures";
import { undoImport, writeImport } from "../../src/app/importTable";
import { TABLES } from "../../src/model/tables";

/** The product never deletes or writes over what the user keeps in the workbook. */
describe("the product's own sheets", () => {
  it("are never named like a model table", () => {
    const outputs = [FEE_SHEET, SUMMARY_SHEET, PERIOD_SHEET, GUARANTEE_SHEET, PENALTY_SHEET, RECONCILIATION_SHEET, FOLLOW_UP_SHEET, SETTLEMENT_SHEET, CALENDAR_SHEET, BRIDGE_SHEET, SAVINGS_SHEET, KEY_FIGURE_SHEET];
    const tables = new Set(MODEL_TABLE_NAMES.map((n) => n.toLowerCase()));
    expect(outputs.filter((s) => tables.has(s.toLowerCase()))).toEqual([]);
  });

  it("leave the user's Viten table on a sheet named Viten as it is, run after run", async () => {
    const wb = await buildDemoWorkbook();
    const [viten] = await wb.readTables([TABLES.penalties]);
    // Where the README tells users to keep it: on a sheet of its own name.
    await wb.writeTables([{ name: TABLES.penalties, sheet: "Viten", headers: viten!.headers, rows: viten!.rows as never }]);
    await wb.deleteTable(TABLES.penalties);
    await wb.writeTables([{ name: TABLES.penalties, sheet: "Viten", headers: viten!.headers, rows: viten!.rows as never }]);
    const first = await runPenaltyInvoices(wb, 2027, "Q1");
    const second = await runPenaltyInvoices(wb, 2027, "Q1");
    expect(second.invoices.length).toBe(first.invoices.length);
    expect(first.invoices.length).toBeGreaterThan(0);
    expect((await wb.readTables([TABLES.penalties]))[0]!.rows).toEqual(viten!.rows);
  });

  it("refuse, in Swedish and before writing, a sheet that holds a model table", async () => {
    const wb = await buildDemoWorkbook();
    const [members] = await wb.readTables([TABLES.members]);
    await wb.deleteTable(TABLES.members);
    await wb.writeTables([{ name: TABLES.members, sheet: FEE_SHEET, headers: members!.headers, rows: members!.rows as never }]);
    await expect(refreshFeeTables(wb)).rejects.toThrow(`bladet ${FEE_SHEET} har tabellen Medlemmar, som Samkalk aldrig skriver över`);
    expect((await wb.readTables([TABLES.members]))[0]!.rows).toEqual(members!.rows);
  });

  it("refuse a plain sheet of the user's named like an output, and replace their own sheet run after run", async () => {
    const wb = await buildDemoWorkbook();
    await refreshFeeTables(wb);
    await refreshFeeTables(wb);
    expect((await wb.sheetNames()).filter((n) => n.startsWith(FEE_SHEET))).toEqual([FEE_SHEET]);
    // The same model, with the user's own notes on a sheet called Avtalskontroll before any run.
    const snapshot = wb.snapshot();
    snapshot.sheets.push({ name: RECONCILIATION_SHEET, cells: [["Mina egna anteckningar om avtalen"]] });
    const withNotes = EmbeddedWorkbook.fromSnapshot(snapshot);
    await expect(runReconciliation(withNotes, { year: 2027, month: 6, day: 30 }, 6)).rejects.toThrow(`bladet ${RECONCILIATION_SHEET} finns redan med innehåll som Samkalk inte har skrivit`);
    expect((await withNotes.readRange(RECONCILIATION_SHEET, "A1:B2")).values).toEqual([["Mina egna anteckningar om avtalen", null], [null, null]]);
    // In the workbook where Samkalk made the sheet, the next run replaces it.
    await runReconciliation(wb, { year: 2027, month: 6, day: 30 }, 6);
    await runReconciliation(wb, { year: 2027, month: 6, day: 30 }, 6);
  });
});

describe("importing a table", () => {
  it("puts it beside a plain sheet of the same name, never over the user's cells, and undo leaves those cells", async () => {
    const wb = new EmbeddedWorkbook(["Avtal"]);
    await wb.writeSheets([{ sheet: "Avtal", cells: [["Mina anteckningar om avtalen"], ["Förhandla om Visma före mars"]] }]);
    const undo = await writeImport(wb, "outcomes", [{ member: "Ask", supplier: "Visma", invoiced: null }] as never);
    const user = async () => (await wb.readRange("Avtal", "A1:A2")).values;
    expect(await user()).toEqual([["Mina anteckningar om avtalen"], ["Förhandla om Visma före mars"]]);
    expect(undo.sheet).toBe("Utfall");
    // Now a plain sheet named like the table itself.
    await wb.writeSheets([{ sheet: "Prislista", cells: [["Egen prislista, ej Samkalks"]] }]);
    const prices = await writeImport(wb, "prices", []);
    expect(prices.sheet).toBe("Prislista (2)");
    expect((await wb.readRange("Prislista", "A1")).values).toEqual([["Egen prislista, ej Samkalks"]]);
    await undoImport(wb, prices);
    expect((await wb.readRange("Prislista", "A1")).values).toEqual([["Egen prislista, ej Samkalks"]]);
  });
});
