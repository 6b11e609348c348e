import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { CliIO, nodeIO } from "../../src/cli/io";

const EXAMPLES = join(__dirname, "..", "..", "examples");
const CONTRACTS = join(EXAMPLES, "avtal-frister.csv");
const RECURRING = join(EXAMPLES, "frister-datum.csv");

/** The real file system and the CLI's own safe writer; stdout/stderr captured; "now" fixed. */
async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  let writes = 0;
  const io: CliIO = {
    ...nodeIO,
    stdout: (t) => void (stdout += `${t}\n`),
    stderr: (t) => void (stderr += `${t}\n`),
    writeFiles: (outputs, inputs) => {
      writes++;
      nodeIO.writeFiles(outputs, inputs);
    },
    today: () => new Date(Date.UTC(2026, 11, 1, 9, 30, 0)),
  };
  const code = await run(args, io);
  return { code, stdout, stderr, writes };
}

/** The worked example: the register's dates and the agreement's recurring dates in 2027. */
const EXPECTED: [string, string][] = [
  ["2027-01-15", "Fakturering i efterskott (Q4 2026)"],
  ["2027-01-31", "Fakturering i efterskott (H2 2026) – Björkby"],
  ["2027-02-15", "Årsredovisning klar (2026)"],
  ["2027-03-31", "Nyckeln räknas (antal användare) (2027)"],
  ["2027-04-15", "Fakturering i efterskott (Q1 2027)"],
  ["2027-04-30", "Avtalsperioden slutar: Skolportal – Ceder"],
  ["2027-04-30", "Budgetförslag till medlemmarna (2028)"],
  ["2027-06-30", "Sista dag att säga upp: Ekonomisystem – Ask"],
  ["2027-06-30", "Sista dag att påkalla option 1: Lönesystem – Björkby"],
  ["2027-07-15", "Fakturering i efterskott (Q2 2027)"],
  ["2027-07-31", "Fakturering i efterskott (H1 2027) – Björkby"],
  ["2027-10-15", "Fakturering i efterskott (Q3 2027)"],
  ["2027-12-30", "Sista dag att säga upp: Skolportal – Ceder"],
  ["2027-12-31", "Avtalsperioden slutar: Ekonomisystem – Ask"],
  ["2027-12-31", "Avtalsperioden slutar: Lönesystem – Björkby"],
];

describe("samkalk calendar", () => {
  const dir = mkdtempSync(join(tmpdir(), "samkalk-calendar-"));

  it("writes one all-day VEVENT per deadline that ical.js imports, with the contract and member in SUMMARY", async () => {
    const out = join(dir, "frister.ics");
    const r = await cli(["calendar", CONTRACTS, "--recurring", RECURRING, "--from", "2027-01-01", "--months", "12", "-o", out]);
    expect([r.code, r.stderr, r.writes]).toEqual([0, "", 1]);
    expect(r.stdout).toContain("15 frister från 2027-01-01 i 12 månader skrevs till");
    const text = readFileSync(out, "utf8");
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Samkalk//Fristkalender//SV");
    const events = calendar.getAllSubcomponents("vevent");
    expect(events.map((v) => {
      const start = v.getFirstPropertyValue("dtstart") as ICAL.Time;
      expect(start.isDate).toBe(true); // all-day
      return [start.toString(), v.getFirstPropertyValue("summary")];
    })).toEqual(EXPECTED);
    for (const v of events) {
      expect(String(v.getFirstPropertyValue("uid"))).toMatch(/^2027\d{4}-[0-9a-f]{14}@samkalk$/);
      expect((v.getFirstPropertyValue("dtstamp") as ICAL.Time).toString()).toBe("2026-12-01T09:30:00Z");
    }
    expect(new Set(events.map((v) => v.getFirstPropertyValue("uid"))).size).toBe(15);
    const notice = events[7];
    expect(notice.getFirstPropertyValue("description")).toBe("Uppsägning senast 2027-06-30 gör att avtalet upphör 2027-12-31. Annars förlängs det med 12 månader.");
    // RFC 5545 at the byte level: CRLF only, no line over 75 octets.
    expect(text.split("\r\n").every((line) => !line.includes("\n") && Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("gives the same UIDs on every export, whenever it is run, so a re-import updates rather than duplicates", async () => {
    const a = join(dir, "a.ics");
    const b = join(dir, "b.ics");
    await cli(["calendar", CONTRACTS, "--recurring", RECURRING, "--from", "2027-01-01", "--months", "12", "-o", a]);
    await cli(["calendar", CONTRACTS, "--from", "2027-06-01", "--months", "3", "-o", b]);
    const uids = (file: string) => new Map(new ICAL.Component(ICAL.parse(readFileSync(file, "utf8"))).getAllSubcomponents("vevent").map((v) => [String(v.getFirstPropertyValue("summary")), v.getFirstPropertyValue("uid")]));
    const later = uids(b);
    expect([...later.keys()]).toEqual(["Sista dag att säga upp: Ekonomisystem – Ask", "Sista dag att påkalla option 1: Lönesystem – Björkby"]);
    for (const [summary, uid] of later) expect(uids(a).get(summary)).toBe(uid);
  });

  it("writes the Frister sheet as xlsx, dates as dates", async () => {
    const out = join(dir, "frister.xlsx");
    expect((await cli(["calendar", CONTRACTS, "--from", "2027-01-01", "--months", "12", "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as never);
    const sheet = wb.getWorksheet("Frister")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Datum", "Vad", "Leverantör/System", "Medlem", "Gäller", "Beskrivning"]);
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(3).getCell(2).value).toBe("Uppsägning");
    expect(sheet.getRow(3).getCell(5).value).toBe("2027-12-31");
    const date = sheet.getRow(3).getCell(1);
    expect([date.value, date.numFmt]).toEqual([new Date(Date.UTC(2027, 5, 30)), "yyyy-mm-dd"]);
  });

  it("writes the same rows as Swedish CSV, dates as ÅÅÅÅ-MM-DD", async () => {
    const out = join(dir, "frister.csv");
    expect((await cli(["calendar", CONTRACTS, "--from", "2027-01-01", "--months", "12", "-o", out])).code).toBe(0);
    const lines = readFileSync(out, "utf8").replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]).toBe("Datum;Vad;Leverantör/System;Medlem;Gäller;Beskrivning");
    expect(lines[2]).toBe("2027-06-30;Uppsägning;Ekonomisystem;Ask;2027-12-31;Uppsägning senast 2027-06-30 gör att avtalet upphör 2027-12-31. Annars förlängs det med 12 månader.");
  });

  it("refuses to write over an input, and exits 2 naming file, row and column on a bad recurring date", async () => {
    const before = readFileSync(RECURRING);
    const overInput = await cli(["calendar", CONTRACTS, "--recurring", RECURRING, "-o", RECURRING]);
    expect([overInput.code, overInput.stderr]).toEqual([2, expect.stringContaining("utfilen är samma fil som infilen frister-datum.csv")]);
    expect(readFileSync(RECURRING)).toEqual(before);
    const bad = join(dir, "datum.csv");
    writeFileSync(bad, "Händelse;Upprepas;Månad;Dag\nBudget;årligen;13;30\nFakturering;varannan vecka;;\n");
    const r = await cli(["calendar", CONTRACTS, "--recurring", bad, "--from", "2027-01-01", "-o", join(dir, "inte.ics")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("datum.csv, rad 2, kolumn Månad: '13' är ingen månad");
    expect(r.stderr).toContain("datum.csv, rad 3, kolumn Upprepas: 'varannan vecka' är ingen upprepning");
    expect(r.writes).toBe(0);
  });
});
