import { Amount, toAmount } from "../../src/core/money";
import type { SourceTable } from "../../src/core/cells";
import { HostingCostRecord, hostingOptions, importHostingCosts } from "../../src/model/hostingCosts";

const A = (v: number | string) => new Amount(v);
const table = (headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file: "drift.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

// An unknown type and the grouping of one alternative are in test/app/calculators.test.ts.

describe("importHostingCosts", () => {
  it("reads the type in each way it is written, under the other headers the table may use", () => {
    const result = importHostingCosts(table(["Driftform", "Beskrivning", "Kostnadstyp", "Kr"], [
      ["Moln", "Licens", "Per månad", "38 500"], ["Moln", "Support", "löpande", "1 200,50"], ["Moln", "Drift", "MÅNADSVIS", "1"],
      ["Moln", "Flytt", "Engångskostnad", "50 000"], ["Egen", "Servrar", " engång ", "900 000"],
    ]));
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.option, r.item, r.kind, r.amount.toFixed()])).toEqual([
      ["Moln", "Licens", "monthly", "38500"], ["Moln", "Support", "monthly", "1200.5"], ["Moln", "Drift", "monthly", "1"],
      ["Moln", "Flytt", "oneOff", "50000"], ["Egen", "Servrar", "oneOff", "900000"],
    ]);
  });

  it("names the row and column of a missing amount and a missing alternative", () => {
    const result = importHostingCosts(table(["Alternativ", "Post", "Typ", "Belopp"], [["Moln", "Licens", "per månad", ""], ["", "Drift", "engång", "1"]]));
    expect(result.errors).toEqual([
      { file: "drift.csv", row: 2, column: "Belopp", message: "beloppet saknas" },
      { file: "drift.csv", row: 3, column: "Alternativ", message: "värde saknas" },
    ]);
  });

  it("needs every column and says which one is missing", () => {
    expect(importHostingCosts(table(["Alternativ", "Post", "Belopp"], [["Moln", "Licens", "1"]])).errors).toEqual([
      { file: "drift.csv", row: 1, column: "Typ", message: "kolumnen Typ saknas (väntade en rubrik som Typ, Kostnadstyp)" },
    ]);
  });
});

describe("hostingOptions", () => {
  it("keeps the alternatives in the order they first appear, one per name in any case, each line in its kind", () => {
    const record = (option: string, item: string, kind: HostingCostRecord["kind"], amount: number): HostingCostRecord => ({ option, item, kind, amount: A(amount) });
    const options = hostingOptions([record("Moln", "Licens", "monthly", 100), record("Egen", "Servrar", "oneOff", 900), record(" MOLN ", "Flytt", "oneOff", 50), record("moln", "Support", "monthly", 10)]);
    expect(options.map((o) => [o.name, o.monthly.map((l) => [l.label, toAmount(l.amount).toNumber()]), o.oneOff.map((l) => [l.label, toAmount(l.amount).toNumber()])])).toEqual([
      ["Moln", [["Licens", 100], ["Support", 10]], [["Flytt", 50]]],
      ["Egen", [], [["Servrar", 900]]],
    ]);
  });
});
