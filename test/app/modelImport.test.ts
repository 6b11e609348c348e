import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { previewModelImport, withKeyVersion, writeModelImport } from "../../src/app/modelImport";
import { readModel } from "../../src/app/model";
import { CellInput, SourceTable, isAmount } from "../../src/core/cells";
import { makeDate } from "../../src/core/dates";
import { TABLES } from "../../src/model/tables";

const file = (headers: string[], rows: string[][]): SourceTable => ({ file: "fil.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
/** The rows to be written, amounts as numbers. */
const plain = (rows: CellInput[][]) => rows.map((r) => r.map((c) => (isAmount(c) ? c.toNumber() : c)));

const KEY_FILE = file(["Kommun", "Användare 2026", "Användare 2027"], [["Ask", "400", "410"], ["Dal", "120", "118"]]);

describe("previewing a model table from a file", () => {
  it("reads a budget as printed: section rows become Avsnitt, the total row is never a line", () => {
    const preview = previewModelImport("budget", file(["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori"], [
      ["Teknikplattformar", "", "", ""],
      ["Plattformar", "1 200 000", "1 140 000", "2 340 000"],
      ["OH", "", "", ""],
      ["Hyra", "420 000", "0", "420 000"],
      ["Summa årskostnad", "1 620 000", "1 140 000", "2 760 000"],
    ]));
    expect(preview.errors).toEqual([]);
    expect(preview.findings).toEqual([]);
    expect(preview.headers).toEqual(["Avsnitt", "Kategori", "Driftbudget", "Antal personer", "Personalkostnader", "Summa kategori"]);
    expect(plain(preview.rows)).toEqual([["Teknikplattformar", "Plattformar", 1_200_000, null, 1_140_000, 2_340_000], ["OH", "Hyra", 420_000, null, 0, 420_000]]);
  });

  it("shows the budget's own wrong figures as findings, which do not stop the write", async () => {
    const preview = previewModelImport("budget", file(["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori"], [["Nätverk", "350 000", "855 000", "1 205 001"]]));
    expect(preview.findings.map((f) => [f.row, f.column, f.expected?.toNumber()])).toEqual([["Nätverk", "Summa kategori", 1_205_000]]);
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await writeModelImport(wb, preview);
    expect((await readModel(wb, 2027)).budget.records.map((r) => r.categorySum?.toNumber())).toEqual([1_205_001]);
  });

  it("refuses a key with two weight columns, naming them to choose from, and reads the chosen one as a version named after it", () => {
    const ambiguous = previewModelImport("key", KEY_FILE);
    expect([ambiguous.errors.length, ambiguous.rows, ambiguous.weightCandidates]).toEqual([1, [], ["Användare 2026", "Användare 2027"]]);
    const chosen = previewModelImport("key", KEY_FILE, { column: "Användare 2027" });
    expect(chosen.errors).toEqual([]);
    expect(chosen.weightColumn).toBe("Användare 2027");
    // The driver is the column's name without its year.
    expect(plain(chosen.rows)).toEqual([["Användare 2027", "Användare", null, null, "Ask", 410], ["Användare 2027", "Användare", null, null, "Dal", 118]]);
  });

  it("names a key version and its first day without reading the file again; a blank name is the column's", () => {
    const chosen = previewModelImport("key", KEY_FILE, { column: "Användare 2027" });
    expect(withKeyVersion(chosen, "Beslut 2027", makeDate(2027, 4, 1)).rows[0].slice(0, 4)).toEqual(["Beslut 2027", "Användare", null, "2027-04-01"]);
    expect(withKeyVersion(chosen, "  ", null).rows[1].slice(0, 4)).toEqual(["Användare 2027", "Användare", null, null]);
    const budget = previewModelImport("budget", file(["Kategori", "Driftbudget"], [["Hyra", "1"]]));
    expect(withKeyVersion(budget, "x", null)).toBe(budget);
  });

  it("reads member costs printed as one block per member, each closed by its Summa årskostnad", () => {
    const preview = previewModelImport("memberCosts", file(["Post", "Belopp"], [
      ["Stadsnät", "48 000"], ["Systemägare", "285 000"], ["Summa årskostnad Ask", "333 000"],
      ["Växel", "21 000"], ["Summa årskostnad Björkby", "21 000"],
    ]));
    expect(preview.errors).toEqual([]);
    expect(plain(preview.rows)).toEqual([["Ask", "Stadsnät", 48_000, null, null], ["Ask", "Systemägare", 285_000, null, null], ["Björkby", "Växel", 21_000, null, null]]);
  });

  it("reads member cost blocks headed Kostnad; Belopp with the amounts from Belopp", () => {
    const blocks = [["Stadsnät", "48 000"], ["Systemägare", "285 000"], ["Summa årskostnad Ask", "333 000"], ["Växel", "21 000"], ["Summa årskostnad Björkby", "21 000"]];
    const expected = [["Ask", "Stadsnät", 48_000, null, null], ["Ask", "Systemägare", 285_000, null, null], ["Björkby", "Växel", 21_000, null, null]];
    for (const headers of [["Kostnad", "Belopp"], ["Kostnad", "Kostnad kr"], ["Post", "Kostnad"], ["Kostnad", "Årskostnad"]]) {
      const preview = previewModelImport("memberCosts", file(headers, blocks));
      expect([headers, preview.errors]).toEqual([headers, []]);
      expect([headers, plain(preview.rows)]).toEqual([headers, expected]);
    }
  });

  it("names the row and column of a bad account in a mapping", () => {
    const preview = previewModelImport("accountMapping", file(["Konto", "Objekt", "Medlem", "System"], [["5410", "12", "Ask", "Visma"], ["54A", "", "Dal", "Visma"]]));
    expect(preview.errors).toEqual([{ file: "fil.csv", row: 3, column: "Konto", message: "'54A' är inget kontonummer" }]);
    expect(preview.rows).toEqual([["5410", "12", "", "Ask", "Visma"]]);
  });
});

describe("writing a previewed import", () => {
  it("refuses a preview with errors or without rows, and writes nothing", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const before = JSON.stringify(wb.snapshot());
    await expect(writeModelImport(wb, previewModelImport("key", KEY_FILE))).rejects.toThrow("filen har 1 fel; inget skrevs");
    const members = previewModelImport("members", file(["Medlem", "Invånare"], [["Ask", "12 345"]]));
    await expect(writeModelImport(wb, { ...members, rows: [] })).rejects.toThrow("filen har inga rader att importera; inget skrevs");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("sizes the table to the file's rows", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: TABLES.members, sheet: "Modell", headers: ["Medlem", "Invånare"], rows: [["Ask", 1], ["Björkby", 2], ["Ceder", 3]] }]);
    const undo = await writeModelImport(wb, previewModelImport("members", file(["Kommun", "Folkmängd", "Faktureras"], [["Dal", "3 001", "Ask"]])));
    expect(undo.sheet).toBe("Modell");
    const [table] = await wb.readTables([TABLES.members]);
    expect([table!.headers, table!.rows]).toEqual([["Medlem", "Invånare", "Fakturamottagare"], [["Dal", 3_001, "Ask"]]]);
  });

  it("replaces only the key version it brings, the others kept under Samkalk's columns for comparing and truing up", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: TABLES.key, sheet: "Modell", headers: ["Nyckel", "Medlem", "Vikt"], rows: [
      ["Användare 2026", "Ask", 400], ["Användare 2026", "Dal", 120], ["användare 2027", "Ask", 1],
    ] }]);
    const preview = withKeyVersion(previewModelImport("key", KEY_FILE, { column: "Användare 2027" }), "", makeDate(2027, 4, 1));
    await writeModelImport(wb, preview);
    const versions = (await readModel(wb, 2027)).keyVersions;
    expect(versions.map((v) => [v.name, v.entries.map((e) => [e.member, e.weight.toNumber()])])).toEqual([
      ["Användare 2026", [["Ask", 400], ["Dal", 120]]],
      ["Användare 2027", [["Ask", 410], ["Dal", 118]]],
    ]);
  });
});
