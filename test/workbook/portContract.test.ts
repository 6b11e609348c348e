import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { WorkbookPort } from "../../src/workbook/port";
import { FakeExcel } from "./fakeExcel";
import { parseA1 } from "../../src/core/a1";
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface Subject {
  wb: WorkbookPort;
  host: WorkbookPort["host"];
  /** Everything in the workbook, to prove a failed write changed nothing. */
  state: () => string;
  /** What the port cannot read back itself: a cell's fill and number format, and the charts. */
  fill: (sheet: string, address: string) => string | undefined;
  numberFormat: (sheet: string, address: string) => string | undefined;
  charts: () => { sheet: string; name: string; title: string; topLeft: string }[];
  /** The user typing into an existing sheet, outside the port. */
  userTypes: (sheet: string, address: string, text: string) => void;
}

const implementations: [string, () => Subject][] = [
  ["embeddedWorkbook", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const display = (sheet: string, address: string) => {
      const { row, col } = parseA1(address);
      return wb.cellDisplay(sheet, row, col);
    };
    return {
      wb,
      host: "embedded",
      state: () => JSON.stringify(wb.snapshot()),
      fill: (sheet, address) => display(sheet, address).fill,
      numberFormat: (sheet, address) => display(sheet, address).numberFormat,
      charts: () => wb.charts().map(({ sheet, name, title, topLeft }) => ({ sheet, name, title, topLeft })),
      userTypes: (sheet, address, text) => wb.setCellFromUser(sheet, address, text),
    };
  }],
  ["officeWorkbook (Excel fake)", () => {
    const fake = new FakeExcel(["Blad1"]);
    return {
      wb: new OfficeWorkbook(fake.host()),
      host: "excel",
      state: () => JSON.stringify([[...fake.sheets].map(([n, m]) => [n, [...m]]), [...fake.tables]]),
      fill: (sheet, address) => fake.cell(sheet, address)?.fill,
      numberFormat: (sheet, address) => fake.cell(sheet, address)?.numberFormat,
      charts: () => fake.charts.map(({ sheet, name, title, position }) => ({ sheet, name, title, topLeft: position })),
      userTypes: (sheet, address, text) => fake.setCell(sheet, address, { value: text }),
    };
  }],
];

/** Every method of the port; a test below names each one it covers, and this list must be whole. */
const PORT_METHODS = ["host", "sheetNames", "readTables", "readTablesAndSettings", "writeTables", "writeSheets", "deleteTable", "readSelection", "readRange", "markCells", "selectRange", "copySheetsAsValues", "addChart", "getSettings", "saveSettings"] as const;
const covered = new Set<string>();
const covers = (...methods: (typeof PORT_METHODS)[number][]) => methods.forEach((m) => covered.add(m));

