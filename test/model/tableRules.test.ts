import { BUDGET_RULE } from "../../src/core/budget";
import { Cell, checkTable } from "../../src/core/tablecheck";
import { KNOWN_RULES } from "../../src/model/tableRules";

const findings = (grid: Cell[][]) => checkTable(grid, [], { knownRules: KNOWN_RULES }).map((f) => [f.kind, f.row, f.column, f.expected?.toNumber(), f.difference?.toNumber()]);

// The printed gallery checked with these rules is in test/core/printedTable.gallery.test.ts.

/** Each known rule, a table with just its columns and one line that breaks it, and the finding. */
const CASES: [string, Cell[][], (string | number)[]][] = [
  // 100 + 50 = 150, printed 160.
  ["Summa kategori = Driftbudget + Personalkostnader", [["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori"], ["Hyra", 100, 50, 160]], ["rule", "Hyra", "Summa kategori", 150, 10]],
  // "Personal - tjänster" is one column: 100 + 30 = 130, printed 120.
  ["Kostnad = Driftbudget + Personal - tjänster", [["Post", "Driftbudget", "Personal - tjänster", "Kostnad"], ["Ask", 100, 30, 120]], ["rule", "Ask", "Kostnad", 130, -10]],
  // 40 × 1 140 = 45 600, printed 45 000.
  ["Belopp = Timmar * Timpris", [["Post", "Timmar", "Timpris", "Belopp"], ["Projektledning", 40, 1140, 45_000]], ["rule", "Projektledning", "Belopp", 45_600, -600]],
  // Diff = Avtalat − Fakturerat: 100 − 90 = 10, printed 0.
  ["Diff = Avtalat - Fakturerat", [["System", "Avtalat", "Fakturerat", "Diff"], ["Skolportal", 100, 90, 0]], ["rule", "Skolportal", "Diff", 10, -10]],
];

describe("the known line rules", () => {
  it.each(CASES)("%s applies to a table with its columns and finds a line that breaks it", (_rule, grid, expected) => {
    expect(findings(grid)).toEqual([expected]);
  });

  it("are each exercised above, the budget's own rule among them", () => {
    expect([...KNOWN_RULES].sort()).toEqual(CASES.map(([rule]) => rule).sort());
    expect(KNOWN_RULES).toContain(BUDGET_RULE);
  });

  it("stay silent on a table that lacks a column a rule names", () => {
    expect(findings([["System", "Avtalat", "Fakturerat"], ["Skolportal", 100, 90]])).toEqual([]);
  });
});
