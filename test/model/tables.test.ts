import { MODEL_TABLES, TABLES, modelFromTables, tablesByName } from "../../src/model/tables";
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
