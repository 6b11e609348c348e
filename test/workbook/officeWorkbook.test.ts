import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { FakeExcel, PAYLOAD_LIMIT } from "./fakeExcel";

/** An output sheet as large as a reconciliation of many contracts: about 7 MB of cells. */
const bigSheet = (n: number, tag: string) => Array.from({ length: n }, (_, i) => [`Leverantör ${i} ${tag}`, `Kommun ${i % 300}`, i * 10, i * 10 + 5, -5, "Avviker", `Kommentar om rad ${i}`, i]);

describe("sheets larger than Excel on the web takes in one request", () => {
  it("are written in pieces, written again over their old content (read back in pieces), and nothing is refused", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await wb.writeSheets([{ sheet: "Avtalskontroll", cells: bigSheet(60_000, "a") }]);
    await wb.writeSheets([{ sheet: "Avtalskontroll", cells: bigSheet(60_000, "b") }]);
    const refused = fake.requests.filter((r) => r.refused);
    // The first read of the old content is refused as too large, as Excel on the web would; it is then read in pieces.
    expect(refused.map((r) => r.response > PAYLOAD_LIMIT)).toEqual([true]);
    expect(fake.requests.filter((r) => !r.refused).every((r) => r.request <= 4.2 * 1024 * 1024 && r.response <= 4.2 * 1024 * 1024)).toBe(true);
    expect([fake.cell("Avtalskontroll", "A1")!.value, fake.cell("Avtalskontroll", "A60000")!.value, fake.cell("Avtalskontroll", "H60000")!.value]).toEqual(["Leverantör 0 b", "Leverantör 59999 b", 59999]);
  });

  it("a write that fails in a later piece puts the old sheet back whole", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await wb.writeSheets([{ sheet: "Avtalskontroll", cells: bigSheet(60_000, "a") }]);
    const before = JSON.stringify([...fake.sheets.get("Avtalskontroll")!].sort());
    // How many round trips a rewrite takes; the failure is put in its last one, a later piece of cells.
    const probe = new FakeExcel(["Blad1"]);
    const probeWb = new OfficeWorkbook(probe.host());
    await probeWb.writeSheets([{ sheet: "Avtalskontroll", cells: bigSheet(60_000, "a") }]);
    const start = probe.syncs;
    await probeWb.writeSheets([{ sheet: "Avtalskontroll", cells: bigSheet(60_000, "b") }]);
    const rewrite = probe.syncs - start;
    expect(rewrite).toBeGreaterThan(4);
    fake.failSyncNumber = fake.syncs + rewrite;
    await expect(wb.writeSheets([{ sheet: "Avtalskontroll", cells: bigSheet(60_000, "b") }])).rejects.toThrow("simulerat");
    expect(JSON.stringify([...fake.sheets.get("Avtalskontroll")!].sort())).toBe(before);
  });

  it("small sheets still take three round trips", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    const start = fake.syncs;
    await wb.writeSheets([{ sheet: "Ut", cells: [["a", 1]] }]);
    expect(fake.syncs - start).toBe(3);
  });
});

describe("a workbook whose structure is protected", () => {
  it("refuses, before writing anything, a write that must add a sheet, and rewrites a sheet that exists", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    await wb.writeSheets([{ sheet: "Medlemsbidrag", cells: [["gammalt"]] }]);
    fake.structureProtected = true;
    const before = JSON.stringify([[...fake.sheets].map(([n, m]) => [n, [...m]]), [...fake.tables]]);
    const refusal = "arbetsbokens struktur är skyddad (Granska → Skydda arbetsbok)";
    await expect(wb.writeSheets([{ sheet: "Medlemsbidrag", cells: [["nytt"]] }, { sheet: "Ny", cells: [[1]] }])).rejects.toThrow(refusal);
    await expect(wb.writeSheets([{ sheet: "Medlemsbidrag", cells: [["nytt"]] }], { remove: ["Blad1"] })).rejects.toThrow(refusal);
    await expect(wb.writeTables([{ name: "Avtal", sheet: "Blad1", headers: ["Leverantör"], rows: [["Visma"]] }])).rejects.toThrow(refusal);
    expect(JSON.stringify([[...fake.sheets].map(([n, m]) => [n, [...m]]), [...fake.tables]])).toBe(before);
    await wb.writeSheets([{ sheet: "Medlemsbidrag", cells: [["nytt"]] }]);
    expect(fake.cell("Medlemsbidrag", "A1")?.value).toBe("nytt");
  });

  it("is what the fake refuses too, so the guard is needed: a sheet added under protection fails in Excel", async () => {
    const fake = new FakeExcel(["Blad1"]);
    fake.structureProtected = true;
    await expect(fake.host().run(async (context) => {
      context.workbook.worksheets.add("Ny");
      await context.sync();
    })).rejects.toThrow("AccessDenied");
  });
});
