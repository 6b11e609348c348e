import { InputErrors, inputErrorLines, readTableFile } from "../../src/cli/tableInput";
import { CliIO } from "../../src/cli/io";
import { RowError } from "../../src/core/cells";
import { importInvestments } from "../../src/model/investmentPlan";
import { cellsToXlsx } from "../../src/io/tableFiles";
import { captureIO } from "./captureIO";

const PLAN = "Investering;År;Belopp;Avskrivningstid\nServrar;2028;900 000;3\nLicenser;2029;100 000;0\nNät;2027;;5\n";

function readingFrom(files: Record<string, Uint8Array | string>): CliIO {
  return {
    ...captureIO().io,
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
  };
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return "nothing thrown";
}

describe("reading a table file for a command", () => {
  it("reads an xlsx file as a workbook and names the table by its file name", async () => {
    const bytes = await cellsToXlsx("Plan", [["Investering", "År", "Belopp", "Avskrivningstid"], ["Servrar", 2028, 900_000, 3]]);
    const result = await readTableFile(readingFrom({ "indata/PLAN.XLSX": bytes }), "indata/PLAN.XLSX", importInvestments);
    expect(result.source.file).toBe("PLAN.XLSX");
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.name, r.year, String(r.amount), r.years])).toEqual([["Servrar", 2028, "900000", 3]]);
    expect(result.rows).toEqual([2]);
  });

  it("throws every row error of the read, each naming file, row and column, and returns nothing", async () => {
    const error = await thrown(readTableFile(readingFrom({ "indata/plan.csv": PLAN }), "indata/plan.csv", importInvestments));
    expect(error).toBeInstanceOf(InputErrors);
    expect((error as InputErrors).errors.map((e) => [e.file, e.row, e.column])).toEqual([["plan.csv", 3, "Avskrivningstid"], ["plan.csv", 4, "Belopp"]]);
  });

  it("says a missing file is missing, naming the path given", async () => {
    const error = await thrown(readTableFile(readingFrom({}), "indata/saknas.csv", importInvestments));
    expect(error).toMatchObject({ message: "filen finns inte", location: { file: "indata/saknas.csv" } });
  });
});

describe("the row errors on stderr", () => {
  const errors = (n: number): RowError[] => Array.from({ length: n }, (_, i) => ({ file: "avtal.csv", row: i + 2, column: "Avtalat", message: "texten 'x' är inget tal" }));

  it("lists the first 20, one a line, and counts the rest", () => {
    expect(inputErrorLines(errors(20)).split("\n")).toHaveLength(20);
    const lines = inputErrorLines(errors(23)).split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe("avtal.csv, rad 21, kolumn Avtalat: texten 'x' är inget tal");
    expect(lines[20]).toBe("… och 3 fel till");
  });
});
