import fc from "fast-check";
import { parseCsvText } from "../../src/io/csv";
import { fromCsv } from "../../src/io/sourceTable";
import { readKey } from "../../src/model/keyFile";
import { readBudget } from "../../src/model/tables";
import { annualCost } from "../../src/core/budget";
import { reconcileFollowUp } from "../../src/app/followUp";
import { readPrintedTable } from "../../src/core/printedTable";
import { checkPrintedTable } from "../../src/core/tablecheck";
import { DomainError } from "../../src/core/errors";
import { KNOWN_RULES } from "../../src/model/tableRules";

/**
 * What a person adds when printing a table (group rows, labelled or unlabelled subtotals, a grand
 * total, a second header row, a block after a blank row) never changes what it says.
 */
const sv = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
const csv = (rows: string[][]) => fromCsv(parseCsvText(rows.map((r) => r.join(";")).join("\r\n"), "t.csv"));

const names = (n: number) => Array.from({ length: n }, (_, i) => `Enhet ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ""}`);
const decoration = fc.record({
  groups: fc.integer({ min: 0, max: 4 }),
  subtotal: fc.constantFrom("none", "labelled", "unlabelled"),
  grandTotal: fc.boolean(),
  upperHeader: fc.boolean(),
  trailing: fc.boolean(),
});

describe("decorating a key as it is printed", () => {
  it("never changes its members or weights", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 30 }), decoration, (weights, d) => {
      fc.pre(weights.some((w) => w > 0));
      const members = names(weights.length);
      const plain = readKey(csv([["Medlem", "Användare"], ...members.map((m, i) => [m, sv(weights[i])])]));
      const rows: string[][] = [];
      if (d.upperHeader) rows.push(["", "Förd.nyckel 2026"]);
      rows.push(["Verksamhet", "Användare"]);
      const groups = Math.min(d.groups, weights.length);
      const size = groups === 0 ? weights.length : Math.ceil(weights.length / groups);
      for (let start = 0; start < weights.length; start += size) {
        const part = members.slice(start, start + size);
        if (groups > 0) rows.push([`Grupp ${start}`, ""]);
        part.forEach((m, i) => rows.push([m, sv(weights[start + i])]));
        const sum = weights.slice(start, start + size).reduce((a, b) => a + b, 0);
        if (d.subtotal === "labelled") rows.push([`Totalt grupp ${start}`, sv(sum)]);
        if (d.subtotal === "unlabelled") rows.push(["", sv(sum)]);
      }
      if (d.grandTotal) rows.push(["Totalt:", sv(weights.reduce((a, b) => a + b, 0))]);
      if (d.trailing) rows.push(["", ""], ["Källa", "SCB 2025"], ["Räknat", "mars"]);
      const printed = readKey(csv(rows));
      expect(printed.map((e) => [e.member, e.weight.toString()])).toEqual(plain.map((e) => [e.member, e.weight.toString()]));
    }), { numRuns: 300 });
  });
});

describe("decorating a budget as it is printed", () => {
  it("never changes Summa årskostnad", () => {
    const line = fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 3_000_000 }));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), decoration, (lines, d) => {
      const labels = names(lines.length).map((n) => `Post ${n}`);
      const cells = (i: number) => [labels[i], `${sv(lines[i][0])} kr`, `${sv(lines[i][1])} kr`, `${sv(lines[i][0] + lines[i][1])} kr`];
      const header = ["Kategori", "Driftbudget", "Personalkostnader", "Summa kategori"];
      const plain = annualCost(readBudget(csv([header, ...lines.map((_, i) => cells(i))])).records);
      const rows: string[][] = [];
      if (d.upperHeader) rows.push(["Budget 2027", "", "", ""]);
      rows.push(["Detaljerad kostnadsbeskrivning", "Driftbudget", "Personalkostnader", "Summa kategori"]);
      const groups = Math.min(d.groups, lines.length);
      const size = groups === 0 ? lines.length : Math.ceil(lines.length / groups);
      for (let start = 0; start < lines.length; start += size) {
        if (groups > 0) rows.push([`Avsnitt ${start}`, "", "", ""]);
        const part = lines.slice(start, start + size);
        part.forEach((_, i) => rows.push(cells(start + i)));
        const sums = [0, 1].map((k) => part.reduce((s, l) => s + l[k], 0));
        const sub = [sv(sums[0]), sv(sums[1]), sv(sums[0] + sums[1])];
        if (d.subtotal === "labelled") rows.push([`Summa avsnitt ${start}`, ...sub]);
        if (d.subtotal === "unlabelled") rows.push(["", ...sub]);
      }
      const total = [0, 1].map((k) => lines.reduce((s, l) => s + l[k], 0));
      if (d.grandTotal) rows.push(["Summa årskostnad", sv(total[0]), sv(total[1]), sv(total[0] + total[1])]);
      if (d.trailing) rows.push(["", "", "", ""], ["Beslutat medlemsbidrag 2025", "", "", "17 640 000 kr"], ["Uppräkning 2 %", "", "", "360 245 kr"]);
      const budget = readBudget(csv(rows));
      expect(budget.errors).toEqual([]);
      expect(annualCost(budget.records).toString()).toBe(plain.toString());
    }), { numRuns: 300 });
  });
});

