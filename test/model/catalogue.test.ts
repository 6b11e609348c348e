import { Amount } from "../../src/core/money";
import { formatIsoDate, parseDate } from "../../src/core/dates";
import type { SourceTable } from "../../src/core/cells";
import { guessMapping } from "../../src/model/fields";
import { CALL_OFFS, PRICES, callOffTableRows, importCallOffs, importPrices, priceTableRows } from "../../src/model/catalogue";

const A = (v: number | string) => new Amount(v);
const table = (file: string, headers: string[], rows: SourceTable["rows"]): SourceTable => ({ file, headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
const prices = (headers: string[], rows: SourceTable["rows"]) => { const t = table("prislista.csv", headers, rows); return importPrices(t, guessMapping(t.headers, PRICES.fields)); };
const callOffs = (headers: string[], rows: SourceTable["rows"]) => { const t = table("avrop.csv", headers, rows); return importCallOffs(t, guessMapping(t.headers, CALL_OFFS.fields)); };

describe("importPrices", () => {
  it("reads a price list under its usual headers, the uplift as a fraction and open validity as null", () => {
    const result = prices(["Tjänstenamn", "Enhet", "À-pris", "Fr.o.m.", "T.o.m.", "Index"], [
      ["Datorpaket", "st", "1 412,50", "2026-01-01", "2026-12-31", "2 %"],
      ["Supporttimme", "", "850", "", "", ""],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records.map((p) => [p.service, p.unit, p.price.toFixed(), p.validFrom && formatIsoDate(p.validFrom), p.validTo && formatIsoDate(p.validTo), p.yearlyUplift?.toFixed()])).toEqual([
      ["Datorpaket", "st", "1412.5", "2026-01-01", "2026-12-31", "0.02"],
      ["Supporttimme", "", "850", null, null, undefined],
    ]);
  });

  it("names the row and column of a missing service, a missing price and a negative price", () => {
    const result = prices(["Tjänst", "Pris"], [["", "10"], ["Datorpaket", ""], ["Supporttimme", "-850"]]);
    expect(result.errors).toEqual([
      { file: "prislista.csv", row: 2, column: "Tjänst", message: "värde saknas" },
      { file: "prislista.csv", row: 3, column: "Pris", message: "priset saknas" },
      { file: "prislista.csv", row: 4, column: "Pris", message: "priset är negativt" },
    ]);
  });

  it("needs a price column and names the headers it looks for", () => {
    expect(prices(["Tjänst", "Enhet"], [["Datorpaket", "st"]]).errors).toEqual([
      { file: "prislista.csv", row: 1, column: "Pris", message: "kolumnen Pris saknas (väntade en rubrik som Pris, Pris per enhet, À-pris)" },
    ]);
  });

  it("writes prices back as table rows: dates as Excel serials, a blank unit and no uplift as empty cells", () => {
    const rows = priceTableRows([
      { service: "Datorpaket", unit: "st", price: A("412.50"), validFrom: parseDate("2026-01-01"), validTo: null, yearlyUplift: A("0.02") },
      { service: "Supporttimme", unit: "", price: A(850), validFrom: null, validTo: null },
    ]);
    expect(rows.map((r) => r.map((c) => (c instanceof Amount ? c.toFixed() : c)))).toEqual([
      ["Datorpaket", "st", "412.5", 46_023, null, "0.02"],
      ["Supporttimme", null, "850", null, null, null],
    ]);
  });
});

describe("importCallOffs", () => {
  it("reads member, service, a quantity with decimals and the date", () => {
    const result = callOffs(["Beställare", "Tjänst", "Antal", "Avropsdatum"], [["Ask", "Supporttimme", "2,25", "2027-02-01"]]);
    expect(result.records.map((c) => [c.member, c.service, c.quantity.toFixed(), formatIsoDate(c.date)])).toEqual([["Ask", "Supporttimme", "2.25", "2027-02-01"]]);
    expect(callOffTableRows(result.records).map((r) => r.map((c) => (c instanceof Amount ? c.toFixed() : c)))).toEqual([["Ask", "Supporttimme", "2.25", 46_419]]);
  });

  it("names the row and column of each thing a call-off lacks", () => {
    const result = callOffs(["Medlem", "Tjänst", "Antal", "Datum"], [["", "S", "1", "2027-01-01"], ["Ask", "", "1", "2027-01-01"], ["Ask", "S", "", "2027-01-01"], ["Ask", "S", "1", ""]]);
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "Medlem", "värde saknas"], [3, "Tjänst", "värde saknas"], [4, "Antal", "antalet saknas"], [5, "Datum", "datum saknas"],
    ]);
  });
});
