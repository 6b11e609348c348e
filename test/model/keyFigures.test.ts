import type { SourceTable } from "../../src/core/cells";
import { importKeyFigures } from "../../src/model/keyFigures";

const table = (headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file: "nyckeltal.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
const HEADERS = ["Medlem", "År", "Utfall", "Invånare"];

describe("importKeyFigures", () => {
  it("reads member, year, outcome and population exactly, under the other headers too", () => {
    const result = importKeyFigures(table(["Kommun", "År (utfall)", "Kostnad", "Folkmängd"], [["Ask", "2025", "1 454 673,50", "26 262"], ["Dal", 2024, 418_662, 11_380]]));
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.member, r.year, r.cost.toFixed(), r.inhabitants.toFixed()])).toEqual([["Ask", 2025, "1454673.5", "26262"], ["Dal", 2024, "418662", "11380"]]);
  });

  it("takes a year only as four digits from 1900 to 2199, quoting what it got", () => {
    const result = importKeyFigures(table(HEADERS, [["Ask", "25", "1", "1"], ["Ask", "1899", "1", "1"], ["Ask", "2200", "1", "1"], ["Ask", "2025,0", "1", "1"], ["Ask", "2199", "1", "1"]]));
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "År", "'25' är inget år (ÅÅÅÅ)"], [3, "År", "'1899' är inget år (ÅÅÅÅ)"], [4, "År", "'2200' är inget år (ÅÅÅÅ)"], [5, "År", "'2025,0' är inget år (ÅÅÅÅ)"],
    ]);
    expect(result.records.map((r) => r.year)).toEqual([2199]);
  });

  it("needs an outcome, a population and a member on every row", () => {
    const result = importKeyFigures(table(HEADERS, [["Ask", "2025", "", "1"], ["Ask", "2025", "1", "n/a"], ["", "2025", "1", "1"]]));
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([[2, "Utfall", "utfall saknas"], [3, "Invånare", "invånare saknas"], [4, "Medlem", "värde saknas"]]);
  });
});
