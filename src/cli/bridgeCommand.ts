import { parseArgs } from "node:util";
import { basename } from "node:path";
import { formatAmount } from "../core/numberText";
import { Amount } from "../core/money";
import { bridgeFromPrinted, remainderText } from "../app/feeBridge";
import { readSourceFileInWorker } from "./isolated";
import { CliIO, UsageError, readInputFile } from "./io";
import { parseNumberOption } from "./options";
import { jsonAmount } from "./json";
import { renderTable } from "./textTable";


/**
 * samkalk bridge: last year's decided fee → each decided change as listed → this year's fee, with
 * the remainder the list does not explain. Exit 0 when nothing is unexplained (and the list's own
 * Summa, if printed, is its changes' sum), 1 when something is, 2 on bad input.
 */
export async function bridgeCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { changes: { type: "string" }, "last-fee": { type: "string" }, fee: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`okänt argument '${positionals[0]}'`);
  if (!values.changes) throw new UsageError(`--changes <förändringar.csv|xlsx> saknas`);
  if (values["last-fee"] === undefined) throw new UsageError(`--last-fee <belopp> saknas`);
  const lastFee = parseNumberOption(values["last-fee"], "--last-fee");
  const newFee = values.fee === undefined ? null : parseNumberOption(values.fee, "--fee");
  const source = await readSourceFileInWorker(readInputFile(io, values.changes), basename(values.changes));
  const { bridge, printedTotal, notices } = bridgeFromPrinted(source, lastFee, newFee);
  const unexplained = (bridge.remainder !== null && !bridge.remainder.isZero()) || (printedTotal !== null && !printedTotal.matches);

  if (values.json) {
    io.stdout(JSON.stringify({
      lastFee: jsonAmount(bridge.lastFee),
      changes: bridge.steps.map((s) => ({ label: s.label, amount: jsonAmount(s.amount), runningTotal: jsonAmount(s.runningTotal) })),
      explained: jsonAmount(bridge.explained),
      explainedFee: jsonAmount(bridge.explainedFee),
      fee: jsonAmount(bridge.newFee),
      remainder: jsonAmount(bridge.remainder),
      printedTotal: printedTotal && { line: printedTotal.line, shown: jsonAmount(printedTotal.shown), matches: printedTotal.matches },
    }));
    return unexplained ? 1 : 0;
  }
  const kr = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces(), unit: "kr" });
  const signed = (a: Amount) => (a.isNegative() || a.isZero() ? kr(a) : `+${kr(a)}`);
  const rows = [
    ["Beslutad avgift föregående år", "", kr(bridge.lastFee)],
    ...bridge.steps.map((s) => [s.label, signed(s.amount), kr(s.runningTotal)]),
    ["Summa förändringar", signed(bridge.explained), kr(bridge.explainedFee)],
    ...(bridge.newFee === null ? [] : [["Beslutad avgift i år", "", kr(bridge.newFee)], ["Oförklarad rest", signed(bridge.remainder!), ""]]),
  ];
  io.stdout(`${source.file}: ${bridge.steps.length} ${bridge.steps.length === 1 ? "förändring" : "förändringar"}\n\n${renderTable(["", "Förändring", "Avgift efter"], rows, [false, true, true])}\n\n${remainderText(bridge)}`);
  if (printedTotal && !printedTotal.matches) io.stdout(`Listans egen summa på rad ${printedTotal.line} är ${kr(printedTotal.shown)}, men förändringarna summerar till ${kr(bridge.explained)}.`);
  for (const n of notices) io.stdout(`Obs: rad ${n.line}, ${n.column}: ${n.message}`);
  return unexplained ? 1 : 0;
}
