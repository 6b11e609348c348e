import fc from "fast-check";
import { overlappingTable } from "../../src/workbook/tableOverlap";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";

const place = (name: string, row: number, col: number, width: number, height: number, sheet = "Blad1") => ({ name, sheet, row, col, width, height });

describe("tables never share a cell, as in Excel", () => {
  it("finds a shared cell exactly: side by side is apart, one column in common is not (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (r, c, w, h, r2, c2) => {
        const a = place("A", r, c, w, h);
        const b = place("B", r2, c2, 2, 2);
        const cellsOf = (t: typeof a) => new Set(Array.from({ length: t.height * t.width }, (_, i) => `${t.row + Math.floor(i / t.width)},${t.col + (i % t.width)}`));
        const shared = [...cellsOf(a)].some((k) => cellsOf(b).has(k));
        expect(overlappingTable(a, [b]) !== undefined).toBe(shared);
      }),
    );
    expect(overlappingTable(place("A", 0, 0, 7, 2), [place("B", 0, 7, 6, 4)])).toBeUndefined();
    expect(overlappingTable(place("A", 0, 0, 7, 2), [place("B", 0, 6, 6, 4)])?.name).toBe("B");
    expect(overlappingTable(place("A", 0, 0, 7, 2), [place("B", 0, 0, 6, 4, "Blad2"), place("a", 0, 0, 1, 1)])).toBeUndefined();
  });

  it("the embedded workbook refuses a table over another in Swedish, and keeps what was there", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: "Garantier", sheet: "Blad1", topLeft: "M1", headers: ["a", "b", "c", "d", "e", "f", "g"], rows: [[1, 2, 3, 4, 5, 6, 7]] }]);
    await expect(wb.writeTables([{ name: "Viten", sheet: "Blad1", topLeft: "S1", headers: ["x", "y"], rows: [[8, 9]] }])).rejects.toThrow("tabellen Viten (S1:T2) skulle dela celler med tabellen Garantier (M1:S2)");
    expect((await wb.readTables(["Viten"]))[0]).toBeNull();
    expect((await wb.readRange("Blad1", "S1:S2")).values).toEqual([["g"], [7]]);
  });

  it("the demo workbook has no two tables sharing a cell", async () => {
    const tables = (await buildDemoWorkbook()).snapshot().tables;
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect(overlappingTable(t, tables)).toBeUndefined();
  });
});
