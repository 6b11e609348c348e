import type { SourceTable } from "../../src/core/cells";
import { importRecurringDates } from "../../src/model/recurringDates";

const HEADERS = ["Händelse", "Upprepas", "Månad", "Dag", "Gäller", "Medlem"];
const table = (rows: SourceTable["rows"], headers = HEADERS): SourceTable => ({ file: "kalender.csv", headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
const read = (rows: SourceTable["rows"], headers?: string[]) => importRecurringDates(table(rows, headers));
const errors = (rows: SourceTable["rows"]) => read(rows).errors.map((e) => [e.row, e.column, e.message]);

// The calendar built from these rows, and a month of 13, are in test/app/calendar.test.ts.

describe("importRecurringDates", () => {
  it("reads the recurrence in the ways agreements write it", () => {
    // Yearly dates need a month; the others must leave it blank.
    const written: [string, string][] = [
      ["årligen", "april"], ["", "april"], ["Varje år", "april"], ["kvartalsvis", ""], ["Per kvartal", ""],
      ["kvartalsvis i efterskott", ""], ["halvårsvis", ""], ["varje halvår", ""],
    ];
    const rows = written.map(([recurrence, month]) => ["Frist", recurrence, month, "", "", ""]);
    expect(read(rows).records.map((r) => r.recurrence)).toEqual(["yearly", "yearly", "yearly", "quarterly", "quarterly", "quarterly", "half-yearly", "half-yearly"]);
  });

  it("reads a month as a number or a Swedish name, the day as a number or 'sista', and which year the date concerns", () => {
    const result = read([
      ["Budgetförslag", "årligen", "april", "30", "året efter", ""],
      ["Bokslut", "årligen", "2", "sista", "året före", "Ask"],
      ["Delårsrapport", "årligen", "Aug.", "", "", ""],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.title, r.month, r.day, r.concernsYear, r.member])).toEqual([
      ["Budgetförslag", 4, 30, 1, ""], ["Bokslut", 2, null, -1, "Ask"], ["Delårsrapport", 8, null, 0, ""],
    ]);
  });

  it("says what it takes for a recurrence, month, day or year it cannot read, on the row and column", () => {
    expect(errors([
      ["A", "månadsvis", "", "", "", ""],
      ["B", "årligen", "Maj13", "", "", ""],
      ["C", "årligen", "maj", "32", "", ""],
      ["D", "årligen", "maj", "", "om två år", ""],
    ])).toEqual([
      [2, "Upprepas", "'månadsvis' är ingen upprepning; skriv årligen, kvartalsvis eller halvårsvis"],
      [3, "Månad", "'Maj13' är ingen månad; skriv 1–12 eller t.ex. april"],
      [4, "Dag", "'32' är ingen dag; skriv 1–31 eller sista"],
      [5, "Gäller", "'om två år' säger inte vilket år; skriv året efter, året före eller lämna tomt"],
    ]);
  });

  it("needs a month for a yearly date and none for a quarterly or half-yearly one", () => {
    expect(errors([["A", "årligen", "", "15", "", ""], ["B", "kvartalsvis", "mars", "15", "", ""], ["", "årligen", "mars", "", "", ""]])).toEqual([
      [2, "Månad", "en årlig händelse behöver en månad"],
      [3, "Månad", "en händelse per kvartal eller halvår infaller månaden efter perioden; lämna Månad tom"],
      [4, "Händelse", "värde saknas"],
    ]);
  });

  it("takes a table of only Händelse and Månad as yearly dates on the last day of the month", () => {
    const result = read([["Årsredovisning", "mars"]], ["Vad", "Senast månad"]);
    expect(result.records.map((r) => [r.title, r.recurrence, r.month, r.day, r.concernsYear])).toEqual([["Årsredovisning", "yearly", 3, null, 0]]);
  });
});
