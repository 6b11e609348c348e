import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { STAGING_SHEET, chunkRows, estimateBytes } from "../../src/workbook/officeTables";
import { undoImport, writeImport } from "../../src/app/importTable";
import { Amount } from "../../src/core/money";
import { FakeExcel, PAYLOAD_LIMIT } from "./fakeExcel";

const contracts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ supplier: `Leverantör ${from + i}`, member: "Ask", agreed: new Amount(1000 + i), start: null, end: null, renewalMonths: null, noticeMonths: null, fixedNoticeText: "", optionCallByText: "", optionCount: null }));

/** A user's Avtal table as it lives in a real workbook: own style, a calculated column, a sum and a list pointing at it. */
async function userWorkbook(rows = 3) {
  const fake = new FakeExcel(["Blad1"]);
  const wb = new OfficeWorkbook(fake.host());
  await writeImport(wb, "contracts", contracts(rows));
  const table = fake.tables.get("avtal")!;
  table.style = "TableStyleLight9";
  table.width += 1;
  table.calculated = { 13: "=[@Avtalat]*2" };
  fake.setCell(table.sheet, "N1", { value: "Kvar" });
  for (let r = 2; r <= rows + 1; r++) fake.setCell(table.sheet, `N${r}`, { formula: "=[@Avtalat]*2", value: 0 });
  fake.setCell("Blad1", "A1", { formula: "=SUM(Avtal[Avtalat])", value: 0 });
  fake.validations.push({ sheet: "Blad1", address: "B1", source: '=INDIRECT("Avtal[Leverantör/System]")' });
  return { fake, wb, table };
}

function expectTableAlive(fake: FakeExcel, table: { id: string }) {
  expect(fake.tables.get("avtal")).toBe(table);
  expect(fake.tables.get("avtal")!.style).toBe("TableStyleLight9");
  expect(fake.cell("Blad1", "A1")!.formula).toBe("=SUM(Avtal[Avtalat])");
  expect(fake.validations[0].broken).toBeUndefined();
}

describe("Excel tables are kept, not recreated", () => {
  it("import, undo and a refresh keep the table's id, style, calculated column and everything that points at it", async () => {
    const { fake, wb, table } = await userWorkbook(3);
    const undo = await writeImport(wb, "contracts", contracts(6, 100));
    expectTableAlive(fake, table);
    expect(table.height).toBe(7);
    expect(fake.cell("Avtal", "N7")!.formula).toBe("=[@Avtalat]*2");
    expect(fake.cell("Avtal", "A7")!.value).toBe("Leverantör 105");
    expect(fake.cell("Avtal", "C7")!.numberFormat).toBe("#,##0");

    await undoImport(wb, undo);
    expectTableAlive(fake, table);
    expect(table.height).toBe(4);
    expect(fake.cell("Avtal", "A4")!.value).toBe("Leverantör 2");
    expect(fake.cell("Avtal", "N4")!.formula).toBe("=[@Avtalat]*2");
    expect(fake.cell("Avtal", "A5")?.value ?? "").toBe("");

    await wb.writeTables([{ name: "Avtal", sheet: "Avtal", headers: ["Leverantör/System", "Kommun/Medlem", "Avtalat"], rows: [["X", "Ask", 5]] }]);
    expectTableAlive(fake, table);
    const [back] = await wb.readTables(["Avtal"]);
    expect(back!.rows).toEqual([["X", "Ask", 5, null, null, null, null, null, null, null, null, null, null, 0]]);
    expect(fake.sheets.has(STAGING_SHEET)).toBe(false);
  });

  it("deleting and adding the table again (the old way) would have broken them: the fake says so", async () => {
    const { fake, wb } = await userWorkbook(2);
    await wb.deleteTable("Avtal");
    expect(fake.cell("Blad1", "A1")!.formula).toBe("=#REF!");
    expect(fake.validations[0].broken).toBe(true);
  });

  it("without Table.resize (before ExcelApi 1.13) the table is replaced, with its style kept", async () => {
    const { fake, wb } = await userWorkbook(2);
    fake.excelApi = 1.12;
    await writeImport(wb, "contracts", contracts(4, 50));
    expect(fake.tables.get("avtal")!.style).toBe("TableStyleLight9");
    expect((await wb.readTables(["Avtal"]))[0]!.rows.map((r) => r[0])).toEqual(["Leverantör 50", "Leverantör 51", "Leverantör 52", "Leverantör 53"]);
  });

  it.each([
    ["while staging", 2],
    ["in the swap", 3],
  ])("a write that fails %s leaves the table exactly as it was, formulas and number formats too", async (_when, nth) => {
    const { fake, wb, table } = await userWorkbook(3);
    fake.setCell("Avtal", "D2", { value: 46000, numberFormat: "d mmm yyyy" });
    const before = JSON.stringify([[...fake.sheets.get("Avtal")!].sort(), { ...table }]);
    const spec = { name: "Avtal", sheet: "Avtal", headers: ["Leverantör/System", "Kommun/Medlem", "Avtalat", "Ny kolumn"], rows: Array.from({ length: 8 }, (_, i) => [`L${i}`, "Dal", i, "x"]), numberFormats: [null, null, "0.00", null] };
    fake.failSyncNumber = fake.syncs + nth;
    await expect(wb.writeTables([spec])).rejects.toThrow("simulerat");
    expect(JSON.stringify([[...fake.sheets.get("Avtal")!].sort(), { ...fake.tables.get("avtal") }])).toBe(before);
    expectTableAlive(fake, table);
    expect(fake.sheets.has(STAGING_SHEET)).toBe(false);
  });

  it("stages on a hidden sheet that is gone afterwards", async () => {
    const { fake, wb } = await userWorkbook(2);
    const hidden: boolean[] = [];
    const sync = fake.host();
    const spy = new OfficeWorkbook({ ...sync, run: async (batch) => { const r = await sync.run(batch); hidden.push(fake.hiddenSheets.has(STAGING_SHEET)); return r; } });
    await spy.writeTables([{ name: "Avtal", sheet: "Avtal", headers: ["Avtalat"], rows: [[1]] }]);
    expect(hidden).toContain(true);
    expect(fake.sheets.has(STAGING_SHEET)).toBe(false);
  });
});