afterAll(() => {
  // The port's members as port.ts declares them: a method added there without a test here fails.
  const source = readFileSync(join(__dirname, "../../src/workbook/port.ts"), "utf8");
  const body = source.slice(source.indexOf("export interface WorkbookPort {"));
  const declared = [...body.slice(0, body.indexOf("\n}")).matchAll(/^ {2}(?:readonly )?(\w+)[(:]/gm)].map((m) => m[1]);
  expect([...declared].sort()).toEqual([...PORT_METHODS].sort());
  expect(PORT_METHODS.filter((m) => !covered.has(m))).toEqual([]);
});

describe.each(implementations)("workbook port contract: %s", (_name, make) => {
  let subject: Subject;
  beforeEach(() => (subject = make()));

  const avtal = {
    name: "Avtal",
    sheet: "Avtal",
    headers: ["Leverantör", "Kommun", "Avtalat"],
    rows: [["Visma", "Ask", 100000], ["Tieto", "Björkby", null]],
  };

  it("is the host it says", () => {
    covers("host");
    expect(subject.wb.host).toBe(subject.host);
  });

  it("writes a table on a new sheet and reads it back", async () => {
    covers("writeTables", "readTables", "sheetNames");
    await subject.wb.writeTables([avtal]);
    const [table, missing] = await subject.wb.readTables(["Avtal", "Utfall"]);
    expect(missing).toBeNull();
    expect(table).toMatchObject({ name: "Avtal", sheet: "Avtal", topLeft: "A1", headers: avtal.headers, rows: [["Visma", "Ask", 100000], ["Tieto", "Björkby", null]] });
    expect(await subject.wb.sheetNames()).toContain("Avtal");
  });

  it("stores text that looks like a formula, a number or a command as text", async () => {
    const nasty = ["=HYPERLINK(\"http://x\")", "+46701234567", "-53 000", "@SUM(A1)", "\tTAB", "1234"];
    await subject.wb.writeTables([{ name: "Utfall", sheet: "Utfall", headers: ["Text"], rows: nasty.map((t) => [t]) }]);
    const [table] = await subject.wb.readTables(["Utfall"]);
    expect(table!.rows.map((r) => r[0])).toEqual(nasty);
  });

  it("replaces a table in place without keeping old rows", async () => {
    await subject.wb.writeTables([{ ...avtal, rows: [...avtal.rows, ["Atea", "Ceder", 5]] }]);
    await subject.wb.writeTables([avtal]);
    await subject.wb.writeTables([avtal]);
    const [table] = await subject.wb.readTables(["Avtal"]);
    expect(table!.rows).toHaveLength(2);
    const below = await subject.wb.readRange("Avtal", "A4:C4");
    expect(below.values).toEqual([[null, null, null]]);
  });

  it.each([
    ["a duplicated header", { ...avtal, headers: ["A", "a", "B"] }],
    ["a ragged row", { ...avtal, rows: [["Visma", "Ask"]] }],
    ["an invalid table name", { ...avtal, name: "Mitt avtal" }],
    ["a non-finite number", { ...avtal, rows: [["Visma", "Ask", Infinity]] }],
  ])("writes nothing at all when one table has %s", async (_case, bad) => {
    await subject.wb.writeTables([avtal]);
    const before = subject.state();
    await expect(subject.wb.writeTables([{ ...avtal, name: "Utfall", sheet: "Utfall" }, bad as never])).rejects.toThrow();
    expect(subject.state()).toBe(before);
  });

  it("writes whole sheets, replacing what was there, and defines tables on them", async () => {
    covers("writeSheets");
    await subject.wb.writeSheets([{ sheet: "Rapport", cells: [["a", 1], ["b", 2], ["c", 3]] }]);
    await subject.wb.writeSheets([{ sheet: "Rapport", cells: [["Medlem", "Belopp"], ["x", 5]], tables: [{ name: "Rapporttabell", topLeft: "A1", width: 2, height: 2 }] }]);
    const range = await subject.wb.readRange("Rapport", "A1:B3");
    expect(range.values).toEqual([["Medlem", "Belopp"], ["x", 5], [null, null]]);
    const [table] = await subject.wb.readTables(["Rapporttabell"]);
    expect(table!.rows).toEqual([["x", 5]]);
  });

  it("reads a range with its formulas", async () => {
    covers("readRange");
    await subject.wb.writeSheets([{ sheet: "Blad1", cells: [[1, 2, { formula: "=A1+B1" }]] }]);
    const range = await subject.wb.readRange("Blad1", "A1:C1");
    expect(range.formulas).toEqual([[null, null, "=A1+B1"]]);
    expect(range.address).toBe("A1:C1");
  });

  it("selects a range and reads the selection", async () => {
    covers("selectRange", "readSelection");
    await subject.wb.writeSheets([{ sheet: "Blad1", cells: [["x", 7]] }]);
    await subject.wb.selectRange("Blad1", "A1:B1");
    expect((await subject.wb.readSelection()).values).toEqual([["x", 7]]);
  });

  it("removes the sheets of an earlier run named in the same write, ignoring missing ones", async () => {
    covers("writeSheets");
    await subject.wb.writeSheets([{ sheet: "Gammal", cells: [[1]] }]);
    await subject.wb.writeSheets([{ sheet: "Ny", cells: [[2]] }], { remove: ["Gammal", "Finns inte"] });
    const names = await subject.wb.sheetNames();
    expect(names).toContain("Ny");
    expect(names).not.toContain("Gammal");
  });

  it("refuses, before writing anything, a target or removed sheet that holds a table it must keep", async () => {
    covers("writeSheets");
    await subject.wb.writeTables([{ name: "Viten", sheet: "Viten", headers: ["Avtal", "Vite"], rows: [["X", 100]] }]);
    await subject.wb.writeSheets([{ sheet: "Gammal", cells: [[1]] }]);
    await expect(subject.wb.writeSheets([{ sheet: "viten", cells: [["ny"]] }], { keepTables: ["Viten"] })).rejects.toThrow("bladet Viten har tabellen Viten, som Samkalk aldrig skriver över");
    await expect(subject.wb.writeSheets([{ sheet: "Ny", cells: [[2]] }], { remove: ["Gammal", "Viten"], keepTables: ["Viten"] })).rejects.toThrow("bladet Viten har tabellen Viten");
    expect((await subject.wb.readTables(["Viten"]))[0]?.rows).toEqual([["X", 100]]);
    expect(await subject.wb.sheetNames()).toEqual(expect.arrayContaining(["Viten", "Gammal"]));
    expect(await subject.wb.sheetNames()).not.toContain("Ny");
    // Its own tables on its own sheets are no hindrance.
    await subject.wb.writeSheets([{ sheet: "Ny", cells: [["a"], [1]], tables: [{ name: "Egen", topLeft: "A1", width: 1, height: 2 }] }], { keepTables: ["Viten"] });
    await subject.wb.writeSheets([{ sheet: "Ny", cells: [["b"], [2]] }], { keepTables: ["Viten"] });
  });

  it("with ownSheetsOnly, refuses a user's sheet with content and writes its own sheets and empty ones", async () => {
    covers("writeSheets");
    // Blad1 exists, empty: no one's work, so it may be written, and is Samkalk's from then on.
    await subject.wb.writeSheets([{ sheet: "Blad1", cells: [["första"]] }], { ownSheetsOnly: true });
    await subject.wb.writeSheets([{ sheet: "blad1", cells: [["andra"]] }], { ownSheetsOnly: true });
    expect((await subject.wb.readRange("Blad1", "A1")).values).toEqual([["andra"]]);
    // A sheet the user wrote before Samkalk ever did: refused as target and as a sheet to remove.
    await subject.wb.writeSheets([{ sheet: "Tom", cells: [[null]] }]);
    await subject.wb.writeSheets([{ sheet: "Gammal", cells: [[1]] }], { remove: ["Tom"] });
    await subject.wb.writeTables([{ name: "Annat", sheet: "Medlemsbidrag", headers: ["Medlem"], rows: [["Ale"]] }]);
    subject.userTypes("Medlemsbidrag", "C1", "min egen budget");
    const before = subject.state();
    await expect(subject.wb.writeSheets([{ sheet: "Medlemsbidrag", cells: [["ny"]] }], { ownSheetsOnly: true })).rejects.toThrow("bladet Medlemsbidrag finns redan med innehåll som Samkalk inte har skrivit");
    await expect(subject.wb.writeSheets([{ sheet: "Gammal", cells: [[2]] }], { remove: ["Medlemsbidrag"], ownSheetsOnly: true })).rejects.toThrow("bladet Medlemsbidrag finns redan");
    expect(subject.state()).toBe(before);
    // Without the option (the demo, the port's own callers) the write goes ahead as before.
    await subject.wb.writeSheets([{ sheet: "Gammal", cells: [[3]] }], { ownSheetsOnly: true });
    expect((await subject.wb.readRange("Gammal", "A1")).values).toEqual([[3]]);
  });

  it("marks cells with a fill, leaving the others as they were", async () => {
    covers("markCells");
    await subject.wb.writeSheets([{ sheet: "Kontroll", cells: [["Summa", 10, 20], ["Rad", 1, 2]] }]);
    await subject.wb.markCells([{ sheet: "Kontroll", address: "B1:C1", fill: "#FFC7CE" }, { sheet: "Kontroll", address: "A2", fill: "#FFEB9C" }]);
    expect([subject.fill("Kontroll", "B1"), subject.fill("Kontroll", "C1"), subject.fill("Kontroll", "A2")]).toEqual(["#FFC7CE", "#FFC7CE", "#FFEB9C"]);
    expect([subject.fill("Kontroll", "A1"), subject.fill("Kontroll", "B2")]).toEqual([undefined, undefined]);
    expect((await subject.wb.readRange("Kontroll", "A1:C1")).values).toEqual([["Summa", 10, 20]]);
  });

  it("answers each mark's fill as it was, and a null fill takes the fill away", async () => {
    covers("markCells");
    await subject.wb.writeSheets([{ sheet: "Kontroll", cells: [["Summa", 10]] }]);
    expect(await subject.wb.markCells([{ sheet: "Kontroll", address: "A1", fill: "#FFEB9C" }, { sheet: "Kontroll", address: "B1", fill: "#F4B6B6" }])).toEqual([null, null]);
    expect(await subject.wb.markCells([{ sheet: "Kontroll", address: "A1", fill: "#F4B6B6" }, { sheet: "Kontroll", address: "B1", fill: null }])).toEqual(["#FFEB9C", "#F4B6B6"]);
    expect([subject.fill("Kontroll", "A1"), subject.fill("Kontroll", "B1")]).toEqual(["#F4B6B6", undefined]);
  });

  it("deletes a table with its cells and formats, keeping the sheet and the other tables", async () => {
    covers("deleteTable");
    await subject.wb.writeTables([{ ...avtal, numberFormats: [null, null, "# ##0"] }, { name: "Utfall", sheet: "Utfall", headers: ["Belopp"], rows: [[5]] }]);
    await subject.wb.markCells([{ sheet: "Avtal", address: "C2", fill: "#FFC7CE" }]);
    expect(subject.numberFormat("Avtal", "C2")).toBe("# ##0");
    await subject.wb.deleteTable("avtal");
    const [gone, kept] = await subject.wb.readTables(["Avtal", "Utfall"]);
    expect(gone).toBeNull();
    expect(kept!.rows).toEqual([[5]]);
    expect(await subject.wb.sheetNames()).toContain("Avtal");
    expect((await subject.wb.readRange("Avtal", "A1:C3")).values).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    expect([subject.numberFormat("Avtal", "C2"), subject.fill("Avtal", "C2")]).toEqual([undefined, undefined]);
    const before = subject.state();
    await subject.wb.deleteTable("Avtal");
    expect(subject.state()).toBe(before);
  });

  it("copies sheets with SAMKALK formulas as their values, other formulas kept, under free names", async () => {
    covers("copySheetsAsValues");
    await subject.wb.writeSheets([{ sheet: "Beräkning", cells: [[100, { formula: "=SAMKALK.UPLIFT(A1,0.02)" }, { formula: "=A1*2" }, "text"]] }]);
    const original = await subject.wb.readRange("Beräkning", "A1:D1");
    const [first] = await subject.wb.copySheetsAsValues(["Beräkning"], " (värden)");
    const [second] = await subject.wb.copySheetsAsValues(["Beräkning"], " (värden)");
    expect(first).toBe("Beräkning (värden)");
    expect(second).not.toBe(first);
    expect(await subject.wb.sheetNames()).toEqual(expect.arrayContaining(["Beräkning", first, second]));
    for (const name of [first, second]) {
      const copy = await subject.wb.readRange(name, "A1:D1");
      expect(copy.formulas).toEqual([[null, null, "=A1*2", null]]);
      expect(copy.values[0][0]).toBe(100);
      expect(copy.values[0][1]).toEqual(original.values[0][1]);
      expect(copy.values[0][3]).toBe("text");
    }
    expect((await subject.wb.readRange("Beräkning", "B1")).formulas).toEqual([["=SAMKALK.UPLIFT(A1,0.02)"]]);
    const [long] = await subject.wb.copySheetsAsValues(["Beräkning"], " – en mycket lång ändelse för ett blad");
    expect(long.length).toBeLessThanOrEqual(31);
  });

  it("adds a chart over a block, replacing one of the same name", async () => {
    covers("addChart");
    await subject.wb.writeSheets([{ sheet: "Prognos", cells: [["År", "Kostnad"], [2027, 10], [2028, 12]] }]);
    const chart = { sheet: "Prognos", name: "Kostnader", kind: "line" as const, title: "Kostnad per år", dataAddress: "A1:B3", topLeft: "D2" };
    await subject.wb.addChart(chart);
    await subject.wb.addChart({ ...chart, title: "Kostnad per år, ny" });
    expect(subject.charts()).toEqual([{ sheet: "Prognos", name: "Kostnader", title: "Kostnad per år, ny", topLeft: "D2" }]);
    await expect(subject.wb.addChart({ ...chart, dataAddress: "A1:A3" })).rejects.toThrow("serie");
  });

  it("keeps the model's settings in the document", async () => {
    covers("getSettings", "saveSettings");
    await subject.wb.saveSettings({ equalShare: "0.5" });
    await subject.wb.saveSettings({ decimals: "0" });
    expect(await subject.wb.getSettings()).toEqual({ equalShare: "0.5", decimals: "0" });
  });

  it("reads tables and the settings together, as each alone would", async () => {
    covers("readTablesAndSettings");
    await subject.wb.writeTables([{ name: "Avtal", sheet: "Avtal", headers: ["Leverantör", "Avtalat"], rows: [["Visma", 100]] }]);
    await subject.wb.saveSettings({ year: "2027" });
    const read = await subject.wb.readTablesAndSettings(["Avtal", "Finns"]);
    expect(read.settings).toEqual({ year: "2027" });
    expect(read.tables).toEqual(await subject.wb.readTables(["Avtal", "Finns"]));
    expect(read.tables[0]?.rows).toEqual([["Visma", 100]]);
  });
});

describe("officeWorkbook round trips", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Leverantör ${i}`, `Kommun ${i % 300}`, i * 10]);

  it.each([10, 10_000])("are the same for %i rows as for 10 and at most 5 per operation", async (n) => {
    const counts = async (count: number) => {
      const fake = new FakeExcel();
      const wb = new OfficeWorkbook(fake.host());
      const measure = async (op: () => Promise<unknown>) => {
        const start = fake.syncs;
        await op();
        return fake.syncs - start;
      };
      const spec = { name: "Avtal", sheet: "Avtal", headers: ["Leverantör", "Kommun", "Avtalat"], rows: rows(count) };
      return {
        importFirst: await measure(() => wb.writeTables([spec])),
        importAgain: await measure(() => wb.writeTables([spec])),
        read: await measure(() => wb.readTables(["Avtal", "Utfall", "Medlemmar"])),
        // The settings ride in the tables' first batch: no round trip of their own.
        readWithSettings: await measure(() => wb.readTablesAndSettings(["Avtal", "Utfall", "Medlemmar"])),
        sheet: await measure(() => wb.writeSheets([{ sheet: "Avtalskontroll", cells: rows(count) }])),
      };
    };
    const small = await counts(10);
    const large = await counts(n);
    expect(large).toEqual(small);
    for (const c of Object.values(large)) expect(c).toBeLessThanOrEqual(5);
    expect(large.readWithSettings).toBe(large.read);
  });
});
