import type { SourceTable } from "../../src/core/cells";
import { isDomainError } from "../../src/core/errors";
import { readFollowUp } from "../../src/model/followUp";

const source = (headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file: "uppfoljning.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
const rowsOf = (s: SourceTable) => readFollowUp(s).rows.map((r) => [r.member, r.supplier, r.agreed?.toNumber() ?? null, r.invoiced?.toNumber() ?? null, r.line]);
const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, location: error.location };
    throw error;
  }
  throw new Error("did not throw");
};

// The printed gallery's follow-up through `samkalk reconcile` is in test/cli/tablesAsPrinted.test.ts.

describe("readFollowUp in long form", () => {
  it("reads a row per member and system; n/a is no contract and '-' a printed 0; total rows are not systems", () => {
    const s = source(["Kommun", "System", "Avtalat", "Fakturerat 2026"], [
      ["Ask", "Skolportal", "412 000", "400 000"],
      ["Björkby", "Växel", "n/a", "84 600"],
      ["Björkby", "E-arkiv", "188 000", "-"],
      ["", "Summa", "600 000", "484 600"],
    ]);
    expect(rowsOf(s)).toEqual([["Ask", "Skolportal", 412_000, 400_000, 2], ["Björkby", "Växel", null, 84_600, 3], ["Björkby", "E-arkiv", 188_000, 0, 4]]);
  });

  it("never takes a Belopp column beside Avtalat for the invoiced amount", () => {
    const s = source(["Kommun", "System", "Avtalat", "Belopp"], [["Ask", "Skolportal", "1", "2"]]);
    expect(thrown(() => readFollowUp(s))).toEqual({ code: "UNKNOWN_COLUMN", message: "kolumnen Fakturerat saknas", location: { file: "uppfoljning.csv", row: 1 } });
  });

  it("refuses two columns that could both be Avtalat, naming them", () => {
    const s = source(["Kommun", "System", "Avtalat", "Avtalat (kr)", "Fakturerat"], [["Ask", "Skolportal", "1", "1", "2"]]);
    expect(thrown(() => readFollowUp(s)).message).toBe("flera kolumner kan vara Avtalat: 'Avtalat' och 'Avtalat (kr)'");
  });

  it("refuses a table with neither a member column nor a block per kommun", () => {
    const s = source(["System", "Avtalat", "Fakturerat"], [["Skolportal", "1", "2"]]);
    expect(thrown(() => readFollowUp(s))).toMatchObject({ code: "UNKNOWN_COLUMN", location: { file: "uppfoljning.csv", row: 1 } });
  });

  it("refuses a file with no table in it", () => {
    expect(thrown(() => readFollowUp(source([], [])))).toEqual({ code: "MISSING_VALUE", message: "uppföljningen har ingen tabell med rubrikrad och rader", location: { file: "uppfoljning.csv" } });
  });
});

describe("readFollowUp with a block of columns per kommun", () => {
  const wide = (second: string[], ...rows: SourceTable["rows"]) => source(["", "Ask", "", "Björkby", ""], [second, ...rows]);

  it("unpivots to the long form in table order, and gives a kommun no row where its block is empty", () => {
    const s = wide(["System", "Avtalat", "Fakturerat", "Avtalat", "Fakturerat"],
      ["Skolportal", "412 000", "400 000", "655 000", "671 300"],
      ["Växel", "143 200", "143 200", null, null],
      ["E-arkiv", null, null, "n/a", "-"],
      ["Summa", "555 200", "543 200", "655 000", "671 300"]);
    expect(rowsOf(s)).toEqual([
      ["Ask", "Skolportal", 412_000, 400_000, 3], ["Björkby", "Skolportal", 655_000, 671_300, 3],
      ["Ask", "Växel", 143_200, 143_200, 4],
      ["Björkby", "E-arkiv", null, 0, 5],
    ]);
  });

  it("names the kommun whose block lacks a column, on the lower header row", () => {
    const s = wide(["System", "Avtalat", "Fakturerat", "Avtalat", "Diff"], ["Skolportal", "1", "1", "2", "0"]);
    expect(thrown(() => readFollowUp(s))).toEqual({ code: "UNKNOWN_COLUMN", message: "kolumnen Fakturerat saknas i blocket Björkby", location: { file: "uppfoljning.csv", row: 2 } });
  });
});
