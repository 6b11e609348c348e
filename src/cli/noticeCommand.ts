import { parseArgs } from "node:util";
import { CivilDate, formatIsoDate, todayLocal } from "../core/dates";
import { noticeStatus } from "../core/contracts";
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
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.end === undefined) throw new UsageError("--end <ÅÅÅÅ-MM-DD> saknas");
  if (values["notice-months"] === undefined) throw new UsageError("--notice-months <n> saknas");
  const end = parseDateOption(values.end, "--end");
  const noticeMonths = parseIntegerOption(values["notice-months"], "--notice-months", 0, 1200);
  const renewalMonths = values["renewal-months"] === undefined ? null : parseIntegerOption(values["renewal-months"], "--renewal-months", 1, 1200);
  const asOf = values["as-of"] === undefined ? todayLocal(io.today()) : parseDateOption(values["as-of"], "--as-of");
  const status = noticeStatus({ end, renewalMonths, noticeMonths }, asOf)!;
  const date = (d: CivilDate | null) => (d ? formatIsoDate(d) : null);

  if (values.json) {
    io.stdout(JSON.stringify({ periodEnd: formatIsoDate(status.periodEnd), noticeDeadline: date(status.noticeDeadline), renewals: status.renewals, endsIfNoticed: date(status.endsIfNoticed) }));
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
  io.stdout(lines.join("\n"));
  return 0;
}
