import { parseArgs } from "node:util";
import { checkTable } from "../core/tablecheck";
import { findingJson } from "./json";
import { Amount } from "../core/money";
import { formatAmount } from "../core/numberText";
import { CliIO, UsageError, readCsvFile } from "./io";
import { renderTable } from "./textTable";

export function checkCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    options: { rule: { type: "string", multiple: true, default: [] }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError("ange exakt en tabell: samkalk check <tabell.csv>");
  const table = readCsvFile(io, positionals[0]);
  const findings = checkTable([table.headers, ...table.rows], values.rule);

  if (values.json) {
    io.stdout(JSON.stringify({ findings: findings.map(findingJson) }));
  } else if (findings.length === 0) {
    io.stdout(`${table.file}: inga fel hittades (${table.rows.length} rader kontrollerade).`);
  } else {
    io.stdout(`${table.file}: ${findings.length} ${findings.length === 1 ? "avvikelse" : "avvikelser"}\n`);
    const show = (a: Amount | null) => (a === null ? "" : formatAmount(a, { decimals: Math.min(a.decimalPlaces(), 6) }));
    io.stdout(renderTable(
      ["Rad", "Radnamn", "Kolumn", "Förväntat", "Faktiskt", "Differens"],
      findings.map((f) => [String(f.rowNumber), f.row, f.column, show(f.expected), show(f.actual), show(f.difference)]),
      [true, false, false, true, true, true],
    ));
    io.stdout(`\n${findings.map((f) => `- ${f.message}`).join("\n")}`);
  }
  return findings.length === 0 ? 0 : 1;
}
