import { importOutcomes, outcomeTableRows, OUTCOMES } from "../../src/model/outcomes";
import { guessMapping } from "../../src/model/fields";
import type { SourceTable } from "../../src/core/cells";

const table = (rows: SourceTable["rows"]): SourceTable => ({ file: "utfall.csv", headers: ["Leverantör", "Kommun", "Fakturerat 2026"], rows, rowNumbers: rows.map((_, i) => i + 2), headerRowNumber: 1 });

describe("invoiced outcomes", () => {
  it("reads amounts exactly, Swedish text included, and writes them back as table rows", () => {
    const t = table([["Visma", "Ask", "112 500,50"], ["Tieto", "Björkby", 7300]]);
    const result = importOutcomes(t, guessMapping(t.headers, OUTCOMES.fields));
    expect(result.errors).toEqual([]);
    expect(result.records.map((o) => [o.supplier, o.member, o.invoiced?.toString()])).toEqual([["Visma", "Ask", "112500.5"], ["Tieto", "Björkby", "7300"]]);
    expect(outcomeTableRows(result.records).map((r) => r.map(String))).toEqual([["Visma", "Ask", "112500.5"], ["Tieto", "Björkby", "7300"]]);
  });

  it("lists every row error with its file row and column, and keeps no half of the import", () => {
    const t = table([["", "Ask", 1], ["Visma", "", 2], ["Visma", "Ask", "många"]]);
    const result = importOutcomes(t, guessMapping(t.headers, OUTCOMES.fields));
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[2, "Leverantör/System"], [3, "Kommun/Medlem"], [4, "Fakturerat 2026"]]);
  });
});
