import { parseArgs } from "node:util";
import { AllocationMethod, BY_DRIVER, allocate, mixedMethod } from "../core/allocation";
import { Amount } from "../core/money";
import { formatAmount, formatPercent } from "../core/numberText";
import { readKey } from "../model/keyFile";
import { CliIO, UsageError, readCsvFile } from "./io";
import { parseDecimalsOption, parseNumberOption } from "./options";
import { renderTable } from "./textTable";
import { jsonAmount } from "./json";

export function allocateCommand(args: string[], io: CliIO): number {
  const { values } = parseArgs({
    args,
    options: {
      total: { type: "string" },
      key: { type: "string" },
      "equal-share": { type: "string" },
      decimals: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.total === undefined) throw new UsageError("--total <belopp> saknas");
  if (values.key === undefined) throw new UsageError("--key <nyckel.csv> saknas");
  const total = parseNumberOption(values.total, "--total");
  const decimals = parseDecimalsOption(values.decimals);
  let method: AllocationMethod = BY_DRIVER;
  if (values["equal-share"] !== undefined) method = mixedMethod(parseNumberOption(values["equal-share"], "--equal-share"));
  const key = readKey(readCsvFile(io, values.key));
  const parts = allocate(total, key, method, decimals);

  if (values.json) {
    io.stdout(JSON.stringify({
      total: jsonAmount(total),
      parts: parts.map((p) => ({ member: p.member, weight: jsonAmount(p.weight), amount: jsonAmount(p.amount) })),
    }));
    return 0;
  }
  const weightSum = key.reduce((s, e) => s.plus(e.weight), new Amount(0));
  const rows = parts.map((p) => [p.member, formatAmount(p.weight, { decimals: p.weight.decimalPlaces() }), formatAmount(p.amount, { decimals })]);
  rows.push(["Summa", formatAmount(weightSum, { decimals: weightSum.decimalPlaces() }), formatAmount(total, { decimals })]);
  io.stdout(`Fördelning av ${formatAmount(total, { decimals, unit: "kr" })} ${describeMethod(method)}, avrundat med största rest\n`);
  io.stdout(renderTable(["Medlem", "Vikt", "Belopp (kr)"], rows, [false, true, true]));
  return 0;
}

function describeMethod(method: AllocationMethod): string {
  if (method.kind !== "mixed") return "efter vikt";
  const a = method.equalShare;
  return `med ${formatPercent(a, a.times(100).decimalPlaces())} rak andel och ${formatPercent(new Amount(1).minus(a), a.times(100).decimalPlaces())} efter vikt`;
}

