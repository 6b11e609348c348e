import { parseArgs } from "node:util";
import { basename } from "node:path";
import { CliIO, UsageError, readInputFile } from "./io";
import { checkOutputTargets } from "./outputFiles";
import { isolated, timeLimitSeconds } from "./isolated";
import { recalcHeapMb } from "./recalcMemory";
import { LIMITS } from "../core/limits";

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
  checkOutputTargets([values.output], [input]);

  const file = basename(input);
  const bytes = readInputFile(io, input);
  // The heap is estimated from the file (its XML and its formulas) so that the worker runs once;
  // should a workbook still need more, it runs again uncapped (recalcMemory.ts).
  const { heapMb, unpacked } = recalcHeapMb(bytes, file);
  const options = { valuesOnly: values["values-only"] };
  const outcome = await isolated("recalc", [bytes, file, options, unpacked], {
    // The worksheets move to the worker; a second, uncapped run inflates them itself.
    transfer: { buffers: [...unpacked.values()].map((part) => part.buffer as ArrayBuffer), retryArgs: [bytes, file, options] },
    file,
    what: "omräkningen",
    seconds: timeLimitSeconds(LIMITS.recalcSeconds),
    heapMb,
    // Measured on the 100 000-link running total: 7,1 s with V8's default nursery, 5,3 s with
    // 64 MB (a third of the time went to collecting the cells' short-lived objects), 5,9 s with 128.
    youngGenerationMb: 64,
    onUncapped: () => io.stderr(`samkalk recalc: arbetsboken behövde mer minne än ${heapMb} MB; räknar om utan gräns`),
  });
  const { warnings } = outcome;
  if (warnings.length > 0) {
    io.stderr(`samkalk recalc: ${warnings.length} ${warnings.length === 1 ? "cell" : "celler"} kunde inte räknas om av Samkalk; Excel räknar om dem när filen öppnas\n${warnings.slice(0, 20).join("\n")}${warnings.length > 20 ? `\n… och ${warnings.length - 20} till` : ""}`);
  }
  if (outcome.leftToExcel > 0) {
    io.stderr(`samkalk recalc: ${outcome.leftToExcel} ${outcome.leftToExcel === 1 ? "formel" : "formler"} utan sparat värde beror inte på någon SAMKALK-formel och lämnades åt Excel, som räknar dem när filen öppnas (--values-only räknar dem)`);
  }
  const blocked = outcome.blockedSpills ?? [];
  if (blocked.length > 0) {
    io.stderr(`samkalk recalc: ${blocked.length} ${blocked.length === 1 ? "formel" : "formler"} kunde inte spilla och visar #SPILL!, som i Excel; cellerna i vägen skrevs inte över\n${blocked.slice(0, 20).join("\n")}${blocked.length > 20 ? `\n… och ${blocked.length - 20} till` : ""}`);
  }
  io.writeFiles([{ path: values.output, bytes: outcome.bytes }], [input]);
  const wrote = `Räknade om ${outcome.evaluated} formler och skrev ${outcome.written} ${outcome.written === 1 ? "cell" : "celler"} i ${values.output}${values["values-only"] ? " med SAMKALK-formler ersatta av värden" : ""}`;
  io.stdout(
    outcome.evaluated === 0 && warnings.length === 0
      ? outcome.fullCalcOnLoad
        ? `Arbetsboken har inga SAMKALK-formler att räkna om; ${values.output} är en kopia som ber Excel räkna om formlerna när filen öppnas.`
        : `Arbetsboken har inga SAMKALK-formler att räkna om; ${values.output} är en oförändrad kopia.`
      : blocked.length > 0
        ? `${wrote}; ${blocked.length} ${blocked.length === 1 ? "formel visar" : "formler visar"} #SPILL! i stället för sitt resultat (se ovan). Töm cellerna i vägen och räkna om.`
        : `${wrote}; allt annat i filen är oförändrat.`,
  );
  // A result that could not be written is not a success: scripts must notice.
  return blocked.length > 0 ? 1 : 0;
}
