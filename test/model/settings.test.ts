import { defaultSettings, listSetting, parseSettings, storeSettings } from "../../src/model/settings";

describe("the model settings the document stores", () => {
  const isText = (x: unknown): x is string => typeof x === "string";

  it("reads a stored list's items of the right shape, and nothing from a missing or damaged setting", () => {
    expect(listSetting('["Fakturaunderlag", 3, "Periodplan", null]', isText)).toEqual(["Fakturaunderlag", "Periodplan"]);
    expect(listSetting(undefined, isText)).toEqual([]);
    expect(listSetting("", isText)).toEqual([]);
    expect(listSetting("{inte json", isText)).toEqual([]);
    expect(listSetting('{"a": "b"}', isText)).toEqual([]);
  });

  it("stores and reads every setting exactly, and falls back to the default for a value that does not parse", () => {
    const today = { year: 2026 };
    const read = parseSettings({ lastYearFee: "4900000.5", upliftRate: "0.025", equalShare: "0.1", year: "2027", keyVersion: "Användare 2027" }, today);
    expect(storeSettings(read)).toEqual({ lastYearFee: "4900000.5", upliftRate: "0.025", equalShare: "0.1", year: "2027", keyVersion: "Användare 2027" });
    const fallback = parseSettings({ upliftRate: "två", year: "27" }, today);
    expect([fallback.upliftRate.toFixed(), fallback.year, fallback.lastYearFee]).toEqual([defaultSettings(today).upliftRate, 2027, null]);
  });
});
