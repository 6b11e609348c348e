import { parseArgs } from "node:util";
import { basename } from "node:path";
import { formatAmount, formatPercent } from "../core/numberText";
import { readSourceFileInWorker } from "./isolated";
import { budgetFee, budgetFeeBlock } from "../app/budgetFee";
import { CliIO, UsageError, readCsvFile, readInputFile } from "./io";
import { parseNumberOption } from "./options";
import { findingJson, jsonAmount } from "./json";
import { renderTable } from "./textTable";
import { rowErrorLines } from "../core/rowErrors";


/** "2", "2 %" and "2,5" are percent; the fraction is what the core takes. */
function upliftRate(text: string) {
  const value = parseNumberOption(text, "--uplift");
  return /%\s*$/.test(text) ? value : value.dividedBy(100);
}

/**
 * samkalk fee: the membership fee from the budget (Summa årskostnad + uplift on it), the
 * avvikelse against last year's fee, each member's share by the key, and the budget's own
 * check. Exit 0 when the budget adds up, 1 when it has findings (the fee is still printed), 2 on
 * bad input.
 */
export async function feeCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { budget: { type: "string" }, uplift: { type: "string" }, "last-fee": { type: "string" }, key: { type: "string" }, column: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`okänt argument '${positionals[0]}'`);
  if (!values.budget) throw new UsageError(`--budget <budget.csv|xlsx> saknas`);
  const source = await readSourceFileInWorker(readInputFile(io, values.budget), basename(values.budget));
  // A budget printed with its fee calculation under it states the uplift and last year's fee itself.
  const feeBlock = budgetFeeBlock(source);
  if (values.uplift === undefined && !feeBlock?.upliftRate) throw new UsageError(`--uplift <procent> saknas`);
  const result = budgetFee(source, {
    upliftRate: values.uplift === undefined ? null : upliftRate(values.uplift),
    lastFee: values["last-fee"] === undefined ? undefined : parseNumberOption(values["last-fee"], "--last-fee"),
    key: values.key ? { table: readCsvFile(io, values.key), column: values.column } : undefined,
  }, feeBlock);
  if (!("fee" in result)) {
    io.stderr(`samkalk fee: budgeten kan inte läsas\n${rowErrorLines(result.errors)}`);
    return 2;
  }
  const { fee, findings, members, upliftRate: rate, budgetLines: lineCount } = result;

  if (values.json) {
    io.stdout(JSON.stringify({
      budgetTotal: jsonAmount(fee.budgetTotal),
      uplift: jsonAmount(fee.uplift),
      fee: jsonAmount(fee.fee),
      lastFee: jsonAmount(fee.lastFee),
      change: jsonAmount(fee.change),
      members: members.map((m) => ({ member: m.member, weight: jsonAmount(m.weight), amount: jsonAmount(m.amount) })),
      findings: findings.map(findingJson),
    }));
    return findings.length === 0 ? 0 : 1;
  }
  const kr = (a: Parameters<typeof formatAmount>[0]) => formatAmount(a, { decimals: a.decimalPlaces(), unit: "kr" });
  const lines = [
    ["Summa årskostnad (budget)", kr(fee.budgetTotal)],
    [`Uppräkning ${formatPercent(rate)}`, kr(fee.uplift)],
    ["Medlemsbidrag", kr(fee.fee)],
    ...(fee.lastFee === null ? [] : [["Beslutat bidrag föregående år", kr(fee.lastFee)], ["Avvikelse (föregående år − nytt)", kr(fee.change!)]]),
  ];
  io.stdout(`${source.file}: ${lineCount} ${lineCount === 1 ? "budgetrad" : "budgetrader"}\n\n${renderTable(["", "Belopp"], lines, [false, true])}\n${fee.changeLabel}.`);
  if (members.length > 0) {
    io.stdout(`\n${renderTable(["Medlem", "Vikt", "Medlemsbidrag"], [...members.map((m) => [m.member, formatAmount(m.weight, { decimals: m.weight.decimalPlaces() }), kr(m.amount)]), ["Summa", "", kr(fee.fee)]], [false, true, true])}`);
  }
  if (findings.length > 0) {
    io.stdout(`\nBudgeten går inte ihop på ${findings.length} ${findings.length === 1 ? "punkt" : "punkter"} (avgiften bygger på Summa kategori som beslutad):\n${findings.map((f) => `- ${f.message}`).join("\n")}`);
  } else {
    io.stdout("\nBudgeten går ihop: varje Summa kategori = Driftbudget + Personalkostnader, och summaraderna stämmer.");
  }
  return findings.length === 0 ? 0 : 1;
}
