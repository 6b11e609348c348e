import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LIMITS } from "../../src/core/limits";

/** The README's table of limits, "what" → "maximum". */
function readmeLimits(): Map<string, string> {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  const start = readme.indexOf("Limits (beyond them");
  if (start < 0) throw new Error("README has no table of limits");
  const rows = readme.slice(start).split("\n").slice(1);
  const table = rows.slice(rows.findIndex((r) => r.startsWith("|")));
  const end = table.findIndex((r) => !r.startsWith("|"));
  return new Map(table.slice(2, end).map((r) => r.split("|").map((c) => c.trim())).map(([, what, max]) => [what, max]));
}

/** 250000 → "250 000", as the README writes numbers. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

describe("the documented limits", () => {
  const readme = readmeLimits();
  const row = (what: string) => {
    const found = [...readme.entries()].find(([k]) => k.startsWith(what));
    if (!found) throw new Error(`README has no limit row starting '${what}'`);
    return found[1];
  };

  it("are the ones the code enforces, as the README's table states them", () => {
    expect(row("file to import or open")).toBe(mb(LIMITS.fileBytes));
    expect(row("data rows in one import")).toBe(grouped(LIMITS.importRows));
    expect(row("text in one cell")).toMatch(new RegExp(`^${grouped(LIMITS.cellText)} characters`));
    expect(row("xlsx unpacked size")).toBe(`${mb(LIMITS.xlsxUnpackedBytes)}, and at most ${LIMITS.xlsxRatio} × the file's size`);
    expect(row("cells in one `vikter` range")).toBe(grouped(LIMITS.functionCells));
    expect(row("time to read one xlsx file")).toMatch(new RegExp(`^${LIMITS.xlsxParseSeconds} s `));
    expect(row("time for one `recalc`")).toMatch(new RegExp(`^${LIMITS.recalcSeconds} s `));
  });

  it("hold Excel's own limit for the text of a cell", () => {
    expect(LIMITS.cellText).toBe(32_767);
  });
});
