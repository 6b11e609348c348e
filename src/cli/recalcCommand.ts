import { parseArgs } from "node:util";
import { basename } from "node:path";
import { EmbeddedWorkbook } from "../workbook/embeddedWorkbook";
import { readWorkbookFile, writeWorkbookFile } from "../io/xlsxWorkbook";
import { CliIO, UsageError, readInputFile, sameFile } from "./io";
import { CellValue, isCellError, isFormula } from "../core/cells";
import { rangeA1 } from "../core/a1";

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
  const result = workbook.snapshot();
  // Where the engine cannot evaluate a formula (a function it lacks, a defined name …), Excel's
  // cached value is kept and the cell listed; the file asks Excel to recalculate on open.
  const explain = new Map(workbook.formulaProblems().map((p) => [`${p.sheet}!${p.cell}`, p.problem]));
  const keepCached: Record<string, CellValue> = {};
  const warnings: string[] = [];
  for (const sheet of result.sheets) {
    sheet.cells.forEach((row, r) => row.forEach((cell, c) => {
      const value = sheet.values?.[r]?.[c];
      if (!isFormula(cell) || !isCellError(value ?? null)) return;
      const address = `${sheet.name}!${rangeA1({ row: r, col: c }, 1, 1)}`;
      const cached = snapshot.cached?.[address];
      const why = explain.get(address) ?? `beror på en cell som inte kunde räknas (${(value as { error: string }).error})`;
      if (cached !== undefined && !isCellError(cached)) {
        keepCached[address] = cached;
        warnings.push(`blad ${sheet.name}, cell ${rangeA1({ row: r, col: c }, 1, 1)}: ${why} i ${cell.formula}; Excels sparade värde behölls`);
      } else if (explain.has(address)) {
        warnings.push(`blad ${sheet.name}, cell ${rangeA1({ row: r, col: c }, 1, 1)}: ${why} i ${cell.formula}; inget sparat värde finns, cellen visar felet`);
      }
    }));
  }
  if (warnings.length > 0) {
    io.stderr(`samkalk recalc: ${warnings.length} ${warnings.length === 1 ? "cell" : "celler"} kunde inte räknas om av Samkalk; Excel räknar om dem när filen öppnas\n${warnings.slice(0, 20).join("\n")}${warnings.length > 20 ? `\n… och ${warnings.length - 20} till` : ""}`);
  }
  const formulas = result.sheets.reduce((n, s) => n + s.cells.flat().filter((c) => isFormula(c)).length, 0);
  io.writeFile(values.output, await writeWorkbookFile(result, { valuesOnly: values["values-only"], keepCached }));
  io.stdout(`Räknade om ${formulas} formler i ${result.sheets.length} blad och skrev ${values.output}${values["values-only"] ? " med SAMKALK-formler ersatta av värden" : ""}.`);
  return 0;
}
