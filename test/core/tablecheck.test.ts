import { checkTable, parseRule } from "../../src/core/tablecheck";

const budget = [
  ["Kategori", "Driftbudget", "Antal personer", "Personalkostnader", "Summa kategori"],
  ["Teknikplattformar", "", "", "", ""],
  ["Servrar", "1 200 000", "2", "1 400 000", "2 600 000"],
  ["Nätverk", "800 000", "1,5", "900 000", "1 700 001"],
  ["Summa Teknikplattformar", "2 000 000", "3,5", "2 300 000", "4 300 000"],
  ["IT-säkerhet", "", "", "", ""],
  ["SOC", "300 000", "1", "n/a", "300 000"],
  ["Licenser", "tio", "0", "0", "0"],
  ["Summa IT-säkerhet", "300 000", "1", "0", "300 000"],
  ["Summa årskostnad", "2 300 001", "4,5", "2 300 000", "4 600 000"],
];
const RULE = "Summa kategori = Driftbudget + Personalkostnader";

describe("checkTable", () => {
  const findings = checkTable(budget, [RULE]);
  const summary = findings.map((f) => [f.kind, f.row, f.column, f.expected?.toNumber() ?? null, f.actual?.toNumber() ?? null, f.difference?.toNumber() ?? null]);

  it("finds total rows, rule breaks, missing values and unparsable cells, and nothing else", () => {
    expect(summary).toEqual([
      ["rule", "Nätverk", "Summa kategori", 1_700_000, 1_700_001, 1],
      ["total-row", "Summa Teknikplattformar", "Summa kategori", 4_300_001, 4_300_000, -1],
      // SOC's n/a counts as 0 in the rule, as in a sum: 300 000 + 0 = 300 000 holds.
      ["unparsable", "Licenser", "Driftbudget", null, null, null],
      ["total-row", "Summa årskostnad", "Driftbudget", 2_300_000, 2_300_001, 1],
      // One finding per wrong cell: the rule on the total row adds none, since it holds with the
      // Driftbudget total as it should be (2 300 000 + 2 300 000).
      ["total-row", "Summa årskostnad", "Summa kategori", 4_600_001, 4_600_000, -1],
    ]);
  });

  it("explains each finding in Swedish with where, expected, actual and difference", () => {
    expect(findings[1].message).toBe("raden 'Summa Teknikplattformar', kolumnen 'Summa kategori': summan av raderna är 4\u00a0300\u00a0001 men tabellen visar 4\u00a0300\u00a0000 (differens -1)");
    expect(findings[2].message).toContain("texten 'tio' är inget tal");
    expect(findings[0].rowNumber).toBe(4);
    expect(findings[0].columnNumber).toBe(5);
  });

  it("does not flag a value that is the expected one rounded to its shown decimals", () => {
    const grid = [["", "Värde"], ["a", "5,5"], ["b", "6,25"], ["Summa", "11,8"], ["Totalt", 11.75]];
    expect(checkTable(grid)).toEqual([]);
    expect(checkTable([["", "V"], ["a", "5,5"], ["b", "6,25"], ["Summa", "11,7"]])).toHaveLength(1);
  });

  it("counts blanks as zero and accepts Excel numbers", () => {
    expect(checkTable([["", "A", "B"], ["x", 1, null], ["y", "", 2], ["Total", 1, 3]]).map((f) => f.column)).toEqual(["B"]);
  });

  it("compares tkr totals at the thousands they are written in", () => {
    expect(checkTable([["", "Belopp"], ["a", "1 200"], ["b", "1 400"], ["Summa", "3 tkr"]])).toEqual([]);
  });
});

describe("parseRule", () => {
  const headers = ["", "IT-säkerhet", "Drift", "Summa", "Drift och IT"];
  it("matches headers containing '-' and spaces", () => {
    expect(parseRule("Summa = IT-säkerhet + Drift och IT - Drift", headers)).toEqual({ text: "Summa = IT-säkerhet + Drift och IT - Drift", target: 3, terms: [{ sign: 1, column: 1 }, { sign: 1, column: 4 }, { sign: -1, column: 2 }] });
  });
  it("names an unknown column", () => {
    expect(() => parseRule("Summa = Drift + Okänd", headers)).toThrow("nämner kolumnen 'Okänd'");
    expect(() => parseRule("Summa Drift", headers)).toThrow(expect.objectContaining({ code: "INVALID_RULE" }));
  });
});

describe("checkTable at the documented limits", () => {
  it("checks 200 000 rows without overflowing the stack, and the text table renders them", () => {
    const grid: (string | number)[][] = [["Rad", "Belopp"]];
    for (let i = 0; i < 200_000; i++) grid.push([`r${i}`, i % 7]);
    grid.push(["Summa", 1]);
    const findings = checkTable(grid);
    expect(findings).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderTable } = require("../../src/cli/textTable");
    expect(renderTable(["Rad", "Belopp"], grid.slice(1).map((r) => r.map(String)), [false, true]).split("\n")).toHaveLength(200_003);
  });
});
