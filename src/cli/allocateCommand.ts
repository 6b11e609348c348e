import { parseArgs } from "node:util";
import type { AllocationMethod } from "../core/allocation";
import { Amount } from "../core/money";
import { formatAmount, formatPercent } from "../core/numberText";
import type { PrintedKey } from "../model/keyFile";
import { KeyAllocationRequest, allocateByGroups, allocateByKey, compareByKeys, keyFromFile } from "../app/keyAllocation";
import { CliIO, UsageError, readCsvFile } from "./io";
import { parseDecimalsOption, parseNumberOption } from "./options";
import { renderTable } from "./textTable";
import { jsonAmount } from "./json";
import { noticeText } from "../core/rowErrors";

export function allocateCommand(args: string[], io: CliIO): number {
  const { values } = parseArgs({
    args,
    options: {
      total: { type: "string" },
      key: { type: "string" },
      "equal-share": { type: "string" },
      decimals: { type: "string" },
      column: { type: "string" },
      groups: { type: "boolean", default: false },
      compare: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.total === undefined) throw new UsageError("--total <belopp> saknas");
  if (values.key === undefined) throw new UsageError("--key <nyckel.csv> saknas");
  const total = parseNumberOption(values.total, "--total");
  const decimals = parseDecimalsOption(values.decimals);
  const request = { total, decimals, equalShare: values["equal-share"] === undefined ? null : parseNumberOption(values["equal-share"], "--equal-share") };
  const printed = keyFromFile(readCsvFile(io, values.key), values.column);
  for (const n of printed.notices) io.stderr(noticeText(values.key!, n));
  if (values.compare !== undefined) return printComparison(io, request, printed, keyFromFile(readCsvFile(io, values.key), values.compare), values.json);
  if (values.groups) return printGroups(io, request, printed, values.json);
  const { method, parts, weightSum } = allocateByKey(request, printed);

  if (values.json) {
    io.stdout(JSON.stringify({
      total: jsonAmount(total),
      weightColumn: printed.weightColumn,
      parts: parts.map((p) => ({ member: p.member, weight: jsonAmount(p.weight), amount: jsonAmount(p.amount) })),
    }));
    return 0;
  }
  const rows = parts.map((p) => [p.member, formatAmount(p.weight, { decimals: p.weight.decimalPlaces() }), formatAmount(p.amount, { decimals })]);
  rows.push(["Summa", formatAmount(weightSum, { decimals: weightSum.decimalPlaces() }), formatAmount(total, { decimals })]);
  io.stdout(`Fördelning av ${formatAmount(total, { decimals, unit: "kr" })} ${describeMethod(method)} (${printed.weightColumn}), avrundat med största rest\n`);
  io.stdout(renderTable(["Medlem", "Vikt", "Belopp (kr)"], rows, [false, true, true]));
  return 0;
}

/** --compare: the same total by another weight column of the key (last year's users), and the change per member and group. */
function printComparison(io: CliIO, request: KeyAllocationRequest, after: PrintedKey, before: PrintedKey, json: boolean): number {
  const { total, decimals } = request;
  const { method, rows, groups } = compareByKeys(request, before, after);
  if (json) {
    io.stdout(JSON.stringify({
      total: jsonAmount(total), before: before.weightColumn, after: after.weightColumn,
      parts: rows.map((r) => ({ member: r.member, before: jsonAmount(r.before), after: jsonAmount(r.after), change: jsonAmount(r.change) })),
      groups: groups.map((g) => ({ group: g.group, before: jsonAmount(g.before), after: jsonAmount(g.after), change: jsonAmount(g.change) })),
    }));
    return 0;
  }
  const n = (a: Amount) => formatAmount(a, { decimals });
  const signed = (a: Amount) => (a.greaterThan(0) ? `+${n(a)}` : n(a));
  io.stdout(`${formatAmount(total, { decimals, unit: "kr" })} fördelat ${describeMethod(method)} efter ${before.weightColumn} och efter ${after.weightColumn}, samma belopp, avrundat med största rest\n`);
  io.stdout(renderTable(["Medlem", before.weightColumn, after.weightColumn, "Förändring"], [...rows.map((r) => [r.member, n(r.before), n(r.after), signed(r.change)]), ["Summa", n(total), n(total), signed(new Amount(0))]], [false, true, true, true]));
  if (groups.length > 0) io.stdout(`\n${renderTable(["Grupp", before.weightColumn, after.weightColumn, "Förändring"], groups.map((g) => [g.group, n(g.before), n(g.after), signed(g.change)]), [false, true, true, true])}`);
  return 0;
}

/** --groups: first to the key's groups, then within each, exact at both levels. */
function printGroups(io: CliIO, request: KeyAllocationRequest, printed: PrintedKey, json: boolean): number {
  const { total, decimals } = request;
  const { method, groups, weightSum } = allocateByGroups(request, printed);
  if (json) {
    io.stdout(JSON.stringify({
      total: jsonAmount(total),
      weightColumn: printed.weightColumn,
      groups: groups.map((g) => ({ group: g.name, weight: jsonAmount(g.weight), amount: jsonAmount(g.amount), parts: (g.children ?? []).map((p) => ({ member: p.name, weight: jsonAmount(p.weight), amount: jsonAmount(p.amount) })) })),
    }));
    return 0;
  }
  const n = (a: Amount, d = a.decimalPlaces()) => formatAmount(a, { decimals: d });
  const rows: string[][] = [];
  for (const g of groups) {
    rows.push([g.name, "", n(g.weight), n(g.amount, decimals)]);
    for (const p of g.children ?? []) rows.push(["", p.name, n(p.weight), n(p.amount, decimals)]);
  }
  rows.push(["Summa", "", n(weightSum), n(total, decimals)]);
  io.stdout(`Fördelning av ${formatAmount(total, { decimals, unit: "kr" })} i två nivåer, först till grupperna och sedan inom varje grupp ${describeMethod(method)} (${printed.weightColumn}), avrundat med största rest på båda nivåerna\n`);
  io.stdout(renderTable(["Grupp", "Medlem", "Vikt", "Belopp (kr)"], rows, [false, false, true, true]));
  return 0;
}

function describeMethod(method: AllocationMethod): string {
  if (method.kind !== "mixed") return "efter vikt";
  const a = method.equalShare;
  return `med ${formatPercent(a, a.times(100).decimalPlaces())} rak andel och ${formatPercent(new Amount(1).minus(a), a.times(100).decimalPlaces())} efter vikt`;
}

