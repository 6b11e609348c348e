import { MODEL, MODEL_TABLES, TABLES, modelFromTables, tablesByName } from "../../src/model/tables";
import type { TableData } from "../../src/core/cells";

const table = (name: string, headers: string[], rows: TableData["rows"]): TableData => ({ name, sheet: name, topLeft: "A1", headers, rows });

describe("the model read from its tables by name", () => {
  const key = table(TABLES.key, ["Nyckel", "Gäller från", "Medlem", "Vikt"], [["Användare 2026", 46023, "Ask", 3], ["Användare 2026", 46023, "Dal", 1]]);
  const members = table(TABLES.members, ["Medlem", "Invånare"], [["Ask", 12000], ["Dal", 4000]]);

  it("takes each table by its name, whatever else is given or left out", () => {
    const model = modelFromTables({ [TABLES.members]: members, [TABLES.key]: key }, 2026);
    expect(model.members.map((m) => m.member)).toEqual(["Ask", "Dal"]);
    expect(model.keyVersions.map((v) => [v.name, v.entries.length])).toEqual([["Användare 2026", 2]]);
    expect(model.contracts).toEqual([]);
    expect(model.errors).toEqual([]);
  });

  it("names the column of a key row at fault by the model's own label", () => {
    const bad = table(TABLES.key, key.headers, [...key.rows, ["Användare 2026", 46024, "Ek", 2]]);
    const model = modelFromTables({ [TABLES.key]: bad }, 2026);
    expect(model.errors).toEqual([expect.objectContaining({ row: 4, column: "Gäller från" })]);
  });

  it("pairs a round trip's tables with the names asked for, refusing a short answer", () => {
    const answer = MODEL_TABLES.map((name) => (name === TABLES.members ? members : null));
    expect(tablesByName(MODEL_TABLES, answer)[TABLES.members]).toBe(members);
    expect(() => tablesByName(MODEL_TABLES, answer.slice(1))).toThrow();
  });
});

describe("the model's tables, registered once", () => {
  it("have one name each, all read in the model's round trip, with the fields the header list shows", () => {
    const names = Object.values(MODEL).map((m) => m.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect([...MODEL_TABLES].sort()).toEqual([...names].sort());
    for (const [key, model] of Object.entries(MODEL)) expect(TABLES[key as keyof typeof TABLES]).toBe(model.name);
  });

  it("reads a table that describes its own reading (Förändringar) into model.read, with its row errors", () => {
    const changes = table(TABLES.feeChanges, ["År", "Förändring", "Belopp"], [[2027, "Ny tjänst", "(+1 500 000)"], [2027, "Minskad lokalyta", -400000], ["27", "Fel år", 1]]);
    const model = modelFromTables({ [TABLES.feeChanges]: changes }, 2027);
    expect(model.read.feeChanges.records.map((c) => [c.year, c.label, c.amount.toFixed()])).toEqual([[2027, "Ny tjänst", "1500000"], [2027, "Minskad lokalyta", "-400000"]]);
    expect(model.errors).toEqual([expect.objectContaining({ row: 4, column: "År", message: expect.stringContaining("årtal från 2000 till 2100") })]);
  });
});