describe("formulas with relative references in a table body", () => {
  it("are written exactly as asked, also for a second table placed left of the first (the copy from staging moves references, as a paste does)", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await wb.writeTables([
      { name: "Moms", sheet: "Utfall", topLeft: "C5", headers: ["Post", "Belopp", "Med moms"], rows: [["A", 100, { formula: "=D6*1.25" }], ["B", 200, { formula: "=D7*1.25+$D$6" }]] },
      { name: "Summa", sheet: "Sammanställning", headers: ["Summa"], rows: [[{ formula: "=SUM(Utfall!E6:E7)+A3" }], [5]] },
    ]);
    expect([fake.cell("Utfall", "E6")!.formula, fake.cell("Utfall", "E7")!.formula]).toEqual(["=D6*1.25", "=D7*1.25+$D$6"]);
    expect(fake.cell("Sammanställning", "A2")!.formula).toBe("=SUM(Utfall!E6:E7)+A3");
  });

  it("survive a failed swap: a table lower down comes back from its copy with its formulas unmoved", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    const spec = { name: "Moms", sheet: "Utfall", topLeft: "C5", headers: ["Post", "Belopp", "Med moms"], rows: [["A", 100, { formula: "=D6*$A$1" }], ["B", 200, { formula: "=D7*A1" }]] };
    await wb.writeTables([spec]);
    fake.failSyncNumber = fake.syncs + 3;
    await expect(wb.writeTables([{ ...spec, rows: [["C", 1, 2]] }])).rejects.toThrow("simulerat");
    // Staged at row 1 before, the copy of A1 from row 7 fell off the sheet and came back as #REF!.
    expect([fake.cell("Utfall", "E6")!.formula, fake.cell("Utfall", "E7")!.formula]).toEqual(["=D6*$A$1", "=D7*A1"]);
  });

  it("come back unmoved when an import is undone", async () => {
    const { fake, wb } = await userWorkbook(3);
    fake.setCell("Avtal", "D3", { formula: "=C3*2", value: 0 });
    const undo = await writeImport(wb, "contracts", contracts(5, 100));
    await undoImport(wb, undo);
    expect(fake.cell("Avtal", "D3")!.formula).toBe("=C3*2");
  });
});

describe("Excel on the web's 5 MB limit", () => {
  it("the fake refuses a request over 5 MB as Excel does", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const big = Array.from({ length: 90_000 }, (_, i) => [`Leverantör med ett långt namn ${i}`, "Kommunen", 123456.78, "2027-04-30"]);
    await expect(fake.host().run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange(`A1:D${big.length}`).values = big as never;
      await context.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("Blad1", "A1")).toBeUndefined();
  });

  it("an import of 80 000 contracts (about 7 MB) goes in pieces, no request or response over 4 MB, and reads back whole", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    const records = contracts(80_000).map((c) => ({ ...c, supplier: `${c.supplier}, drift och förvaltning` }));
    await writeImport(wb, "contracts", records);
    expect(fake.requests.every((r) => !r.refused)).toBe(true);
    expect(Math.max(...fake.requests.map((r) => Math.max(r.request, r.response)))).toBeLessThan(4.2 * 1024 * 1024);
    expect(fake.requests.filter((r) => r.request > 1024 * 1024).length).toBeGreaterThan(1);
    const [back] = await wb.readTables(["Avtal"]);
    expect(back!.rows.length).toBe(80_000);
    expect(back!.rows[79_999][0]).toBe("Leverantör 79999, drift och förvaltning");
    // Long texts weigh more than the first guess: Excel refuses that piece once, and it is read again smaller.
    expect(fake.requests.filter((r) => r.refused).length).toBeLessThanOrEqual(1);
    expect(Math.max(...fake.requests.filter((r) => !r.refused).map((r) => r.response))).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("pieces the rows by their JSON size", () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`rad ${i}`, i]);
    const chunks = chunkRows(rows, 200);
    expect(chunks[0][0]).toBe(0);
    expect(chunks[chunks.length - 1][1]).toBe(100);
    for (const [a, b, bytes] of chunks) {
      expect(estimateBytes(rows.slice(a, b))).toBeLessThanOrEqual(200);
      expect(bytes).toBe(estimateBytes(rows.slice(a, b)));
    }
  });
});
