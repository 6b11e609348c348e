import { parseArgs } from "node:util";
import { CivilDate, formatIsoDate, todayLocal } from "../core/dates";
import type { OptionCallBy } from "../core/contracts";
import { ContractDeadlines, ContractTerms, OPTION_TERMS, contractDeadlines } from "../app/contractDeadlines";
import { isDomainError } from "../core/errors";
import { CliIO, UsageError } from "./io";
import { parseDateOption, parseIntegerOption } from "./options";

export function noticeCommand(args: string[], io: CliIO): number {
  const { values } = parseArgs({
    args,
    options: {
      end: { type: "string" },
      "notice-months": { type: "string" },
      "renewal-months": { type: "string" },
      "as-of": { type: "string" },
      "fixed-notice": { type: "string" },
      "option-months": { type: "string" },
      "option-count": { type: "string" },
      "option-call-by": { type: "string" },
      "settle-within": { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.end === undefined) throw new UsageError("--end <ÅÅÅÅ-MM-DD> saknas");
  if (values["notice-months"] === undefined && values["fixed-notice"] === undefined && values["option-months"] === undefined) {
    throw new UsageError("--notice-months <n>, --fixed-notice \"30 dec året före\" eller --option-months <n> saknas");
  }
  const end = parseDateOption(values.end, "--end");
  const noticeMonths = values["notice-months"] === undefined ? null : parseIntegerOption(values["notice-months"], "--notice-months", 0, 1200);
  const options = values["option-months"] === undefined ? undefined : optionsOf(values["option-months"], values["option-count"], values["option-call-by"]);
  const settleWithin = values["settle-within"] === undefined ? null : parseIntegerOption(values["settle-within"], "--settle-within", 0, 1200);
  const renewalMonths = values["renewal-months"] === undefined ? null : parseIntegerOption(values["renewal-months"], "--renewal-months", 1, 1200);
  const asOf = values["as-of"] === undefined ? todayLocal(io.today()) : parseDateOption(values["as-of"], "--as-of");
  let deadlines: ContractDeadlines;
  try {
    deadlines = contractDeadlines({ end, renewalMonths, noticeMonths, fixedNotice: values["fixed-notice"], options, settleWithin }, asOf);
  } catch (error) {
    if (isDomainError(error) && error.location.source === OPTION_TERMS) throw new UsageError(`--option-call-by: ${error.message}`);
    throw error;
  }
  const { status, fixedNoticeDay, settlementBase, settleBy } = deadlines;
  const date = (d: CivilDate | null) => (d ? formatIsoDate(d) : null);
  const optionList = deadlines.options.map((o) => ({ option: o.option, callBy: formatIsoDate(o.callBy), extendsTo: formatIsoDate(o.extendsTo) }));

  if (values.json) {
    io.stdout(JSON.stringify({
      periodEnd: formatIsoDate(status.periodEnd), noticeDeadline: date(status.noticeDeadline), renewals: status.renewals, endsIfNoticed: date(status.endsIfNoticed),
      ...(optionList.length ? { options: optionList } : {}),
      ...(settleBy === null ? {} : { settleBy: formatIsoDate(settleBy) }),
    }));
    return 0;
  }
  const lines = [
    `Per ${formatIsoDate(asOf)}:`,
    `  Avtalsperioden slutar      ${formatIsoDate(status.periodEnd)}`,
    `  Automatiska förlängningar  ${status.renewals}`,
    status.noticeDeadline
      ? `  Säg upp senast             ${formatIsoDate(status.noticeDeadline)} (avtalet upphör då ${formatIsoDate(status.endsIfNoticed!)})`
      : noticeMonths === null && !fixedNoticeDay
        ? `  Ingen uppsägningsklausul   avtalet upphör ${formatIsoDate(status.periodEnd)} om ingen option påkallas`
        : `  Ingen uppsägning behövs    avtalet förlängs inte och upphör ${formatIsoDate(end)}`,
  ];
  if (settleBy !== null) lines.push(`  Slutreglering senast       ${formatIsoDate(settleBy)} (${settleWithin} mån efter ${formatIsoDate(settlementBase)})`);
  for (const o of optionList) lines.push(`  Option ${o.option} påkallas senast ${o.callBy} (förlänger till ${o.extendsTo})`);
  io.stdout(lines.join("\n"));
  return 0;
}

/**
 * "--option-months 24,12": two options of 24 and 12 months; "--option-months 12 --option-count 2":
 * two of 12. "--option-call-by 6" (months before) or a date, or one per option ("6,3").
 */
function optionsOf(monthsText: string, countText: string | undefined, callByText: string | undefined): ContractTerms["options"] {
  const lengths = monthsText.split(",").map((m) => parseIntegerOption(m, "--option-months", 1, 1200));
  if (lengths.length > 1 && countText !== undefined) throw new UsageError("--option-count behövs inte när --option-months listar varje options längd");
  const count = countText === undefined ? 1 : parseIntegerOption(countText, "--option-count", 1, 20);
  const callBy: OptionCallBy[] = callByText === undefined ? [] : callByText.split(",").map((t) => (/^\s*\d+\s*$/.test(t) ? { monthsBefore: parseIntegerOption(t.trim(), "--option-call-by", 0, 1200) } : { date: parseDateOption(t.trim(), "--option-call-by") }));
  return { lengths: lengths.length > 1 ? lengths : Array(count).fill(lengths[0]), callBy };
}
