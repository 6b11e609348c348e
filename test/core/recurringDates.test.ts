import { formatIsoDate, parseDate } from "../../src/core/dates";
import { RecurringDate, recurringOccurrences } from "../../src/core/recurringDates";

const rule = (r: Partial<RecurringDate>): RecurringDate => ({ title: "x", recurrence: "yearly", month: null, day: null, concernsYear: 0, member: "", ...r });
const list = (rules: RecurringDate[], from: string, until: string) => recurringOccurrences(rules, parseDate(from), parseDate(until)).map((o) => `${formatIsoDate(o.date)} ${o.rule.title} ${o.concerns}`);

describe("recurring dates of the agreement", () => {
  it("places yearly dates, the budget proposal the year before its budget year, and a missing day at the month's end", () => {
    expect(list([
      rule({ title: "Budgetförslag", month: 4, day: 30, concernsYear: 1 }),
      rule({ title: "Bokslut", month: 2, day: 15, concernsYear: -1 }),
      rule({ title: "Nyckeltal", month: 2 }),
    ], "2027-01-01", "2029-01-01")).toEqual([
      "2027-02-15 Bokslut 2026", "2027-02-28 Nyckeltal 2027", "2027-04-30 Budgetförslag 2028",
      "2028-02-15 Bokslut 2027", "2028-02-29 Nyckeltal 2028", "2028-04-30 Budgetförslag 2029",
    ]);
  });

  it("invoices in arrears: the month after each quarter or half-year, a day past the month's end on its last day", () => {
    expect(list([rule({ title: "Faktura", recurrence: "quarterly", day: 31 })], "2027-01-01", "2028-01-01")).toEqual([
      "2027-01-31 Faktura Q4 2026", "2027-04-30 Faktura Q1 2027", "2027-07-31 Faktura Q2 2027", "2027-10-31 Faktura Q3 2027",
    ]);
    expect(list([rule({ title: "Faktura", recurrence: "half-yearly", day: 1 })], "2027-01-01", "2028-01-02")).toEqual([
      "2027-01-01 Faktura H2 2026", "2027-07-01 Faktura H1 2027", "2028-01-01 Faktura H2 2027",
    ]);
  });

  it("takes the window as from, inclusive, to until, exclusive: consecutive windows neither miss nor repeat a date", () => {
    const r = [rule({ title: "Faktura", recurrence: "quarterly", day: 1 })];
    expect([...list(r, "2027-01-01", "2027-04-01"), ...list(r, "2027-04-01", "2027-07-01")]).toEqual(list(r, "2027-01-01", "2027-07-01"));
    expect(list(r, "2027-01-01", "2027-07-01")).toEqual(["2027-01-01 Faktura Q4 2026", "2027-04-01 Faktura Q1 2027"]);
  });
});
