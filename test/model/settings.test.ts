import { Amount } from "../../src/core/money";
import { defaultSettings, parseSettings, storeSettings } from "../../src/model/settings";

describe("the model settings the document stores", () => {
  it("stores and reads every setting exactly, and falls back to the default for a value that does not parse", () => {
    const today = { year: 2026 };
    const read = parseSettings({ lastYearFee: "4900000.5", upliftRate: "0.025", equalShare: "0.1", year: "2027", keyVersion: "Användare 2027" }, today);
    expect(storeSettings(read)).toEqual({ lastYearFee: "4900000.5", upliftRate: "0.025", equalShare: "0.1", year: "2027", keyVersion: "Användare 2027" });
    const fallback = parseSettings({ upliftRate: "två", year: "27" }, today);
    expect([fallback.upliftRate.toFixed(), fallback.year, fallback.lastYearFee]).toEqual([defaultSettings(today).upliftRate, 2027, null]);
  });

  it("reads only numbers as storeSettings writes them, not the other forms decimal.js or Number take", () => {
    const today = { year: 2026 };
    for (const damaged of ["NaN", "Infinity", "0x10", "1e6", ".5", "0,03"]) {
      const read = parseSettings({ lastYearFee: damaged, upliftRate: damaged, equalShare: damaged }, today);
      expect([damaged, read.lastYearFee, read.upliftRate.toFixed(), read.equalShare.toFixed()]).toEqual([damaged, null, "0.02", "0"]);
    }
    // 0x7EB and 2.027e3 are 2027 to Number; a stored year is four digits.
    expect(["0x7EB", "2.027e3", "2030.0", "2030"].map((year) => parseSettings({ year }, today).year)).toEqual([2027, 2027, 2027, 2030]);
    expect(parseSettings({ lastYearFee: "-120000.25", upliftRate: "-0.01" }, today)).toMatchObject({ lastYearFee: new Amount("-120000.25"), upliftRate: new Amount("-0.01") });
  });
});
