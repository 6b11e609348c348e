/** @jest-environment jsdom */
import { costPerInhabitant, shownKeyFigure } from "../../src/core/keyFigures";
import { lineChartSvg } from "../../src/io/lineChart";

const COSTS = [
  { member: "Bollnäs", year: 2023, value: 4_210_000 }, { member: "Bollnäs", year: 2024, value: 4_380_000 },
  { member: "Ljusdal", year: 2023, value: 2_980_000 }, { member: "Ljusdal", year: 2024, value: 3_105_000 },
  { member: "Ovanåker", year: 2023, value: 1_850_000 }, { member: "Ovanåker", year: 2024, value: 1_850_000 },
];
const POPULATION = [
  { member: "Bollnäs", year: 2023, value: 26_331 }, { member: "Bollnäs", year: 2024, value: 26_279 },
  { member: "Ljusdal", year: 2023, value: 18_915 }, { member: "Ljusdal", year: 2024, value: 18_853 },
  { member: "Ovanåker", year: 2023, value: 11_447 }, { member: "Ovanåker", year: 2024, value: 11_405 },
];

describe("costPerInhabitant", () => {
  it("gives kr per inhabitant per kommun and year, and the change in % from the year before", () => {
    const rows = costPerInhabitant(COSTS, POPULATION);
    expect(rows.map((r) => [r.member, ...r.cells.map((c) => { const s = shownKeyFigure(c); return [s.perInhabitant.toFixed(2), s.changePercent?.toFixed(1) ?? null]; })])).toEqual([
      ["Bollnäs", ["159.89", null], ["166.67", "4.2"]],
      ["Ljusdal", ["157.55", null], ["164.70", "4.5"]],
      ["Ovanåker", ["161.61", null], ["162.21", "0.4"]],
    ]);
    // exact, not a double: 4 380 000 / 26 279 against 4 210 000 / 26 331
    expect(rows[0].cells[1].change!.toSignificantDigits(12).toFixed()).toBe("0.0424387164991");
  });

  it("refuses a cost without a population figure, naming member and year", () => {
    expect(() => costPerInhabitant(COSTS, POPULATION.slice(1))).toThrow("invånartal saknas för Bollnäs 2023");
  });

  it("has no change after a gap of a year", () => {
    const rows = costPerInhabitant([{ member: "A", year: 2022, value: 100 }, { member: "A", year: 2024, value: 100 }], [{ member: "A", year: 2022, value: 10 }, { member: "A", year: 2024, value: 10 }]);
    expect(rows[0].cells.map((c) => c.change)).toEqual([null, null]);
  });
});

describe("lineChartSvg", () => {
  const rows = costPerInhabitant(COSTS, POPULATION);
  const svg = lineChartSvg({ title: "Kostnad per invånare", unit: "kr/invånare", categories: ["2023", "2024"], series: rows.map((r) => ({ name: r.member, values: r.cells.map((c) => c.perInhabitant) })) });

  it("draws one line and legend entry per kommun, with the exact figure rounded in each point's tooltip", () => {
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('data-series="Ovanåker"');
    expect(svg).toContain("<title>Bollnäs 2024: 166,67 kr/invånare</title>");
    expect(svg).toContain(">2023</text>");
  });

  it("is well-formed XML with names escaped", () => {
    const odd = lineChartSvg({ title: "A & B <c>", unit: "kr", categories: ["2024"], series: [{ name: "\"Ö\"", values: [null] }] });
    const doc = new DOMParser().parseFromString(odd, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.getAttribute("aria-label")).toBe("A & B <c>");
    expect(new DOMParser().parseFromString(svg, "image/svg+xml").getElementsByTagName("parsererror")).toHaveLength(0);
  });
});
