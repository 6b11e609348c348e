import { CivilDate, compareDates } from "./dates";
import { Contract, currentPeriod, optionDeadlines, periodEndAt, periodNoticeDeadline } from "./contracts";

export type ContractEventKind = "uppsägning" | "option" | "periodslut";

/** A dated event of one contract: a notice deadline, an option's call-by date or a period end. */
export interface ContractEvent {
  date: CivilDate;
  kind: ContractEventKind;
  supplier: string;
  member: string;
  /** Notice: the end it brings about; option: the end it extends to; period end: the date itself. */
  periodEnd: CivilDate;
  /** The option's number (1-based); null for other kinds. */
  option: number | null;
  /** Period end: how many months it then renews by; null when it does not renew. */
  renewalMonths: number | null;
  /** How many options the contract has, to say whether an end is final. */
  optionCount: number;
}

type CalendarContract = Pick<Contract, "supplier" | "member" | "end" | "renewalMonths" | "noticeMonths" | "fixedNoticeDay" | "options">;

/** A guard on monthly renewal over a long window: 100 years of periods is more than any calendar asks for. */
const MAX_PERIODS = 1200;

/**
 * Every notice deadline, option call-by date and period end of the contracts on or after `from`
 * and before `until`, soonest first. Unlike the next deadline (noticeStatus), a window of two
 * years lists both years' deadlines of a contract that renews every year.
 */
export function contractEvents(contracts: readonly CalendarContract[], from: CivilDate, until: CivilDate): ContractEvent[] {
  const within = (d: CivilDate) => compareDates(d, from) >= 0 && compareDates(d, until) < 0;
  const events: ContractEvent[] = [];
  for (const c of contracts) {
    if (!c.end) continue;
    const base = { supplier: c.supplier, member: c.member, option: null, renewalMonths: c.renewalMonths, optionCount: c.options?.length ?? 0 };
    const position = currentPeriod(c.end, c.renewalMonths, from);
    // A deadline is never after its period end, so a deadline in the window belongs to an end from the running period on.
    const last = c.renewalMonths ? position.renewals + MAX_PERIODS : 0;
    for (let k = c.renewalMonths ? position.renewals : 0; k <= last; k++) {
      const periodEnd = c.renewalMonths ? periodEndAt(c.end, c.renewalMonths, k) : c.end;
      const deadline = periodNoticeDeadline(c, periodEnd);
      if (deadline && within(deadline)) events.push({ ...base, date: deadline, kind: "uppsägning", periodEnd });
      if (within(periodEnd)) events.push({ ...base, date: periodEnd, kind: "periodslut", periodEnd });
      if (compareDates(deadline ?? periodEnd, until) >= 0) break; // every later deadline and end is later still
    }
    for (const o of optionDeadlines(position.periodEnd, c.options ?? [])) {
      if (within(o.callDeadline)) events.push({ ...base, date: o.callDeadline, kind: "option", periodEnd: o.extendsTo, option: o.option });
    }
  }
  return events.sort((a, b) => compareDates(a.date, b.date));
}
