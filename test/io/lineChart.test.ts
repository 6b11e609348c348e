import { lineChartSvg, LineChartSpec } from "../../src/io/lineChart";
import { Amount } from "../../src/core/money";

/**
 * The chart's geometry at its default size: 640 × 360, plot from x 72 to 490 (150 px legend on
 * the right) and from y 40 (the axis maximum) down to 320 (zero).
 */
const chart = (values: (number | string | null)[][], categories = values[0].map((_, i) => String(2023 + i)), extra: Partial<LineChartSpec> = {}) =>
  lineChartSvg({ title: "Kostnad per invånare", unit: "kr/invånare", categories, series: values.map((v, i) => ({ name: `Kommun ${i + 1}`, values: v.map((x) => (x === null ? null : new Amount(x))) })), ...extra });

const NBSP = "\u00a0";
const tickLabels = (svg: string) => [...svg.matchAll(/text-anchor="end">([^<]*)</g)].map((m) => m[1]);
const gridLines = (svg: string) => [...svg.matchAll(/<line [^>]*y1="([^"]*)"/g)].map((m) => m[1]);
const polylines = (svg: string) => [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].map((m) => m[1]);
const strokes = (svg: string) => [...svg.matchAll(/<polyline [^>]*stroke="([^"]*)"/g)].map((m) => m[1]);

describe("the y axis", () => {
  it("runs from 0 to a round maximum in steps of 1, 2 or 5 times a power of ten", () => {
    // 166,67 / 4 ≈ 41,7: the step is 50 and the axis ends at the next multiple, 200.
    const svg = chart([[100, "166.67"]]);
    expect(tickLabels(svg)).toEqual(["0", "50", "100", "150", "200"]);
    expect(gridLines(svg)).toEqual(["320", "250", "180", "110", "40"]);
  });

  it("labels large ticks with Swedish digit groups", () => {
    // 12 345 / 4 ≈ 3 086: a step of 5 000 up to 15 000.
    expect(tickLabels(chart([[12345, 800]]))).toEqual(["0", `5${NBSP}000`, `10${NBSP}000`, `15${NBSP}000`]);
  });

  it("labels ticks below a krona exactly, with the step's decimals", () => {
    // 0,3 / 4 = 0,075: a step of 0,1, whose float sum never shows (0,30000000000000004).
    expect(tickLabels(chart([["0.3"]]))).toEqual(["0,0", "0,1", "0,2", "0,3"]);
  });

  it("still draws an axis from 0 to 1 when there is no value at all", () => {
    const svg = chart([[null, null]]);
    expect(tickLabels(svg)).toEqual(["0", "1"]);
    expect(polylines(svg)).toEqual([]);
    expect(svg).not.toContain("<circle");
  });
});

describe("the lines", () => {
  it("breaks a line where a year has no value, and marks only the years that have one", () => {
    // Four years from x 72 to 490, a third of 418 px apart; the axis is 0–4 in steps of 1 (70 px).
    const svg = chart([[1, null, 3, "4"]]);
    expect(polylines(svg)).toEqual(["72,250", "350.67,110 490,40"]);
    expect([...svg.matchAll(/<circle cx="([^"]*)" cy="([^"]*)"/g)].map((m) => `${m[1]},${m[2]}`)).toEqual(["72,250", "350.67,110", "490,40"]);
  });

  it("puts a single year in the middle of the plot", () => {
    expect(polylines(chart([[10]], ["2027"]))).toEqual(["281,40"]);
  });

  it("shows each point's exact amount to the öre, rounded half up, with series, year and unit", () => {
    expect(chart([["12.125"]], ["2027"])).toContain("<title>Kommun 1 2027: 12,13 kr/invånare</title>");
  });

  it("gives each series its own colour, starting over after eight", () => {
    const nine = strokes(chart(Array.from({ length: 9 }, (_, i) => [i + 1])));
    expect(new Set(nine.slice(0, 8)).size).toBe(8);
    expect(nine[8]).toBe(nine[0]);
  });

  it("draws at the size asked for", () => {
    // 800 wide: the plot is 800 − 72 − 150 = 578 px, so the last of two years is at x 650.
    const svg = chart([[1, 2]], undefined, { width: 800, height: 400 });
    expect(svg).toMatch(/^<svg [^>]*width="800" height="400" viewBox="0 0 800 400"/);
    expect(polylines(svg)[0].split(" ")[1]).toMatch(/^650,/);
  });
});
