import { Amount } from "../../src/core/money";
import { formatIsoDate, makeDate } from "../../src/core/dates";
import { PopulationTable, figureDate, populationAt, referenceDate } from "../../src/core/population";

const A = (v: number | string) => new Amount(v);
const iso = (time: string, title = "Folkmängd") => formatIsoDate(figureDate(time, title));

// SCB's files through populationAt (codes, "code name", dates it lacks) are in test/io/scb.test.ts.

describe("referenceDate", () => {
  it("is 31 December or 1 November of the year before the key year", () => {
    expect(formatIsoDate(referenceDate("dec31-previous", 2027))).toBe("2026-12-31");
    expect(formatIsoDate(referenceDate("nov1-previous", 2027))).toBe("2026-11-01");
  });
});

describe("figureDate", () => {
  it("puts a month's and a quarter's figure at its last day, leap years included", () => {
    expect([iso("2024M02"), iso("2023M02"), iso("2024m10")]).toEqual(["2024-02-29", "2023-02-28", "2024-10-31"]);
    expect([iso("2024K1"), iso("2024K2"), iso("2024K4")]).toEqual(["2024-03-31", "2024-06-30", "2024-12-31"]);
  });

  it("puts a year's figure at 31 December, or at 1 November when the table is SCB's 1 November table", () => {
    expect(iso("2024")).toBe("2024-12-31");
    expect(iso(" 2024 ", "Folkmängden den 1 november efter region och år")).toBe("2024-11-01");
    expect(iso("2024", "Folkmängd 1nov")).toBe("2024-11-01");
  });

  it("refuses any other time code and says which forms it reads", () => {
    expect(() => figureDate("2024H1", "Folkmängd")).toThrow("tiden '2024H1' i befolkningstabellen är varken ett år (2024), en månad (2024M10) eller ett kvartal (2024K4)");
    expect(() => figureDate("2024K5", "Folkmängd")).toThrow("är varken ett år");
  });
});

describe("populationAt", () => {
  const figure = (code: string, region: string, date: string, value: number) => ({ code, region, date: figureDate(date, "Folkmängd"), value: A(value), time: date });
  const table: PopulationTable = {
    title: "Folkmängd", source: "",
    figures: [figure("2183", "Bollnäs", "2024", 26_279), figure("2161", "Ljusdal", "2024", 18_853), figure("2161", "Ljusdal", "2023", 18_900), figure("", "Ovanåker", "2022", 11_500)],
  };
  const dec31 = makeDate(2024, 12, 31);

  it("without a member list gives every region with a figure at the date, the source naming table and time", () => {
    expect(populationAt(table, dec31).map((k) => [k.member, k.code, k.inhabitants.toNumber(), k.source])).toEqual([
      ["Bollnäs", "2183", 26_279, "Folkmängd, 2024"],
      ["Ljusdal", "2161", 18_853, "Folkmängd, 2024"],
    ]);
  });

  it("matches members by name in any case and spacing", () => {
    expect(populationAt(table, dec31, ["  BOLLNÄS"]).map((k) => [k.member, k.inhabitants.toNumber()])).toEqual([["  BOLLNÄS", 26_279]]);
  });

  it("refuses a date the table has no figures for, listing the dates it has once each, in order", () => {
    expect(() => populationAt(table, makeDate(2025, 11, 1))).toThrow("tabellen har inga invånartal per 2025-11-01; den har 2022-12-31, 2023-12-31, 2024-12-31");
  });

  it("refuses a member that stands twice at the date instead of choosing one", () => {
    const twice = { ...table, figures: [...table.figures, figure("2183", "Bollnäs", "2024", 26_280)] };
    expect(() => populationAt(twice, dec31, ["Bollnäs"])).toThrow("Bollnäs finns flera gånger per 2024-12-31 i tabellen");
  });
});
