import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { SAVINGS_SHEET, savingsFromTable, writeSavings } from "../../src/app/savings";
import { SourceTable } from "../../src/core/cells";
import { checkWritten } from "./writtenTables";

const table = (rows: (string | number | null)[][], headers = ["Aktivitet", "Timmar en medlem", "Timmar var för sig", "Timmar tillsammans"]): SourceTable => ({
  file: "blad Blad1", headers, rows, rowNumbers: rows.map((_, i) => i + 2),
});

const RULES = ["Sparade timmar = Timmar 3 var för sig - Timmar tillsammans", "Besparing (kr) = Kostnad var för sig - Kostnad tillsammans"];

describe("procurement savings from a table of activities", () => {
  it("takes n × one member's hours unless the hours separately are given, at the hourly cost", () => {
    const { result, errors } = savingsFromTable(table([["Kravställning", 100, null, 150], ["Utvärdering", 40, 100, 70]]), 3, 500);
    expect(errors).toEqual([]);
    // Kravställning: 3 × 100 = 300 h alone, 150 saved, 75 000 kr; Utvärdering: 100 h given, 30 saved, 15 000 kr.
    expect(result!.activities.map((a) => [a.separately.toNumber(), a.savedHours.toNumber(), a.saving.toNumber(), a.share!.toNumber()])).toEqual([[300, 150, 75_000, 0.5], [100, 30, 15_000, 0.3]]);
    // The whole: 180 saved of 400 alone is 45 %, not the mean of 50 % and 30 %.
    expect([result!.total.separately.toNumber(), result!.total.saving.toNumber(), result!.total.share!.toNumber()]).toEqual([400, 90_000, 0.45]);
  });

  it("returns every bad row's error, naming row and column, and no result", () => {
    const { result, errors } = savingsFromTable(table([["Kravställning", 100, null, 150], ["", 10, null, 5], ["Avtal", 20, null, null]]), 3, 500);
    expect(result).toBeNull();
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, "Aktivitet"], [4, "Timmar tillsammans"]]);
    expect(errors[1].message).toMatch(/timmarna tillsammans saknas/);
  });
});

describe("the Besparing sheet", () => {
  it("shows the share rounded half up to 0,01 %, leaves it empty where nothing was done alone, and adds up", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    // Hours: 90 alone, 20 together, 70 saved: 7/9 = 0,77777… shown 0,7778. Tillsyn: no hours at all.
    const { result } = savingsFromTable(table([["Kravställning", 30, null, 20], ["Tillsyn", 0, null, 0]]), 3, 425);
    await writeSavings(wb, result!);
    const sheet = await wb.readRange(SAVINGS_SHEET, "A1:I4");
    expect(sheet.values[1]).toEqual(["Kravställning", 30, 90, 20, 70, 38_250, 8_500, 29_750, 0.7778]);
    expect(sheet.values[2][8]).toBeNull();
    expect(sheet.values[3]).toEqual(["Summa", 30, 90, 20, 70, 38_250, 8_500, 29_750, 0.7778]);
    expect(await checkWritten(wb, SAVINGS_SHEET, { title: "Besparing", top: 0, height: 4, width: 9, rules: RULES, ratioColumns: ["Besparing (%)"] })).toEqual([]);
    expect([0, 1, 3].map((row) => wb.cellDisplay(SAVINGS_SHEET, row, 0).bold)).toEqual([true, false, true]);
    expect(wb.cellDisplay(SAVINGS_SHEET, 1, 8).numberFormat).toBe("0.00%");
  });

  it("is replaced whole by a later run with fewer activities", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await writeSavings(wb, savingsFromTable(table([["A", 10, null, 5], ["B", 10, null, 5]]), 2, 100).result!);
    await writeSavings(wb, savingsFromTable(table([["C", 10, null, 12]]), 2, 100).result!);
    const sheet = await wb.readRange(SAVINGS_SHEET, "A2:H4");
    // 2 × 10 = 20 alone, 12 together: 8 hours, 800 kr saved; the old rows are gone.
    expect(sheet.values).toEqual([["C", 10, 20, 12, 8, 2_000, 1_200, 800], ["Summa", 10, 20, 12, 8, 2_000, 1_200, 800], [null, null, null, null, null, null, null, null]]);
  });
});
