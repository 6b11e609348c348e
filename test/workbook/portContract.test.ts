import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { WorkbookPort } from "../../src/workbook/port";
import { FakeExcel } from "./fakeExcel";

interface Subject {
  wb: WorkbookPort;
  /** Everything in the workbook, to prove a failed write changed nothing. */
  state: () => string;
}

const implementations: [string, () => Subject][] = [
  ["embeddedWorkbook", () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    return { wb, state: () => JSON.stringify(wb.snapshot()) };
  }],
  ["officeWorkbook (Excel fake)", () => {
    const fake = new FakeExcel(["Blad1"]);
    return { wb: new OfficeWorkbook(fake.host()), state: () => JSON.stringify([[...fake.sheets].map(([n, m]) => [n, [...m]]), [...fake.tables]]) };
  }],
];

describe.each(implementations)("workbook port contract: %s", (_name, make) => {
  let subject: Subject;
  beforeEach(() => (subject = make()));

  const avtal = {
    name: "Avtal",
    sheet: "Avtal",
    headers: ["Leverantör", "Kommun", "Avtalat"],
    rows: [["Visma", "Ask", 100000], ["Tieto", "Björkby", null]],
  };

  it("writes a table on a new sheet and reads it back", async () => {
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
    await subject.wb.writeSheets([{ sheet: "Rapport", cells: [["a", 1], ["b", 2], ["c", 3]] }]);
    await subject.wb.writeSheets([{ sheet: "Rapport", cells: [["Medlem", "Belopp"], ["x", 5]], tables: [{ name: "Rapporttabell", topLeft: "A1", width: 2, height: 2 }] }]);
    const range = await subject.wb.readRange("Rapport", "A1:B3");
    expect(range.values).toEqual([["Medlem", "Belopp"], ["x", 5], [null, null]]);
    const [table] = await subject.wb.readTables(["Rapporttabell"]);
    expect(table!.rows).toEqual([["x", 5]]);
  });

  it("reads a range with its formulas", async () => {
    await subject.wb.writeSheets([{ sheet: "Blad1", cells: [[1, 2, { formula: "=A1+B1" }]] }]);
    const range = await subject.wb.readRange("Blad1", "A1:C1");
    expect(range.formulas).toEqual([[null, null, "=A1+B1"]]);
    expect(range.address).toBe("A1:C1");
  });

  it("selects a range and reads the selection", async () => {
    await subject.wb.writeSheets([{ sheet: "Blad1", cells: [["x", 7]] }]);
    await subject.wb.selectRange("Blad1", "A1:B1");
    expect((await subject.wb.readSelection()).values).toEqual([["x", 7]]);
  });

  it("keeps the model's settings in the document", async () => {
    await subject.wb.saveSettings({ equalShare: "0.5" });
    await subject.wb.saveSettings({ decimals: "0" });
    expect(await subject.wb.getSettings()).toEqual({ equalShare: "0.5", decimals: "0" });
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
        sheet: await measure(() => wb.writeSheets([{ sheet: "Avtalskontroll", cells: rows(count) }])),
      };
    };
    const small = await counts(10);
    const large = await counts(n);
    expect(large).toEqual(small);
    for (const c of Object.values(large)) expect(c).toBeLessThanOrEqual(5);
  });
});
