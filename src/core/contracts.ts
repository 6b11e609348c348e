import { Amount, AmountLike, checkDecimals, roundAmount, toAmount } from "./money";
import { CivilDate, addMonths, compareDates, formatIsoDate, makeDate } from "./dates";
import { DomainError } from "./errors";
import { uplift } from "./fee";

/** Some agreements name a fixed notice date instead of a period, e.g. 30 December the year before. */
export interface FixedNoticeDay {
  month: number;
  day: number;
  /** Years before the period end's year: 1 for "the year before". */
  yearsBefore: number;
}

/** An extension the buyer may call, at the latest `callMonthsBefore` months before the current end. */
export interface ContractOption {
  months: number;
  callMonthsBefore: number;
}

export type IndexClause =
  | { kind: "percent"; rate: Amount; baseYear: number }
  | { kind: "series"; series: string; baseYear: number };

export interface Contract {
  supplier: string; // Leverantör/System
  member: string; // Kommun/Medlem
  /** Agreed annual cost; null means no contract (n/a or blank in the register). */
  agreed: Amount | null;
  start: CivilDate | null;
  end: CivilDate | null;
  /** Automatic renewal by this many months at a time; null when the contract does not renew. */
  renewalMonths: number | null;
  noticeMonths: number | null;
  fixedNoticeDay?: FixedNoticeDay;
  options?: ContractOption[];
  index?: IndexClause;
}

export interface PeriodPosition {
  /** End of the contract period running on the as-of date. */
  periodEnd: CivilDate;
  /** How many times the contract has renewed automatically by then. */
  renewals: number;
}

function checkMonths(months: number, what: string): number {
  if (!Number.isInteger(months) || months < 0 || months > 1200) {
    throw new DomainError("OUT_OF_RANGE", `${what} måste vara ett heltal antal månader från 0 till 1200, inte ${months}`);
  }
  return months;
}

/**
 * The period running on `asOf` for a contract that renews by `renewalMonths` at a time after
 * `end`. Renewal n ends at end + n·renewalMonths, counted from the original end so that a
 * month-end contract stays on month ends.
 */
export function currentPeriod(end: CivilDate, renewalMonths: number | null, asOf: CivilDate): PeriodPosition {
  if (!renewalMonths || compareDates(asOf, end) <= 0) return { periodEnd: end, renewals: 0 };
  checkMonths(renewalMonths, "förlängningen");
  const monthsAfter = (asOf.year - end.year) * 12 + (asOf.month - end.month);
  let k = Math.max(0, Math.floor(monthsAfter / renewalMonths) - 1);
  let periodEnd = addMonths(end, k * renewalMonths);
  while (compareDates(periodEnd, asOf) < 0) {
    k++;
    periodEnd = addMonths(end, k * renewalMonths);
  }
  return { periodEnd, renewals: k };
}

/** The last day to give notice for a period ending on `periodEnd` (month-end rule of addMonths). */
export function noticeDeadline(periodEnd: CivilDate, noticeMonths: number): CivilDate {
  return addMonths(periodEnd, -checkMonths(noticeMonths, "uppsägningstiden"));
}

function fixedDeadline(periodEnd: CivilDate, rule: FixedNoticeDay): CivilDate {
  return makeDate(periodEnd.year - rule.yearsBefore, rule.month, rule.day);
}

export interface NoticeStatus extends PeriodPosition {
  /**
   * The next day on or after `asOf` by which notice must be given. For a renewing contract whose
   * deadline for the running period has passed, it is the deadline for the next period; for one
   * that does not renew, the deadline of its end date even if it has passed.
   */
  noticeDeadline: CivilDate | null;
  /** The period end that notice given by noticeDeadline brings about. */
  noticeEndsPeriod: CivilDate | null;
}

export function noticeStatus(
  contract: Pick<Contract, "end" | "renewalMonths" | "noticeMonths" | "fixedNoticeDay">,
  asOf: CivilDate,
): NoticeStatus | null {
  if (!contract.end) return null;
  const position = currentPeriod(contract.end, contract.renewalMonths, asOf);
  const deadlineFor = (periodEnd: CivilDate): CivilDate | null =>
    contract.fixedNoticeDay
      ? fixedDeadline(periodEnd, contract.fixedNoticeDay)
      : contract.noticeMonths !== null
        ? noticeDeadline(periodEnd, contract.noticeMonths)
        : null;
  let periodEnd = position.periodEnd;
  let deadline = deadlineFor(periodEnd);
  if (deadline && contract.renewalMonths && compareDates(deadline, asOf) < 0) {
    periodEnd = addMonths(position.periodEnd, contract.renewalMonths);
    deadline = deadlineFor(periodEnd);
  }
  return { ...position, noticeDeadline: deadline, noticeEndsPeriod: deadline ? periodEnd : null };
}

