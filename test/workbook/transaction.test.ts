import type { CellInput } from "../../src/core/cells";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { WorkbookPort } from "../../src/workbook/port";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { refreshFeeTables } from "../../src/app/fee";
import { writeImport } from "../../src/app/importTable";
import { BUDGET, TABLES, tableHeaders } from "../../src/model/tables";
import { Amount } from "../../src/core/money";
import { FakeExcel } from "./fakeExcel";

const contracts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ supplier: `Leverantör ${i}`, member: "Ask", agreed: new Amount(1000 + i), start: null, end: null, renewalMonths: null, noticeMonths: null, fixedNoticeText: "", optionCallByText: "", optionCount: null }));

function officeState(fake: FakeExcel): string {
  return JSON.stringify([[...fake.sheets].map(([n, m]) => [n, [...m].sort()]), [...fake.tables].sort()]);
}

describe("nothing is lost when a write fails midway", () => {
  // The engine refuses a block that runs past the sheet's last column (XFD): a real refusal
  // inside the batch, after the other parts of the write have already been made.
  const pastTheEdge = { name: "Kanten", sheet: "Kanten", topLeft: "XFD1", headers: ["A", "B"], rows: [] };

  it("embedded: an engine failure inside the batch rolls every sheet back", async () => {
    const wb = await buildDemoWorkbook();
    const before = JSON.stringify(wb.snapshot());
    const [contractTable] = await wb.readTables([TABLES.contracts]);
    expect(contractTable).not.toBeNull();
    await expect(wb.writeTables([{ name: TABLES.contracts, sheet: contractTable!.sheet, headers: contractTable!.headers, rows: contractTable!.rows.slice(0, 1) as CellInput[][], numberFormats: contractTable!.headers.map(() => "0.00") }, pastTheEdge])).rejects.toThrow();
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("embedded: a failed write puts back values, formulas, number formats and fills (Tabellkoll's marks)", async () => {
    const wb = new EmbeddedWorkbook(["Kontroll"]);
    await wb.writeSheets([{ sheet: "Kontroll", cells: [["Summa", 10, { formula: "=B1*2" }]], cellFormats: [{ address: "B1", format: "# ##0" }] }]);
    await wb.markCells([{ sheet: "Kontroll", address: "B1:C1", fill: "#FFC7CE" }]);
    const before = JSON.stringify(wb.snapshot());
    await expect(wb.writeSheets([{ sheet: "Kontroll", cells: [["ny"]] }, { sheet: "Kanten", topLeft: "XFD1", cells: [[1, 2]] }])).rejects.toThrow();
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(wb.cellDisplay("Kontroll", 0, 1)).toMatchObject({ value: 10, numberFormat: "# ##0", fill: "#FFC7CE" });
    expect(wb.cellDisplay("Kontroll", 0, 2)).toMatchObject({ value: 20, formula: "=B1*2", fill: "#FFC7CE" });
    expect(await wb.sheetNames()).toEqual(["Kontroll"]);
  });

  it("office: a failed final sync of an import puts the table back as it was", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb: WorkbookPort = new OfficeWorkbook(fake.host());
    await writeImport(wb, "contracts", contracts(3));
    const before = officeState(fake);
    // The import's last request is the swap from the staging sheet onto the table: fail that one.
    const probe = new FakeExcel(["Blad1"]);
    const probeWb = new OfficeWorkbook(probe.host());
    await writeImport(probeWb, "contracts", contracts(3));
    const start = probe.syncs;
    await writeImport(probeWb, "contracts", contracts(10));
    fake.failSyncNumber = fake.syncs + (probe.syncs - start);
    await expect(writeImport(wb, "contracts", contracts(10))).rejects.toThrow("simulerat");
    expect(fake.syncs).toBeGreaterThan(fake.failSyncNumber); // the restore ran after the failed swap
    expect(officeState(fake)).toBe(before);
  });

  it("office: a failed refresh of the fee sheet restores the sheet it was replacing", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await wb.writeTables([
      { name: TABLES.key, sheet: "Modell", headers: ["Medlem", "Användare föregående år", "Användare"], rows: [["Ask", 1, 2], ["Dal", 3, 4]] },
      { name: TABLES.budget, sheet: "Budget", headers: tableHeaders(BUDGET), rows: [["Drift", "Plattformar", 1000, 0, 0, 1000]] },
    ]);
    await wb.writeSheets([{ sheet: "Medlemsbidrag", cells: [["gammalt innehåll", 1], [null, 2]] }]);
    const before = officeState(fake);
    fake.failSyncNumber = fake.syncs + 5; // readModel's two syncs, then the sheet write's three: fail the last
    await expect(refreshFeeTables(wb)).rejects.toThrow("simulerat");
    expect(officeState(fake)).toBe(before);
  });

  it.each<[string, () => Promise<{ wb: WorkbookPort; state: () => string }>]>([
    ["embedded", async () => { const wb = await buildDemoWorkbook(); return { wb, state: () => JSON.stringify(wb.snapshot()) }; }],
    ["office", async () => {
      const fake = new FakeExcel(["Blad1"]);
      const wb = new OfficeWorkbook(fake.host());
      await wb.writeTables([{ name: TABLES.key, sheet: "Modell", headers: ["Medlem", "Användare"], rows: [["Ask", 1], ["Ask", 2]] }]);
      return { wb, state: () => officeState(fake) };
    }],
  ])("%s: a refresh refused for a bad key changes nothing", async (_name, make) => {
    const { wb, state } = await make();
    if (wb instanceof EmbeddedWorkbook) await wb.writeTables([{ name: TABLES.key, sheet: "Modell", headers: ["Medlem", "Användare"], rows: [["Ask", 1], ["Ask", 2]] }]);
    const before = state();
    await expect(refreshFeeTables(wb)).rejects.toThrow("finns två gånger");
    expect(state()).toBe(before);
  });
});

describe("formulas the pane writes in a Swedish Excel", () => {
  const sheet = { sheet: "Medlemsbidrag", cells: [[100, { formula: "=SAMKALK.UPLIFT(A1,0.02)" }, { formula: "=SUM(A1:A1)" }]] };

  it("are written again in Swedish through formulasLocal when Excel answers #NAME? for the English names", async () => {
    const fake = new FakeExcel(["Blad1"]);
    fake.displayLanguage = "sv-SE";
    fake.nameErrorFor = /SAMKALK\.UPLIFT/;
    await new OfficeWorkbook(fake.host()).writeSheets([sheet]);
    expect(fake.cell("Medlemsbidrag", "B1")).toMatchObject({ formula: "=SAMKALK.UPPRAKNA(A1;0,02)", local: true });
    expect(fake.cell("Medlemsbidrag", "C1")).toMatchObject({ formula: "=SUM(A1:A1)" });
    expect(fake.cell("Medlemsbidrag", "C1")!.local).toBeUndefined();
  });

  it("are checked in one extra round trip only when SAMKALK formulas were written, and left as they are when Excel takes them", async () => {
    const fake = new FakeExcel(["Blad1"]);
    fake.displayLanguage = "sv-SE";
    const wb = new OfficeWorkbook(fake.host());
    const before = fake.syncs;
    await wb.writeSheets([sheet]);
    const withCheck = fake.syncs - before;
    await wb.writeSheets([{ sheet: "Annat", cells: [[1]] }]);
    expect(fake.syncs - before - withCheck).toBe(withCheck - 1);
    expect(fake.cell("Medlemsbidrag", "B1")).toMatchObject({ formula: "=SAMKALK.UPLIFT(A1,0.02)" });
  });
});
