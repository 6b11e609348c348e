import type { CivilDate } from "../core/dates";
import { isDomainError } from "../core/errors";
import { ContractOption, FixedNoticeDay, NoticeStatus, OptionCallBy, contractOptions, noticeStatus, optionDeadlines, parseFixedNoticeDay, windDownSettlementDate } from "../core/contracts";

/** One contract's terms as a user gives them (the CLI's `notice`, one row of Avtal). */
export interface ContractTerms {
  end: CivilDate;
  renewalMonths: number | null;
  noticeMonths: number | null;
  /** A fixed notice day as written, e.g. "30 dec året före". */
  fixedNotice?: string;
  /** Option lengths in months, and when each is called: months before or a date, one for all or one each. */
  options?: { lengths: readonly number[]; callBy: readonly OptionCallBy[] };
  /** Months after the end within which the wind-down is settled. */
  settleWithin?: number | null;
}

export interface ContractDeadlines {
  status: NoticeStatus;
  fixedNoticeDay: FixedNoticeDay | undefined;
  options: { option: number; callBy: CivilDate; extendsTo: CivilDate }[];
  /** The end the wind-down is settled after: the end notice brings about, or the end it has anyway. */
  settlementBase: CivilDate;
  settleBy: CivilDate | null;
}

/** Where an error in the options' terms sits, so a host can point at the option it came from. */
export const OPTION_TERMS = "optionerna";

function optionsOf(terms: NonNullable<ContractTerms["options"]>): ContractOption[] {
  try {
    return contractOptions(terms.lengths, terms.callBy);
  } catch (error) {
    if (isDomainError(error)) throw error.at({ source: OPTION_TERMS });
    throw error;
  }
}

/** The deadlines of one contract as of a day: notice, options and the wind-down's settlement. */
export function contractDeadlines(terms: ContractTerms, asOf: CivilDate): ContractDeadlines {
  const fixedNoticeDay = terms.fixedNotice === undefined ? undefined : parseFixedNoticeDay(terms.fixedNotice);
  const options = terms.options ? optionsOf(terms.options) : [];
  const status = noticeStatus({ end: terms.end, renewalMonths: terms.renewalMonths, noticeMonths: terms.noticeMonths, fixedNoticeDay }, asOf)!;
  const settlementBase = status.endsIfNoticed ?? status.periodEnd;
  return {
    status,
    fixedNoticeDay,
    options: optionDeadlines(status.periodEnd, options).map((o) => ({ option: o.option, callBy: o.callDeadline, extendsTo: o.extendsTo })),
    settlementBase,
    settleBy: terms.settleWithin === null || terms.settleWithin === undefined ? null : windDownSettlementDate(settlementBase, terms.settleWithin),
  };
}