describe("a follow-up printed with a block per kommun", () => {
  it("reconciles exactly as its long form", () => {
    const cell = fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: null });
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(fc.tuple(cell, cell), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (kommuner, systems, withTotal) => {
      const ks = ["Ask", "Björkby", "Ceder", "Dal"].slice(0, kommuner);
      const text = (n: number | null) => (n === null ? "" : sv(n));
      const long: string[][] = [["Kommun", "System", "Avtalat", "Fakturerat"]];
      const wide: string[][] = [["", ...ks.flatMap((k) => [k, "", ""])], ["System", ...ks.flatMap(() => ["Avtalat", "Fakturerat", "Diff"])]];
      systems.forEach((row, s) => {
        const cells: string[] = [`System ${s}`];
        ks.forEach((k, i) => {
          const [a, f] = row[i];
          if (a !== null || f !== null) long.push([k, `System ${s}`, a === null ? "n/a" : text(a), text(f)]);
          cells.push(a === null && f !== null ? "n/a" : text(a), text(f), a === null && f === null ? "" : sv((a ?? 0) - (f ?? 0)).replace(/^(-?)/, "$1"));
        });
        wide.push(cells);
      });
      if (withTotal) wide.push(["Summa", ...ks.flatMap((_, i) => {
        const a = systems.reduce((s, r) => s + (r[i][0] ?? 0), 0);
        const f = systems.reduce((s, r) => s + (r[i][1] ?? 0), 0);
        return [sv(a), sv(f), sv(a - f)];
      })]);
      fc.pre(long.length > 1);
      const a = reconcileFollowUp(csv(long), []);
      const b = reconcileFollowUp(csv(wide), []);
      const rows = (r: typeof a) => r.result.members.flatMap((m) => m.rows.map((x) => [x.member, x.supplier, String(x.agreed), String(x.invoiced), x.diff.toString(), x.flag])).sort();
      expect(rows(b)).toEqual(rows(a));
      expect(b.result.total.diff.toString()).toBe(a.result.total.diff.toString());
      expect(b.findings).toEqual([]);
    }), { numRuns: 200 });
  });
});

describe("any grid at all", () => {
  it("is read and checked without anything but a Swedish domain error, and no row without a name is ever a line", () => {
    const cell = fc.oneof(fc.constantFrom("", "Summa", "Totalt:", "n/a", "-", "- kr", "(285 000)", "(+ 1 200)", "12 tkr", "2,5%", "200 timmar", "650 kr/h", "Ask", "2026"), fc.integer({ min: -99_999, max: 99_999 }).map(String), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 25 }), (rows) => {
      const grid = readPrintedTable({ file: "x.csv", rows });
      for (const block of grid.blocks.filter((b) => b.kind === "table")) {
        // A row with numbers and no text in any column is a closing row, never a line (a member).
        for (const row of block.rows) if (row.role === "line") expect(row.label === "" && !row.cells.some((c) => c.kind === "text") && row.cells.some((c, j) => j > 0 && c.kind === "number")).toBe(false);
      }
      try {
        checkPrintedTable(grid, { knownRules: KNOWN_RULES });
        const width = Math.max(...rows.map((r) => r.length));
        readKey({ file: "x.csv", headers: rows[0].concat(Array(Math.max(0, width - rows[0].length)).fill("")), rows: rows.slice(1).map((r) => r.concat(Array(width - r.length).fill(""))), rowNumbers: rows.slice(1).map((_, i) => i + 2) });
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
      }
    }), { numRuns: 2000 });
  });
});