export interface OptionDeadline {
  option: number; // 1-based
  callDeadline: CivilDate;
  extendsTo: CivilDate;
}

/** Each option in turn extends the end; it must be called before the end it extends. */
export function optionDeadlines(end: CivilDate, options: readonly ContractOption[]): OptionDeadline[] {
  let current = end;
  return options.map((o, i) => {
    const callDeadline = addMonths(current, -checkMonths(o.callMonthsBefore, "optionens framförhållning"));
    current = addMonths(current, checkMonths(o.months, "optionens längd"));
    return { option: i + 1, callDeadline, extendsTo: current };
  });
}

/** amount × newIndex / baseIndex, rounded half up (index clauses on KPI, AKI …). */
export function indexAdjust(amount: AmountLike, baseIndex: AmountLike, newIndex: AmountLike, decimals = 0): Amount {
  const base = toAmount(baseIndex);
  const next = toAmount(newIndex);
  if (base.lessThanOrEqualTo(0) || next.lessThan(0)) {
    throw new DomainError(base.isZero() ? "DIVISION_BY_ZERO" : "OUT_OF_RANGE", "indextalen måste vara positiva");
  }
  return roundAmount(toAmount(amount).times(next).dividedBy(base), checkDecimals(decimals));
}

/** Index series by year, e.g. KPI annual averages. */
export type IndexSeries = ReadonlyMap<number, Amount>;

/** The agreed amount indexed to `year` by the contract's clause (unchanged without one). */
export function indexedAgreed(contract: Pick<Contract, "agreed" | "index">, year: number, series: ReadonlyMap<string, IndexSeries> = new Map(), decimals = 0): Amount | null {
  const { agreed, index } = contract;
  if (agreed === null) return null;
  if (!index || year <= index.baseYear) return agreed;
  if (index.kind === "percent") return uplift(agreed, index.rate, year - index.baseYear, decimals);
  const values = series.get(index.series);
  const base = values?.get(index.baseYear);
  const next = values?.get(year);
  if (!base || !next) {
    throw new DomainError("MISSING_VALUE", `indexserien ${index.series} saknar värde för ${!base ? index.baseYear : year}`);
  }
  return indexAdjust(agreed, base, next, decimals);
}

export interface Deadline {
  supplier: string;
  member: string;
  kind: "uppsägning" | "option";
  /** The deadline, YYYY-MM-DD. */
  date: string;
  periodEnd: string;
  renewals: number;
}

type DeadlineContract = Pick<Contract, "supplier" | "member" | "end" | "renewalMonths" | "noticeMonths" | "fixedNoticeDay" | "options">;

/**
 * Notice and option deadlines that fall within `months` of `asOf` (soonest first), and the
 * contracts that have renewed by themselves (most renewals first).
 */
export function contractDeadlines(contracts: readonly DeadlineContract[], asOf: CivilDate, months: number): { upcoming: Deadline[]; renewed: Deadline[] } {
  const horizon = addMonths(asOf, months);
  const within = (d: CivilDate) => compareDates(d, asOf) >= 0 && compareDates(d, horizon) <= 0;
  const upcoming: Deadline[] = [];
  const renewed: Deadline[] = [];
  for (const c of contracts) {
    const status = noticeStatus(c, asOf);
    if (!status) continue;
    const base = { supplier: c.supplier, member: c.member, periodEnd: formatIsoDate(status.periodEnd), renewals: status.renewals };
    if (status.noticeDeadline && within(status.noticeDeadline)) upcoming.push({ ...base, kind: "uppsägning", date: formatIsoDate(status.noticeDeadline) });
    for (const o of optionDeadlines(status.periodEnd, c.options ?? [])) {
      if (within(o.callDeadline)) upcoming.push({ ...base, kind: "option", date: formatIsoDate(o.callDeadline) });
    }
    if (status.renewals > 0) renewed.push({ ...base, kind: "uppsägning", date: status.noticeDeadline ? formatIsoDate(status.noticeDeadline) : "" });
  }
  upcoming.sort((a, b) => a.date.localeCompare(b.date));
  renewed.sort((a, b) => b.renewals - a.renewals);
  return { upcoming, renewed };
}
