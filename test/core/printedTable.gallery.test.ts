import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvBytes } from "../../src/io/csv";
import { printedGridOf, readPrintedTable } from "../../src/core/printedTable";
import { checkPrintedTable } from "../../src/core/tablecheck";
import { KNOWN_RULES } from "../../src/model/tableRules";

/**
 * The gallery of tables as municipalities print them (synthetic, in real layouts), with the
 * findings planted in each: the check finds exactly those and nothing else.
 */
const DIR = join(__dirname, "../fixtures/tables-as-printed");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8"));
const read = (file: string) => readPrintedTable(printedGridOf(parseCsvBytes(readFileSync(join(DIR, file)), file)));

/** "Växel (block Björkby)" + "Diff" names the row Växel and the column "Björkby / Diff". */
function where(f: { row: string; column: string }) {
  const m = /^(.*) \(block (.*)\)$/.exec(f.row);
  return m ? { row: m[1], column: `${m[2]} / ${f.column}` } : { row: f.row, column: f.column };
}
const num = (x: number | string) => Number(String(x).replace(/\s/g, "").replace("%", "").replace(",", ".").replace("−", "-"));

describe.each(["t1", "t2", "t3", "t4", "t5", "t6", "t7"])("gallery table %s", (id) => {
  const spec = expected[id];
  const table = read(spec.file);
  const findings = checkPrintedTable(table, { knownRules: KNOWN_RULES });

  it("gives exactly the planted printing errors", () => {
    const planted = (spec.findings ?? spec.column_findings ?? []).map((f: { row?: string; column: string; shown?: string; shown_total?: number; difference: number | string }) => {
      const w = where({ row: f.row ?? "", column: f.column });
      return { ...w, shown: f.shown ?? f.shown_total, difference: num(f.difference) };
    });
    const got = findings.map((f) => {
      const percent = f.shown?.endsWith("%");
      return { row: f.row, column: f.column, difference: f.difference === null ? null : Number(f.difference.times(percent ? 100 : 1).toString()) };
    });
    if (spec.column_findings) {
      // Table 5 names the columns only: its total row has no label.
      expect(got.map((g) => ({ column: g.column, difference: g.difference }))).toEqual(planted.map((p: { column: string; difference: number }) => ({ column: p.column, difference: p.difference })));
    } else {
      expect(got).toEqual(planted.map((p: { row: string; column: string; difference: number }) => ({ row: p.row, column: p.column, difference: p.difference })));
    }
  });
});

describe("row roles", () => {
  it("reads table 2's groups, labelled and unlabelled subtotals and grand total, and only its 12 units as lines", () => {
    const [block] = read("nyckel-grupper.csv").blocks;
    const lines = block.rows.filter((r) => r.role === "line");
    expect(lines.map((r) => [r.group, r.label])).toEqual(expected.t2.members.map((m: { group: string; member: string }) => [m.group, m.member]));
    expect(block.rows.filter((r) => r.role !== "line").map((r) => [r.line, r.role])).toEqual([
      [2, "section"], [7, "subtotal"], [8, "section"], [14, "subtotal"], [15, "section"], [19, "subtotal"], [20, "total"],
    ]);
  });

  it("ends table 1 at the blank row: the fee calculation under it is a block of its own", () => {
    const t = read("budget-sektioner.csv");
    expect(t.blocks.map((b) => [b.kind, b.rows.length])).toEqual([["table", 19], ["pairs", 4]]);
    expect(t.blocks[0].rows.filter((r) => r.role === "line")).toHaveLength(15);
    expect(t.blocks[0].rows[18]).toMatchObject({ line: 20, role: "total", label: "Summa årskostnad" });
  });

  it("combines table 3's two header rows into one name per column", () => {
    const [block] = read("uppfoljning-block.csv").blocks;
    expect(block.columns.map((c) => c.name)).toEqual(["System", ...["Ask", "Björkby", "Ceder"].flatMap((k) => ["Avtalat", "Fakturerat", "Diff", "Per invånare"].map((h) => `${k} / ${h}`))]);
    expect(block.headerLines).toEqual([1, 2]);
  });

  it("reads table 7's member blocks: subtotal, the fee as an addition, and the block total", () => {
    const [block] = read("medlemsblock.csv").blocks;
    expect(block.rows.map((r) => r.role)).toEqual(["line", "line", "line", "subtotal", "addition", "block-total", "line", "line", "line", "line", "subtotal", "addition", "block-total"]);
  });

  it("reads every sign in table 4 as printed inside its parentheses", () => {
    const [block] = read("forandringar.csv").blocks;
    const values = Object.fromEntries(block.rows.filter((r) => r.role === "line").map((r) => [r.label, r.cells[1].kind === "number" ? Number(r.cells[1].value.toString()) : null]));
    expect(values).toEqual(expected.t4.values);
  });

  it("says when bare parentheses were read as negative", () => {
    const t = readPrintedTable({ file: "x.csv", rows: [["Post", "Belopp"], ["Hyra", "(285 000)"], ["Summa", "-285 000"]] });
    expect(t.notices).toEqual([{ line: 2, column: "Belopp", message: expect.stringContaining("(285 000) lästes som −285\u00a0000") }]);
    expect(checkPrintedTable(t)).toEqual([]);
  });
});
