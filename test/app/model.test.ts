import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readModel, readSettings, saveSettings } from "../../src/app/model";
import { BUDGET, MODEL_TABLES, PENALTIES, TABLES, tableHeaders } from "../../src/model/tables";
import { Amount } from "../../src/core/money";

const nextYear = new Date().getFullYear() + 1;

describe("reading the model from the workbook", () => {
  it("asks for every model table in one round trip", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const asked: (readonly string[])[] = [];
    const read = wb.readTables.bind(wb);
    wb.readTables = (names) => {
      asked.push(names);
      return read(names);
    };
    await readModel(wb, 2027);
    expect(asked).toEqual([MODEL_TABLES]);
    expect(MODEL_TABLES).toEqual(expect.arrayContaining([TABLES.budget, TABLES.key, TABLES.contracts, TABLES.feeChanges]));
  });

  it("reads missing tables as empty, without errors", async () => {
    const model = await readModel(new EmbeddedWorkbook(["Blad1"]), 2027);
    expect(model.errors).toEqual([]);
    expect([model.budget.records, model.keyVersions, model.contracts, model.outcomes, model.prices, model.penalties.records]).toEqual([[], [], [], [], [], []]);
    expect(model.keyTable).toBeNull();
  });

  it("names sheet, table, row and column of every bad row, the good rows still read", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: TABLES.budget, sheet: "Kalkyl", headers: tableHeaders(BUDGET), rows: [
      ["OH", "Hyra", 420_000, 0, 0, 420_000],
      ["OH", "Ledning", "femtio tusen", 1, 950_000, 950_000],
    ] }]);
    const model = await readModel(wb, 2027);
    // The header is row 1, so the second line is row 3.
    expect(model.errors).toEqual([expect.objectContaining({ file: "blad Kalkyl, tabell Budget", row: 3, column: "Driftbudget" })]);
    expect(model.errors[0].message).toMatch(/femtio tusen/);
    expect(model.budget.records.map((r) => r.category)).toEqual(["Hyra"]);
  });

  it("dates a penalty given as a bare quarter by the year asked for", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: TABLES.penalties, sheet: "Viten", headers: tableHeaders(PENALTIES), rows: [
      ["Ask", "Leverantören AB", "Q3", "SLA", 1000, null],
      ["Ask", "Leverantören AB", "2026 Q1", "SLA", 500, null],
    ] }]);
    const model = await readModel(wb, 2028);
    expect(model.penalties.records.map((p) => p.period)).toEqual([{ year: 2028, kind: "Q", index: 3 }, { year: 2026, kind: "Q", index: 1 }]);
  });
});

describe("the fee settings stored in the document", () => {
  it("are the defaults when none are stored: 2 % uplift, no equal share, no last fee, next year", async () => {
    const settings = await readSettings(new EmbeddedWorkbook(["Blad1"]));
    expect(settings).toEqual({ lastYearFee: null, upliftRate: new Amount("0.02"), equalShare: new Amount(0), year: nextYear, keyVersion: "" });
  });

  it("fall back to the default for a value that does not parse, and take a year only from 2000 to 2100", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.saveSettings({ upliftRate: "två procent", equalShare: " 0.5 ", year: "1999", keyVersion: " Användare 2027 " });
    const settings = await readSettings(wb);
    expect(settings.upliftRate.toFixed()).toBe("0.02");
    expect(settings.equalShare.toFixed()).toBe("0.5");
    expect(settings.year).toBe(nextYear);
    expect(settings.keyVersion).toBe("Användare 2027");
    await wb.saveSettings({ year: "2100" });
    expect((await readSettings(wb)).year).toBe(2100);
  });

  it("read a last year's fee that does not parse as no fee stated (null), as the default is", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    // Stored as storeSettings writes it, Amount.toFixed ("4900000.5"); anything else is damaged.
    for (const damaged of ["abc", "4 900 000", "4900000,5", "NaN", "0x10"]) {
      await wb.saveSettings({ lastYearFee: damaged });
      expect([damaged, (await readSettings(wb)).lastYearFee]).toEqual([damaged, null]);
    }
    await wb.saveSettings({ lastYearFee: " 4900000.5 " });
    expect((await readSettings(wb)).lastYearFee).toEqual(new Amount("4900000.5"));
  });

  it("are stored as exact text and read back unchanged", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const settings = { lastYearFee: new Amount("4900000.50"), upliftRate: new Amount("0.025"), equalShare: new Amount("0.3"), year: 2027, keyVersion: "Användare 2026" };
    await saveSettings(wb, settings);
    expect(await wb.getSettings()).toEqual({ lastYearFee: "4900000.5", upliftRate: "0.025", equalShare: "0.3", year: "2027", keyVersion: "Användare 2026" });
    expect(await readSettings(wb)).toEqual(settings);
    await saveSettings(wb, { ...settings, lastYearFee: null });
    expect((await wb.getSettings()).lastYearFee).toBe("");
    expect((await readSettings(wb)).lastYearFee).toBeNull();
  });
});
