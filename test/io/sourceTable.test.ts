import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromCsv, readSourceFile } from "../../src/io/sourceTable";
import { parseCsvText } from "../../src/io/csv";
import { isDomainError, locatedMessage } from "../../src/core/errors";
import { LIMITS } from "../../src/core/limits";

const outcome = (bytes: Uint8Array, name: string) => readSourceFile(bytes, name).then((t) => ({ headers: t.headers, rows: t.rows }), (e: unknown) => (isDomainError(e) ? locatedMessage(e) : `other: ${String(e)}`));
const text = (s: string) => new TextEncoder().encode(s);

describe("reading a table file, chosen by its name", () => {
  it("refuses the old .xls format by name, in any case, saying what to save instead", async () => {
    for (const name of ["budget.xls", "BUDGET.XLS"]) {
      expect(await outcome(text("Medlem;Vikt\nAsk;1\n"), name)).toBe(`fil ${name}: det gamla .xls-formatet stöds inte; spara som .xlsx eller CSV`);
    }
  });

  it("reads a file named .xlsx in any case as a workbook, so CSV text under that name is no zip", async () => {
    expect(await outcome(text("Medlem;Vikt\nAsk;1\n"), "NYCKEL.XLSX")).toMatch(/^fil NYCKEL\.XLSX: filen är ingen xlsx-fil \(den är inte ett zip-arkiv\)/);
  });

  it("reads every other name as CSV, the example key among them", async () => {
    const key = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "nyckel-anvandare.csv")));
    const asCsv = await outcome(key, "nyckel-anvandare.csv");
    expect(await outcome(key, "nyckel.txt")).toEqual(asCsv);
    expect(await outcome(text("Medlem;Vikt\nAsk;1\n"), "export")).toEqual({ headers: ["Medlem", "Vikt"], rows: [["Ask", "1"]] });
  });

  it("refuses a file over the size limit before looking at its name or contents", async () => {
    expect(await outcome(new Uint8Array(LIMITS.fileBytes + 1024 * 1024), "gammal.xls")).toMatch(/^fil gammal\.xls: filen är 65 MB; största tillåtna storlek är 64 MB/);
  });
});

describe("a parsed CSV as a source table", () => {
  it("keeps the file rows of header and data, and nothing of how the file was encoded", () => {
    // Commas: with semicolons, blank lines above the header hide the delimiter today (see csv.ts's detectDelimiter).
    const csv = parseCsvText("\n\nMedlem,Vikt\nAsk,1\n\nDal,2\n", "nyckel.csv");
    // Two blank lines above the header (row 3); the blank line between Ask (row 4) and Dal (row 6) is no row.
    expect(fromCsv(csv)).toEqual({ file: "nyckel.csv", headers: ["Medlem", "Vikt"], rows: [["Ask", "1"], ["Dal", "2"]], rowNumbers: [4, 6], headerRowNumber: 3 });
  });
});
