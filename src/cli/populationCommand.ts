import { parseArgs } from "node:util";
import { basename } from "node:path";
import { CivilDate, formatIsoDate } from "../core/dates";
import { formatAmount } from "../core/numberText";
import { ReferenceRule, referenceDate } from "../core/population";
import { populationKey, populationKeyRows } from "../app/population";
import { readKey } from "../model/keyFile";
import { cellsToCsv } from "../io/tableFiles";
import { CliIO, UsageError, readCsvFile, readInputFile } from "./io";
import { parseDateOption, parseIntegerOption } from "./options";
import { jsonAmount } from "./json";
import { renderTable } from "./textTable";


const RULES: Record<string, ReferenceRule> = { "31-dec": "dec31-previous", "1-nov": "nov1-previous" };

/**
 * samkalk population: each member's population at the agreement's reference date from SCB's
 * export (JSON-stat2 or CSV), as a key that names the figure and date it used. Exit 0, or 2 when
 * a member has no figure at exactly that date.
 */
export async function populationCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { date: { type: "string" }, year: { type: "string" }, reference: { type: "string" }, members: { type: "string" }, output: { type: "string", short: "o" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`ange exakt en fil från SCB`);
  let date: CivilDate;
  if (values.date !== undefined) {
    if (values.year !== undefined || values.reference !== undefined) throw new UsageError("ange antingen --date eller --year med --reference, inte båda");
    date = parseDateOption(values.date, "--date");
  } else {
    if (values.year === undefined || values.reference === undefined) throw new UsageError(`ange referensdatum: --date <ÅÅÅÅ-MM-DD>, eller --year <nyckelår> med --reference 31-dec|1-nov`);
    const rule = RULES[values.reference.trim().toLowerCase()];
    if (!rule) throw new UsageError(`--reference: '${values.reference}' ska vara 31-dec (31 december året före) eller 1-nov (1 november året före)`);
    date = referenceDate(rule, parseIntegerOption(values.year, "--year", 1901, 9999));
  }
  const file = positionals[0];
  const members = values.members ? readKey(readCsvFile(io, values.members)).map((e) => e.member) : undefined;
  const key = populationKey(readInputFile(io, file), basename(file), date, members);

  if (values.output) io.writeFiles([{ path: values.output, bytes: cellsToCsv(populationKeyRows(key)) }], [file, ...(values.members ? [values.members] : [])]);
  if (values.json) {
    io.stdout(JSON.stringify({
      referenceDate: formatIsoDate(date),
      table: key.table.title,
      members: key.entries.map((e) => ({ member: e.member, code: e.code || null, inhabitants: jsonAmount(e.inhabitants), referenceDate: formatIsoDate(e.referenceDate), source: e.source })),
    }));
    return 0;
  }
  io.stdout(`${basename(file)}: ${key.table.title}, invånare per ${formatIsoDate(date)}\n\n${renderTable(["Medlem", "Region", "Invånare", "Källa"], key.entries.map((e) => [e.member, e.code, formatAmount(e.inhabitants), e.source]), [false, false, true, false])}`);
  if (values.output) io.stdout(`\nNyckeln skrevs till ${values.output}.`);
  return 0;
}
