import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { bridgeFromModel } from "../../src/app/feeBridge";
import { MODEL_IMPORTS, previewModelImport, writeModelImport } from "../../src/app/modelImport";
import { TABLES } from "../../src/model/tables";
import type { SourceTable } from "../../src/core/cells";

const FILE: SourceTable = {
  file: "forandringar-2027.csv",
  headers: ["År", "Förändring", "Belopp", "Beslut"],
  rows: [
    ["2026", "Lönerevision 2025", "(+ 198 000)", "§ 12"],
    ["2027", "Indexuppräkning licenser 3,5 %", "(+ 334 100)", "§ 31"],
    ["2027", "Avslutat avtal Ärendesystem", "(-285 000)", "§ 31"],
    ["2027", "Säkerhetsövervakning, ny tjänst", "(+1 500 000)", "§ 31"],
  ],
  rowNumbers: [2, 3, 4, 5],
};

describe("the fee bridge from the Förändringar table", () => {
  it("is imported from a file on the model screen and bridges the model year's changes only", async () => {
    expect(MODEL_IMPORTS.feeChanges.model.name).toBe(TABLES.feeChanges);
    const preview = previewModelImport("feeChanges", FILE);
    expect(preview.errors).toEqual([]);
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await writeModelImport(wb, preview);
    const { report, errors } = await bridgeFromModel(wb, 2027, 17_640_000, 19_189_100);
    expect(errors).toEqual([]);
    expect(report!.bridge.steps.map((s) => [s.label, s.amount.toFixed(), s.runningTotal.toFixed()])).toEqual([
      ["Indexuppräkning licenser 3,5 %", "334100", "17974100"],
      ["Avslutat avtal Ärendesystem", "-285000", "17689100"],
      ["Säkerhetsövervakning, ny tjänst", "1500000", "19189100"],
    ]);
    expect(report!.bridge.remainder!.toFixed()).toBe("0");
  });

  it("returns the table's row errors instead of a bridge that leaves a change out", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: TABLES.feeChanges, sheet: "Blad1", headers: ["År", "Förändring", "Belopp"], rows: [[2027, "Ny tjänst", 1_500_000], [2027, "Lokal", "fyrahundra"]] }]);
    const { report, errors } = await bridgeFromModel(wb, 2027, 17_640_000);
    expect(report).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: "Belopp" })]);
  });

  it("says in Swedish when there is no table, or no change for the year", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await expect(bridgeFromModel(wb, 2027, 1)).rejects.toThrow("ingen tabell Förändringar");
    await wb.writeTables([{ name: TABLES.feeChanges, sheet: "Blad1", headers: ["År", "Förändring", "Belopp"], rows: [[2026, "Lön", 5]] }]);
    await expect(bridgeFromModel(wb, 2027, 1)).rejects.toThrow("inga förändringar för 2027");
  });
});
