import { compareHostingFiles, hostingRows } from "../../src/app/hosting";
import { SourceTable } from "../../src/core/cells";
import { HostingComparison } from "../../src/core/hosting";
import { amountToCellNumber, isAmount } from "../../src/core/cells";

const source = (file: string, headers: string[], rows: string[][]): SourceTable => ({ file, headers, rows, rowNumbers: rows.map((_, i) => i + 2) });
const COST_ROWS = [
  ["Moln", "Licens", "per månad", "10 000"],
  ["Moln", "Flytt", "engång", "12 000"],
  ["Egen drift", "Drift", "månad", "12 000"],
];
const COSTS = source("kostnader.csv", ["Alternativ", "Post", "Typ", "Belopp"], COST_ROWS);
const KEY = source("nyckel.csv", ["Medlem", "Användare 2026", "Användare 2027"], [["Ask", "2", "1"], ["Dal", "2", "3"]]);

function comparison(result: ReturnType<typeof compareHostingFiles>): HostingComparison {
  if (!("comparison" in result)) throw new Error(JSON.stringify(result.errors));
  return result.comparison;
}

const cells = (c: HostingComparison) => hostingRows(c).map((r) => r.map((v) => (isAmount(v) ? amountToCellNumber(v) : v)));

describe("hosting alternatives compared from a cost file and a key file", () => {
  it("costs each alternative over the months by calendar year and member, by the chosen key column", () => {
    // 12 months from July 2027: six in 2027, six in 2028. Moln: 12 × 10 000 + 12 000 = 132 000,
    // the move spread 1 000 a month; Egen drift 12 × 12 000 = 144 000. Ask 1 of 4 users, Dal 3.
    const c = comparison(compareHostingFiles(COSTS, { table: KEY, column: "Användare 2027" }, 12, { year: 2027, month: 7 }));
    expect(cells(c)).toEqual([
      ["Alternativ", "Medlem", "2027", "2028", "Summa"],
      ["Moln", "Alla", 66_000, 66_000, 132_000],
      ["Moln", "Ask", 16_500, 16_500, 33_000],
      ["Moln", "Dal", 49_500, 49_500, 99_000],
      ["Egen drift", "Alla", 72_000, 72_000, 144_000],
      ["Egen drift", "Ask", 18_000, 18_000, 36_000],
      ["Egen drift", "Dal", 54_000, 54_000, 108_000],
      // First − second: negative, Moln is the cheaper.
      ["Skillnad (Moln − Egen drift)", "Alla", -6_000, -6_000, -12_000],
      ["Skillnad (Moln − Egen drift)", "Ask", -1_500, -1_500, -3_000],
      ["Skillnad (Moln − Egen drift)", "Dal", -4_500, -4_500, -9_000],
    ]);
  });

  it("with one alternative has no difference rows", () => {
    const moln = source("k.csv", COSTS.headers, COST_ROWS.slice(0, 2));
    const rows = cells(comparison(compareHostingFiles(moln, { table: KEY, column: "Användare 2026" }, 12, { year: 2027, month: 1 })));
    // 2 : 2 is half each of 132 000.
    expect(rows).toEqual([["Alternativ", "Medlem", "2027", "Summa"], ["Moln", "Alla", 132_000, 132_000], ["Moln", "Ask", 66_000, 66_000], ["Moln", "Dal", 66_000, 66_000]]);
  });

  it("returns the cost file's row errors and compares nothing", () => {
    const broken = source("k.csv", COSTS.headers, [...COST_ROWS, ["Moln", "Exit", "ibland", "5 000"], ["Moln", "Support", "per månad", ""]]);
    const result = compareHostingFiles(broken, { table: KEY, column: "Användare 2027" }, 12, { year: 2027, month: 1 });
    expect("comparison" in result).toBe(false);
    expect(result.errors.map((e) => [e.file, e.row, e.column, e.message])).toEqual([
      ["k.csv", 5, "Typ", "typen 'ibland' ska vara \"per månad\" eller \"engång\""],
      ["k.csv", 6, "Belopp", "beloppet saknas"],
    ]);
  });

  it("refuses a cost file with only its header row, naming the row the costs should start on", () => {
    const result = compareHostingFiles(source("tom.csv", COSTS.headers, []), { table: KEY, column: "Användare 2027" }, 12, { year: 2027, month: 1 });
    expect(result.errors).toEqual([{ file: "tom.csv", row: 2, column: "", message: "filen har inga datarader under rubrikraden" }]);
  });

  it("refuses a key with two weight columns until one is chosen", () => {
    expect(() => compareHostingFiles(COSTS, { table: KEY }, 12, { year: 2027, month: 1 })).toThrow(/Användare 2026.*Användare 2027/);
  });
});
