import { parseArgs } from "node:util";
import { Amount } from "../core/money";
import { formatAmount, formatPercent } from "../core/numberText";
import { formatIsoDate } from "../core/dates";
import { capitalCosts } from "../app/capitalCosts";
import { fromCsv } from "../io/sourceTable";
import { importInvestments } from "../model/investmentPlan";
import { CliIO, UsageError, readCsvFile } from "./io";
import { parseIntegerOption, parseNumberOption } from "./options";
import { jsonAmount } from "./json";
import { renderTable } from "./textTable";
import { rowErrorLines } from "../core/rowErrors";

/**
 * samkalk capital: an investment plan's capital costs per investment and year (rak avskrivning,
 * internränta on the book value at the start of the year) and, with --volume, the price per unit
 * for the Prislista. Exit 0, or 2 on bad input.
 */
export async function capitalCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { plan: { type: "string" }, rate: { type: "string" }, volume: { type: "string", multiple: true }, service: { type: "string" }, unit: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`okänt argument '${positionals[0]}'`);
  if (!values.plan) throw new UsageError(`--plan <investeringar.csv> saknas`);
  if (values.rate === undefined) throw new UsageError(`--rate <procent> saknas`);
  const rateValue = parseNumberOption(values.rate, "--rate");
  const rate = /%\s*$/.test(values.rate) ? rateValue : rateValue.dividedBy(100);
  const volumes = new Map<number, Amount>();
  for (const v of values.volume ?? []) {
    const m = /^(\d{4})\s*[:=]\s*(.+)$/.exec(v.trim());
    if (!m) throw new UsageError(`--volume: '${v}' ska vara år=volym, t.ex. 2028=4120`);
    volumes.set(parseIntegerOption(m[1], "--volume", 1900, 2200), parseNumberOption(m[2], "--volume"));
  }
  if (volumes.size > 0 && !values.service) throw new UsageError("--service \"<tjänst>\" behövs för priset per enhet i Prislistan");

  const imported = importInvestments(fromCsv(readCsvFile(io, values.plan)));
  if (imported.errors.length > 0) {
    io.stderr(`samkalk capital: investeringsplanen kan inte läsas\n${rowErrorLines(imported.errors)}`);
    return 2;
  }
  const { plan, prices } = capitalCosts(imported.records, rate, volumes.size > 0 ? { service: values.service!, unit: values.unit ?? "", volumes } : undefined);

  if (values.json) {
    io.stdout(JSON.stringify({
      rate: jsonAmount(rate),
      investments: plan.investments.map((inv) => ({ name: inv.name, amount: jsonAmount(inv.amount), years: inv.years.map((y) => ({ year: y.year, bookValue: jsonAmount(y.bookValue), depreciation: jsonAmount(y.depreciation), interest: jsonAmount(y.interest), capitalCost: jsonAmount(y.capitalCost) })) })),
      perYear: plan.perYear.map((y) => ({ year: y.year, depreciation: jsonAmount(y.depreciation), interest: jsonAmount(y.interest), capitalCost: jsonAmount(y.capitalCost) })),
      prices: prices.map((p) => ({ service: p.service, unit: p.unit, price: jsonAmount(p.price), validFrom: p.validFrom && formatIsoDate(p.validFrom), validTo: p.validTo && formatIsoDate(p.validTo) })),
    }));
    return 0;
  }
  const kr = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces() });
  const rows = [
    ...plan.investments.flatMap((inv) => inv.years.map((y) => [inv.name, String(y.year), kr(y.bookValue), kr(y.depreciation), kr(y.interest), kr(y.capitalCost)])),
    ...plan.perYear.map((y) => [`Summa ${y.year}`, "", "", kr(y.depreciation), kr(y.interest), kr(y.capitalCost)]),
  ];
  io.stdout(`Rak avskrivning från året investeringen tas i bruk; internränta ${formatPercent(rate)} på bokfört värde vid årets början.\n\n${renderTable(["Investering", "År", "Bokfört värde", "Avskrivning", "Internränta", "Kapitalkostnad"], rows, [false, false, true, true, true, true])}`);
  if (prices.length > 0) {
    io.stdout(`\nPrislista:\n${renderTable(["Tjänst", "Enhet", "Pris", "Giltig från", "Giltig till"], prices.map((p) => [p.service, p.unit, formatAmount(p.price, { decimals: 2 }), formatIsoDate(p.validFrom!), formatIsoDate(p.validTo!)]), [false, false, true, false, false])}`);
  }
  return 0;
}
