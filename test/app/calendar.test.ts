import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readSourceFile } from "../../src/io/sourceTable";
import { guessMapping } from "../../src/model/fields";
import { CONTRACTS, importContracts } from "../../src/model/contracts";
import { importRecurringDates } from "../../src/model/recurringDates";
import { writeImport } from "../../src/app/importTable";
import { CALENDAR_SHEET, calendarEntries, runCalendar } from "../../src/app/calendar";
import { TABLES } from "../../src/model/tables";
import { formatIsoDate, parseDate } from "../../src/core/dates";
import { checkAllWritten } from "./writtenTables";

const example = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "..", "examples", name)));

describe("the deadline calendar as a sheet", () => {
  it("writes Frister through the port from the workbook's Avtal table, options of different lengths kept through the table", async () => {
    const wb = new EmbeddedWorkbook(["Start"]);
    const source = await readSourceFile(example("avtal-frister.csv"), "avtal-frister.csv");
    const contracts = importContracts(source, guessMapping(source.headers, CONTRACTS.fields));
    expect(contracts.errors).toEqual([]);
    expect(contracts.records[1].options!.map((o) => o.months)).toEqual([24, 12]);
    await writeImport(wb, "contracts", contracts.records);
    const recurring = await readSourceFile(example("frister-datum.csv"), "frister-datum.csv");
    expect(importRecurringDates(recurring).errors).toEqual([]);
    await wb.writeTables([{ name: TABLES.recurringDates, sheet: "Kalender", headers: recurring.headers, rows: recurring.rows.map((r) => r.map((c) => (c === null ? "" : String(c)))) }]);

    const run = await runCalendar(wb, parseDate("2027-01-01"), 12);
    expect(run.errors).toEqual([]);
    expect(run.entries).toHaveLength(15);
    const sheet = await wb.readRange(CALENDAR_SHEET, "A1:F16");
    expect(sheet.values[0]).toEqual(["Datum", "Vad", "Leverantör/System", "Medlem", "Gäller", "Beskrivning"]);
    expect(sheet.values[9].slice(1, 5)).toEqual(["Option 1", "Lönesystem", "Björkby", "2029-12-31"]);
    expect(sheet.values[9][5]).toBe("Option 1 påkallad senast 2027-06-30 förlänger avtalet till 2029-12-31.");
    expect(await checkAllWritten(wb, run.blocks.map((block) => ({ sheet: CALENDAR_SHEET, block })))).toEqual([]);

    // The Avtal table holds "24 + 12" as written, and reads back as the same two options.
    const [table] = await wb.readTables([TABLES.contracts]);
    expect(table!.rows[1][table!.headers.indexOf("Option (mån)")]).toBe("24 + 12");
    const again = calendarEntries(contracts.records, [], parseDate("2029-01-01"), 12);
    expect(again.map((e) => [formatIsoDate(e.date), e.what, e.concerns])).toContainEqual(["2029-06-30", "Option 2", "2030-12-31"]);
  });

  it("writes nothing while the Avtal table has row errors", async () => {
    const wb = new EmbeddedWorkbook(["Start"]);
    await wb.writeTables([{ name: TABLES.contracts, sheet: "Avtal", headers: ["Leverantör/System", "Kommun/Medlem", "Avtalat", "Slutdatum"], rows: [["Visma", "Ask", 100, "2027-02-30"]] }]);
    await wb.writeTables([{ name: TABLES.recurringDates, sheet: "Kalender", headers: ["Händelse", "Upprepas", "Månad"], rows: [["Budget", "årligen", "13"]] }]);
    const run = await runCalendar(wb, parseDate("2027-01-01"), 12);
    expect(run.errors.map((e) => `${e.file}, rad ${e.row}, kolumn ${e.column}: ${e.message}`)).toEqual([
      "blad Avtal, tabell Avtal, rad 2, kolumn Slutdatum: 2027-02-30 är inget giltigt datum",
      "blad Kalender, tabell Kalender, rad 2, kolumn Månad: '13' är ingen månad; skriv 1–12 eller t.ex. april",
    ]);
    expect(await wb.sheetNames()).not.toContain(CALENDAR_SHEET);
  });
});
