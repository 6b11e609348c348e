import { parseArgs } from "node:util";
import { CivilDate, formatIsoDate, todayLocal } from "../core/dates";
import { ContractOption, noticeStatus, optionDeadlines, parseFixedNoticeDay } from "../core/contracts";
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
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.end === undefined) throw new UsageError("--end <ÅÅÅÅ-MM-DD> saknas");
  if (values["notice-months"] === undefined && values["fixed-notice"] === undefined) throw new UsageError("--notice-months <n> eller --fixed-notice \"30 dec året före\" saknas");
  const end = parseDateOption(values.end, "--end");
  const noticeMonths = values["notice-months"] === undefined ? null : parseIntegerOption(values["notice-months"], "--notice-months", 0, 1200);
  const fixedNoticeDay = values["fixed-notice"] === undefined ? undefined : parseFixedNoticeDay(values["fixed-notice"]);
  const optionMonths = values["option-months"] === undefined ? null : parseIntegerOption(values["option-months"], "--option-months", 1, 1200);
  const callBy = values["option-call-by"];
  const options: ContractOption[] = optionMonths === null ? [] : Array.from({ length: values["option-count"] === undefined ? 1 : parseIntegerOption(values["option-count"], "--option-count", 1, 20) }, (_, i) => ({
    months: optionMonths,
    callMonthsBefore: callBy !== undefined && /^\d+$/.test(callBy) ? Number(callBy) : null,
    callBy: callBy !== undefined && !/^\d+$/.test(callBy) && i === 0 ? parseDateOption(callBy, "--option-call-by") : null,
  }));
  const renewalMonths = values["renewal-months"] === undefined ? null : parseIntegerOption(values["renewal-months"], "--renewal-months", 1, 1200);
  const asOf = values["as-of"] === undefined ? todayLocal(io.today()) : parseDateOption(values["as-of"], "--as-of");
  const status = noticeStatus({ end, renewalMonths, noticeMonths, fixedNoticeDay }, asOf)!;
  const date = (d: CivilDate | null) => (d ? formatIsoDate(d) : null);
  const optionList = optionDeadlines(status.periodEnd, options).map((o) => ({ option: o.option, callBy: formatIsoDate(o.callDeadline), extendsTo: formatIsoDate(o.extendsTo) }));

  if (values.json) {
    io.stdout(JSON.stringify({
      periodEnd: formatIsoDate(status.periodEnd), noticeDeadline: date(status.noticeDeadline), renewals: status.renewals, endsIfNoticed: date(status.endsIfNoticed),
      ...(options.length ? { options: optionList } : {}),
    }));
    return 0;
  }
  const lines = [
    `Per ${formatIsoDate(asOf)}:`,
    `  Avtalsperioden slutar      ${formatIsoDate(status.periodEnd)}`,
    `  Automatiska förlängningar  ${status.renewals}`,
    status.noticeDeadline
      ? `  Säg upp senast             ${formatIsoDate(status.noticeDeadline)} (avtalet upphör då ${formatIsoDate(status.endsIfNoticed!)})`
      : `  Ingen uppsägning behövs    avtalet förlängs inte och upphör ${formatIsoDate(end)}`,
  ];
  for (const o of optionList) lines.push(`  Option ${o.option} påkallas senast ${o.callBy} (förlänger till ${o.extendsTo})`);
  io.stdout(lines.join("\n"));
  return 0;
}
