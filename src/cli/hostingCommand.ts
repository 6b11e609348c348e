import { parseArgs } from "node:util";
import { basename } from "node:path";
import { Amount } from "../core/money";
import { formatAmount } from "../core/numberText";
import { fromCsv } from "../io/sourceTable";
import { compareHostingFiles } from "../app/hosting";
import { CliIO, UsageError, readCsvFile } from "./io";
import { parseIntegerOption } from "./options";
import { jsonAmount } from "./json";
import { renderTable } from "./textTable";
import { rowErrorLines } from "../core/rowErrors";

/**
 * samkalk hosting: cloud vs own operation over N months, one-off costs spread with PERIODISERA's
 * split, per member by the key and per calendar year, and the difference of the first two
 * alternatives. Exit 0, or 2 on bad input.
 */
export async function hostingCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { costs: { type: "string" }, key: { type: "string" }, column: { type: "string" }, months: { type: "string" }, start: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`okänt argument '${positionals[0]}'`);
  if (!values.costs) throw new UsageError(`--costs <kostnader.csv> saknas`);
  if (!values.key) throw new UsageError(`--key <nyckel.csv> saknas`);
  if (!values.months) throw new UsageError(`--months <n> saknas`);
  if (!values.start) throw new UsageError(`--start <ÅÅÅÅ-MM> saknas`);
  const months = parseIntegerOption(values.months, "--months", 1, 1200);
  const m = /^(\d{4})-(\d{1,2})$/.exec(values.start.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) throw new UsageError(`--start: '${values.start}' ska vara en månad som 2027-01`);
  const start = { year: +m[1], month: +m[2] };

  const costs = fromCsv(readCsvFile(io, values.costs));
  const compared = compareHostingFiles(costs, { table: readCsvFile(io, values.key), column: values.column }, months, start);
  if (!("comparison" in compared)) {
    io.stderr(`samkalk hosting: kostnaderna kan inte läsas\n${rowErrorLines(compared.errors)}`);
    return 2;
  }
  const c = compared.comparison;

  if (values.json) {
    io.stdout(JSON.stringify({
      months,
      start: `${start.year}-${String(start.month).padStart(2, "0")}`,
      options: c.options.map((o) => ({
        name: o.name, monthlyCost: jsonAmount(o.monthlyCost), oneOffCost: jsonAmount(o.oneOffCost), total: jsonAmount(o.total),
        years: o.years.map((y) => ({ year: y.year, months: y.months, amount: jsonAmount(y.amount) })),
        members: o.members.map((mm) => ({ member: mm.member, total: jsonAmount(mm.total), years: mm.years.map(jsonAmount) })),
      })),
      difference: c.difference && { total: jsonAmount(c.difference.total), years: c.difference.years.map(jsonAmount), members: c.difference.members.map((mm) => ({ member: mm.member, total: jsonAmount(mm.total), years: mm.years.map(jsonAmount) })) },
    }));
    return 0;
  }
  const kr = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces() });
  const years = c.options[0].years.map((y) => `${y.year}${y.months < 12 ? ` (${y.months} mån)` : ""}`);
  const rows: string[][] = [];
  for (const o of c.options) {
    rows.push([o.name, "Alla", ...o.years.map((y) => kr(y.amount)), kr(o.total)]);
    for (const mm of o.members) rows.push(["", mm.member, ...mm.years.map(kr), kr(mm.total)]);
  }
  if (c.difference) {
    rows.push([`${c.options[0].name} − ${c.options[1].name}`, "Alla", ...c.difference.years.map(kr), kr(c.difference.total)]);
    for (const mm of c.difference.members) rows.push(["", mm.member, ...mm.years.map(kr), kr(mm.total)]);
  }
  const spread = c.options.map((o) => `${o.name}: ${kr(o.monthlyCost)} kr/mån och engångskostnader ${kr(o.oneOffCost)} kr fördelade på ${months} månader`).join("; ");
  io.stdout(`${months} månader från ${values.start.trim()}. ${spread}.\n\n${renderTable(["Alternativ", "Medlem", ...years, "Summa"], rows, [false, false, ...years.map(() => true), true])}`);
  return 0;
}
