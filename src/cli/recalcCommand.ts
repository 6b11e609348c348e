import { parseArgs } from "node:util";
import { basename } from "node:path";
import { recalculateXlsx } from "../app/recalculate";
import { CliIO, UsageError, readInputFile, sameFile } from "./io";

/**
 * samkalk recalc: evaluates the workbook's SAMKALK formulas, what they read and what reads them,
 * and writes the results into a copy of the file that is otherwise unchanged byte for byte; with
 * --values-only the SAMKALK formulas are replaced by their values. The input is never written to.
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

  const outcome = recalculateXlsx(readInputFile(io, input), basename(input), { valuesOnly: values["values-only"] });
  const { warnings } = outcome;
  if (warnings.length > 0) {
    io.stderr(`samkalk recalc: ${warnings.length} ${warnings.length === 1 ? "cell" : "celler"} kunde inte räknas om av Samkalk; Excel räknar om dem när filen öppnas\n${warnings.slice(0, 20).join("\n")}${warnings.length > 20 ? `\n… och ${warnings.length - 20} till` : ""}`);
  }
  io.writeFile(values.output, outcome.bytes);
  io.stdout(
    outcome.evaluated === 0 && warnings.length === 0
      ? `Arbetsboken har inga SAMKALK-formler att räkna om; ${values.output} är en oförändrad kopia.`
      : `Räknade om ${outcome.evaluated} formler och skrev ${outcome.written} ${outcome.written === 1 ? "cell" : "celler"} i ${values.output}${values["values-only"] ? " med SAMKALK-formler ersatta av värden" : ""}; allt annat i filen är oförändrat.`,
  );
  return 0;
}
