import { parseArgs } from "node:util";
import { basename } from "node:path";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { readWorkbookFile, writeWorkbookFile } from "../io/xlsxWorkbook";
import { CliIO, UsageError, readInputFile, sameFile } from "./io";

/**
 * samkalk recalc: evaluates every formula (SAMKALK ones included) on the embedded engine and
 * writes the results as cached values, or with --values-only replaces SAMKALK formulas by their
 * values. The input file is never written to.
 */
export async function recalcCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { output: { type: "string", short: "o" }, "values-only": { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError("ange exakt en arbetsbok: samkalk recalc <in.xlsx> -o <ut.xlsx>");
  if (!values.output) throw new UsageError("-o <ut.xlsx> saknas");
  const [input] = positionals;
  if (sameFile(input, values.output)) throw new UsageError("utfilen är samma fil som infilen (direkt eller genom en länk): infilen ändras aldrig");

  const snapshot = await readWorkbookFile(readInputFile(io, input), basename(input));
  const workbook = EmbeddedWorkbook.fromSnapshot(snapshot);
  const problems = workbook.formulaProblems();
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `fil ${basename(input)}, blad ${p.sheet}, cell ${p.cell}: ${p.problem} i ${p.formula}`);
    if (problems.length > 20) lines.push(`… och ${problems.length - 20} formler till`);
    io.stderr(`samkalk recalc: ${problems.length} ${problems.length === 1 ? "formel" : "formler"} kan inte räknas; ingen fil skrevs\n${lines.join("\n")}`);
    return 2;
  }
  const result = workbook.snapshot();
  const formulas = result.sheets.reduce((n, s) => n + s.cells.flat().filter((c) => c !== null && typeof c === "object").length, 0);
  io.writeFile(values.output, await writeWorkbookFile(result, { valuesOnly: values["values-only"] }));
  io.stdout(`Räknade om ${formulas} formler i ${result.sheets.length} blad och skrev ${values.output}${values["values-only"] ? " med SAMKALK-formler ersatta av värden" : ""}.`);
  return 0;
}
