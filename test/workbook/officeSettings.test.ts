import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { DocumentSettings } from "../../src/workbook/officeSettings";
import { FakeExcel } from "./fakeExcel";

/**
 * Two co-authors with the pane open on one workbook (one fake, one client context each). Each
 * client has its own in-memory copy of the Common API's document settings, as in Office, so the
 * old way (one object saved whole from that copy) lost the other's change.
 */
function client(fake: FakeExcel): { wb: OfficeWorkbook; documentSettings: Record<string, unknown> } {
  const documentSettings: Record<string, unknown> = {};
  const settings: DocumentSettings = {
    get: (name) => documentSettings[name],
    set: (name, value) => void (documentSettings[name] = value),
    remove: (name) => void delete documentSettings[name],
    saveAsync: (cb) => cb?.({ status: "succeeded" }),
  };
  return { wb: new OfficeWorkbook({ ...fake.host(), settings }), documentSettings };
}

describe("model settings with co-authors", () => {
  it("two clients writing different keys to the same workbook both keep their change", async () => {
    const fake = new FakeExcel();
    const anna = client(fake);
    const bengt = client(fake);
    await anna.wb.saveSettings({ year: "2027", upliftRate: "0.02" });
    // Bengt opened the pane before Anna's change and read the settings then.
    expect(await bengt.wb.getSettings()).toEqual({ year: "2027", upliftRate: "0.02" });
    const annaSaw = await anna.wb.getSettings();
    await anna.wb.saveSettings({ ...annaSaw, equalShare: "0.5" });
    await bengt.wb.saveSettings({ lastYearFee: "4900000" });
    const expected = { year: "2027", upliftRate: "0.02", equalShare: "0.5", lastYearFee: "4900000" };
    expect(await anna.wb.getSettings()).toEqual(expected);
    expect(await bengt.wb.getSettings()).toEqual(expected);
    // One workbook setting per key, named apart from other add-ins' settings.
    expect([...fake.workbookSettings.keys()].sort()).toEqual(["samkalk.equalShare", "samkalk.lastYearFee", "samkalk.upliftRate", "samkalk.year"]);
  });

  it("a change to the same key by both: the later one stands, the other keys are untouched", async () => {
    const fake = new FakeExcel();
    const anna = client(fake);
    const bengt = client(fake);
    await anna.wb.saveSettings({ year: "2027", decimals: "0" });
    await bengt.wb.saveSettings({ year: "2028" });
    expect(await anna.wb.getSettings()).toEqual({ year: "2028", decimals: "0" });
  });

  it("read with the model's tables: the same settings, an older version's still moved over", async () => {
    const fake = new FakeExcel();
    const anna = client(fake);
    anna.documentSettings.samkalk = { year: "2026", decimals: 0 };
    fake.workbookSettings.set("samkalk.year", "2027");
    fake.workbookSettings.set("annat.tillagg", "x");
    expect((await anna.wb.readTablesAndSettings(["Avtal"])).settings).toEqual({ year: "2027", decimals: "0" });
    expect(fake.workbookSettings.get("samkalk.decimals")).toBe("0");
    expect((await anna.wb.readTablesAndSettings(["Avtal"])).settings).toEqual({ year: "2027", decimals: "0" });
  });

  it("leaves other add-ins' workbook settings alone and ignores them when reading", async () => {
    const fake = new FakeExcel();
    fake.workbookSettings.set("annat.tillagg", "x");
    const anna = client(fake);
    await anna.wb.saveSettings({ year: "2027" });
    expect(await anna.wb.getSettings()).toEqual({ year: "2027" });
    expect(fake.workbookSettings.get("annat.tillagg")).toBe("x");
  });

  it("reads and writes in one round trip each, whatever the number of keys", async () => {
    const fake = new FakeExcel();
    const anna = client(fake);
    const before = fake.syncs;
    await anna.wb.saveSettings(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, String(i)])));
    expect(fake.syncs - before).toBe(1);
    await anna.wb.getSettings();
    expect(fake.syncs - before).toBe(2);
  });
});

describe("settings an older version kept in the document settings", () => {
  it("are moved to workbook settings once, without replacing what a co-author stored since", async () => {
    const fake = new FakeExcel();
    const anna = client(fake);
    anna.documentSettings.samkalk = { year: "2026", upliftRate: "0.02", equalShare: "0" };
    fake.workbookSettings.set("samkalk.year", "2027"); // a co-author on the new version
    expect(await anna.wb.getSettings()).toEqual({ year: "2027", upliftRate: "0.02", equalShare: "0" });
    expect(fake.workbookSettings.get("samkalk.upliftRate")).toBe("0.02");
    expect(anna.documentSettings).toEqual({}); // migrated once: the old copy is gone
    // Removed later by a co-author, a migrated key does not come back from the old copy.
    fake.workbookSettings.delete("samkalk.equalShare");
    expect(await anna.wb.getSettings()).toEqual({ year: "2027", upliftRate: "0.02" });
  });

  it("in a workbook that cannot be written (read-only), are read from the old copy and moved later", async () => {
    const fake = new FakeExcel();
    const anna = client(fake);
    anna.documentSettings.samkalk = { year: "2026" };
    fake.failSyncNumber = fake.syncs + 2; // the read succeeds, the move is refused
    expect(await anna.wb.getSettings()).toEqual({ year: "2026" });
    expect(anna.documentSettings).toEqual({ samkalk: { year: "2026" } });
    expect(fake.workbookSettings.size).toBe(0);
    expect(await anna.wb.getSettings()).toEqual({ year: "2026" }); // writable again: moved now
    expect(fake.workbookSettings.get("samkalk.year")).toBe("2026");
    expect(anna.documentSettings).toEqual({});
  });

  it("a workbook with neither reads as no settings", async () => {
    expect(await client(new FakeExcel()).wb.getSettings()).toEqual({});
  });
});
