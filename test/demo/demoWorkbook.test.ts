import { DEMO_KEY, DEMO_MEMBERS, buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { TABLES } from "../../src/model/tables";
import { readModel, readSettings } from "../../src/app/model";
import { checkTable } from "../../src/core/tablecheck";
import { KNOWN_RULES } from "../../src/model/tableRules";
import { isCellError, TableData } from "../../src/core/cells";
import { fromExcelSerial, formatIsoDate } from "../../src/core/dates";

/**
 * The standalone page's demo: DOMAIN.md §3's worked example with four invented members. That its
 * tables never share a cell is in tableOverlap.test.ts, its fee of 5 013 300 kr in
 * financingCycle.test.ts; here, that the example sheet shows the worked example and that the
 * tables agree with each other and with the model year.
 */
let wb: EmbeddedWorkbook;
beforeAll(async () => {
  wb = await buildDemoWorkbook();
});

const MEMBERS = DEMO_MEMBERS.map(([name]) => name);
const table = async (name: string): Promise<TableData> => (await wb.readTables([name]))[0]!;
const columnOf = (t: TableData, header: string) => t.rows.map((r) => r[t.headers.indexOf(header)]);
const values = async (address: string) => (await wb.readRange("Exempel", address)).values;

describe("the example sheet", () => {
  it("opens on it, at A1", () => {
    expect(wb.getSelection()).toEqual({ sheet: "Exempel", address: "A1" });
  });

  it("splits 100 000 kr half equally and half by inhabitants: DOMAIN.md's parts, summing exactly", async () => {
    expect((await values("C2:C6")).flat()).toEqual([25_593, 19_700, 39_024, 15_683, 100_000]);
    expect((await values("B6")).flat()).toEqual([47_145]); // 12 345 + 6 789 + 25 010 + 3 001
  });

  it("shows shares whose percentages, to two decimals, sum to 100", async () => {
    // 26,185… 14,400… 53,049… 6,365…: the two hundredths left go to 53,04 and 6,36, the largest remainders.
    expect((await values("D2:D5")).flat()).toEqual([0.2618, 0.144, 0.5305, 0.0637]);
  });

  it("shows agreed − invoiced with a missing side as 0", async () => {
    // Ask 100 000 − 112 500; Björkby not invoiced; Ceder invoiced without a contract; Dal even.
    expect((await values("G2:G5")).flat()).toEqual([-12_500, 40_000, -7_300, 0]);
  });

  it("shows a quarter split, a notice day and an uplift", async () => {
    // 1 020 001 / 4 = 255 000,25: the krona left goes to the first quarter.
    expect((await values("B8:E8")).flat()).toEqual([255_001, 255_000, 255_000, 255_000]);
    expect(formatIsoDate(fromExcelSerial((await values("B9"))[0][0] as number))).toBe("2026-10-31"); // six months before 2027-04-30
    expect((await values("B10")).flat()).toEqual([1_020_000]);
  });
});

describe("the model tables", () => {
  it("read into a model of 2027 without a row error", async () => {
    expect((await readSettings(wb)).year).toBe(2027);
    expect((await readModel(wb, 2027)).errors).toEqual([]);
  });

  it("pass the table check with the rules the model knows", async () => {
    const findings: string[] = [];
    // Kostnadsutfall too: its member rows have no Avsnitt but a Kategori, so they are lines.
    for (const name of Object.values(TABLES)) {
      const t = (await wb.readTables([name]))[0];
      if (!t) continue;
      const grid = [t.headers, ...t.rows.map((r) => r.map((v) => (isCellError(v) ? v.error : v)))];
      for (const f of checkTable(grid, [], { knownRules: KNOWN_RULES })) findings.push(`${name}: ${f.message}`);
    }
    expect(findings).toEqual([]);
  });

  it("name only the four members, wherever a member is named", async () => {
    expect(MEMBERS).toEqual(["Ask", "Björkby", "Ceder", "Dal"]);
    expect(columnOf(await table(TABLES.members), "Medlem")).toEqual(MEMBERS);
    const named = new Set<unknown>();
    for (const name of [TABLES.key, TABLES.memberCosts, TABLES.contracts, TABLES.outcomes, TABLES.callOffs, TABLES.penalties]) {
      const t = await table(name);
      const header = t.headers.find((h) => ["Medlem", "Kommun", "Kommun/Medlem"].includes(h));
      expect([name, header]).toEqual([name, expect.any(String)]);
      columnOf(t, header!).forEach((m) => named.add(m));
    }
    columnOf(await table(TABLES.costOutcomes), "Medlem").filter((m) => m !== null && m !== "").forEach((m) => named.add(m));
    expect([...named].filter((m) => !MEMBERS.includes(m as never))).toEqual([]);
  });

  it("have two key versions of every member, the later counted in March 2027 and in force from April", () => {
    for (const version of ["Användare 2026", "Användare 2027"]) {
      expect(DEMO_KEY.filter((r) => r[0] === version).map((r) => r[4])).toEqual(MEMBERS);
    }
    const later = DEMO_KEY.find((r) => r[0] === "Användare 2027")!;
    expect([formatIsoDate(fromExcelSerial(later[2])), formatIsoDate(fromExcelSerial(later[3]))]).toEqual(["2027-03-15", "2027-04-01"]);
  });

  it("book each member's own cost outcome against a cost line that member has", async () => {
    const lines = await table(TABLES.memberCosts);
    const own = new Set(lines.rows.map((r) => `${r[lines.headers.indexOf("Medlem")]} / ${r[lines.headers.indexOf("Kostnad")]}`));
    const outcomes = await table(TABLES.costOutcomes);
    const booked = outcomes.rows.filter((r) => r[outcomes.headers.indexOf("Medlem")]).map((r) => `${r[outcomes.headers.indexOf("Medlem")]} / ${r[outcomes.headers.indexOf("Kategori")]}`);
    expect(booked.filter((b) => !own.has(b))).toEqual([]);
    expect(booked).toHaveLength(5);
  });

  it("price every service that is called off or guaranteed, and index every contract from a month in the index", async () => {
    const prices = new Set(columnOf(await table(TABLES.prices), "Tjänst"));
    expect(columnOf(await table(TABLES.callOffs), "Tjänst").filter((s) => !prices.has(s))).toEqual([]);
    expect(columnOf(await table(TABLES.guarantees), "Tjänst").filter((s) => !prices.has(s))).toEqual([]);
    const index = await table(TABLES.index);
    const months = new Set(index.rows.map((r) => `${r[index.headers.indexOf("Serie")]} ${r[index.headers.indexOf("Månad")]}`));
    const contracts = await table(TABLES.contracts);
    const [series, base] = [columnOf(contracts, "Indexserie"), columnOf(contracts, "Basmånad")];
    const indexed = series.flatMap((s, i) => (s ? [`${s} ${base[i]}`] : []));
    expect(indexed).toEqual(["KPI 2023-10"]);
    expect(indexed.filter((m) => !months.has(m))).toEqual([]);
  });

  it("is the same workbook on every build, whatever day it is built", async () => {
    jest.useFakeTimers({ now: new Date(2031, 0, 15) });
    try {
      const later = await buildDemoWorkbook();
      expect(JSON.stringify(later.snapshot())).toBe(JSON.stringify(wb.snapshot()));
    } finally {
      jest.useRealTimers();
    }
  });
});
