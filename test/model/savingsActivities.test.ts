import { toAmount } from "../../src/core/money";
import type { SourceTable } from "../../src/core/cells";
import { importActivities } from "../../src/model/savingsActivities";

const table = (headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file: "upphandling.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

describe("importActivities", () => {
  it("reads the hours exactly, and leaves 'var för sig' out where the column or the cell is blank", () => {
    const result = importActivities(table(["Moment", "En medlem", "Var för sig", "Gemensamt"], [["Kravställning", "40,5", "160", "60"], ["Avtal", "20", "", "25"]]));
    expect(result.errors).toEqual([]);
    expect(result.records.map((a) => [a.activity, toAmount(a.oneMember).toFixed(), a.separately === undefined ? undefined : toAmount(a.separately).toFixed(), toAmount(a.together).toFixed()])).toEqual([
      ["Kravställning", "40.5", "160", "60"], ["Avtal", "20", undefined, "25"],
    ]);
    expect("separately" in result.records[1]).toBe(false);
    const without = importActivities(table(["Aktivitet", "Timmar en medlem", "Timmar tillsammans"], [["Avtal", "20", "25"]]));
    expect(without.records.map((a) => "separately" in a)).toEqual([false]);
  });

  it("names the row and column of missing hours and a missing activity", () => {
    const result = importActivities(table(["Aktivitet", "Timmar en medlem", "Timmar tillsammans"], [["Avtal", "", "25"], ["Avtal", "20", ""], ["", "1", "1"]]));
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "Timmar en medlem", "timmarna för en medlem saknas"], [3, "Timmar tillsammans", "timmarna tillsammans saknas"], [4, "Aktivitet", "värde saknas"],
    ]);
  });

  it("needs the hours together and names the headers it looks for", () => {
    expect(importActivities(table(["Aktivitet", "Timmar en medlem"], [["Avtal", "20"]])).errors.map((e) => [e.row, e.message])).toEqual([
      [1, "kolumnen Timmar tillsammans saknas (väntade en rubrik som Timmar tillsammans, Tillsammans, Gemensamt)"],
    ]);
  });
});
