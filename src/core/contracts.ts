import { Amount, AmountLike, checkDecimals, roundAmount, toAmount } from "./money";
import { CivilDate, addMonths, compareDates, formatIsoDate, makeDate, swedishMonth } from "./dates";
import { DomainError } from "./errors";

/** Some agreements name a fixed notice date instead of a period, e.g. 30 December the year before. */
export interface FixedNoticeDay {
  month: number;
  day: number;
  /** Years before the period end's year: 1 for "the year before". */
  yearsBefore: number;
}

/**
 * An extension the buyer may call: by a number of months before the end it extends ("senast sex
 * månader innan"), or by a fixed date.
 */
export interface ContractOption {
  months: number;
  callMonthsBefore: number | null;
  callBy: CivilDate | null;
}

/** Expected cost = agreed × index(month) / index(base month), e.g. KPI with base 2023-10. */
export interface IndexClause {
  series: string;
  /** "YYYY-MM". */
  baseMonth: string;
}

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

/**
 * The fixed day in the period end's year, or the year(s) before. Notice after the period has
 * ended changes nothing, so a day that would fall after the end ("12-30" for a period ending
 * 30 April) is the last such day before it: the deadline is never after the period end.
 */
function fixedDeadline(periodEnd: CivilDate, rule: FixedNoticeDay): CivilDate {
  const deadline = makeDate(periodEnd.year - rule.yearsBefore, rule.month, rule.day);
  return compareDates(deadline, periodEnd) > 0 ? makeDate(periodEnd.year - rule.yearsBefore - 1, rule.month, rule.day) : deadline;
}

export interface NoticeStatus extends PeriodPosition {
  /**
   * The notice deadline: the deadline of the earliest period end E whose deadline is on or after
   * `asOf` (DOMAIN.md §4), never a date in the past. Null when notice can no longer change
   * anything (a contract that does not renew and whose deadline has passed) or no notice rule.
   */
  noticeDeadline: CivilDate | null;
  /** E: the period end that notice given by noticeDeadline brings about. */
  endsIfNoticed: CivilDate | null;
}

/** The period ends of a renewing contract from the running one on: end + k·renewal months. */
export function periodEndAt(end: CivilDate, renewalMonths: number, k: number): CivilDate {
  return addMonths(end, k * renewalMonths);
}

/** The last day to give notice for a period ending on `periodEnd`, by the fixed day or the notice period; null without either. */
export function periodNoticeDeadline(contract: Pick<Contract, "noticeMonths" | "fixedNoticeDay">, periodEnd: CivilDate): CivilDate | null {
  if (contract.fixedNoticeDay) return fixedDeadline(periodEnd, contract.fixedNoticeDay);
  return contract.noticeMonths !== null ? noticeDeadline(periodEnd, contract.noticeMonths) : null;
}

export function noticeStatus(
  contract: Pick<Contract, "end" | "renewalMonths" | "noticeMonths" | "fixedNoticeDay">,
  asOf: CivilDate,
): NoticeStatus | null {
  if (!contract.end) return null;
  const position = currentPeriod(contract.end, contract.renewalMonths, asOf);
  const deadlineFor = (periodEnd: CivilDate) => periodNoticeDeadline(contract, periodEnd);
  const none = { ...position, noticeDeadline: null, endsIfNoticed: null };
  if (deadlineFor(position.periodEnd) === null) return none;
  if (!contract.renewalMonths) {
    const deadline = deadlineFor(contract.end)!;
    return compareDates(deadline, asOf) >= 0 ? { ...position, noticeDeadline: deadline, endsIfNoticed: contract.end } : none;
  }
  // Monthly renewal with three months' notice: the deadline is several periods ahead.
  for (let k = position.renewals; k <= position.renewals + 1200; k++) {
    const periodEnd = periodEndAt(contract.end, contract.renewalMonths, k);
    const deadline = deadlineFor(periodEnd)!;
    if (compareDates(deadline, asOf) >= 0) return { ...position, noticeDeadline: deadline, endsIfNoticed: periodEnd };
  }
  return none;
}

/**
 * "30 dec året före", "30/12 året före", "12-30" (in the period end's year, or the year before
 * when that day falls after the end): a fixed notice day some agreements give instead of a notice period.
 */
export function parseFixedNoticeDay(text: string): FixedNoticeDay {
  const t = text.trim().toLowerCase();
  const yearsBefore = /året\s+(före|innan)|föregående\s+år/.test(t) ? 1 : 0;
  let m = /^(\d{1,2})\s*([a-zåäö]{3}[a-zåäö]*\.?)/.exec(t);
  let month = m ? swedishMonth(m[2]) ?? 0 : 0;
  let day = m ? Number(m[1]) : 0;
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})/.exec(t);
    if (m) [day, month] = [Number(m[1]), Number(m[2])];
  }
  if (!m) {
    m = /^(\d{1,2})-(\d{1,2})/.exec(t);
    if (m) [month, day] = [Number(m[1]), Number(m[2])];
  }
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new DomainError("INVALID_DATE", `'${text}' är ingen uppsägningsdag; skriv t.ex. "30 dec året före" eller "12-30"`);
  }
  return { month, day, yearsBefore };
}

export interface OptionDeadline {
  option: number; // 1-based
  callDeadline: CivilDate;
  extendsTo: CivilDate;
}

/**
 * Each option in turn extends the end; it must be called by its fixed date, or the given number of
 * months before the end it extends. An option without either has no deadline and is left out.
 */
export function optionDeadlines(end: CivilDate, options: readonly ContractOption[]): OptionDeadline[] {
  let current = end;
  return options.flatMap((o, i) => {
    const callDeadline = o.callBy ?? (o.callMonthsBefore === null ? null : addMonths(current, -checkMonths(o.callMonthsBefore, "optionens framförhållning")));
    current = addMonths(current, checkMonths(o.months, "optionens längd"));
    return callDeadline ? [{ option: i + 1, callDeadline, extendsTo: current }] : [];
  });
}

/** When an option must be called: a number of months before the end it extends, or a fixed date. */
export type OptionCallBy = { monthsBefore: number } | { date: CivilDate };

/**
 * Options as a contract writes them: one per length, in order ("24 + 12 månader": two options of
 * 24 and 12 months). One call-by rule for all: months before apply to every option, a fixed date
 * only to the first (the later ones have no date of their own); or one rule per option.
 */
export function contractOptions(lengths: readonly number[], callBy: readonly OptionCallBy[]): ContractOption[] {
  if (callBy.length > 1 && callBy.length !== lengths.length) {
    throw new DomainError("INVALID_ARGUMENT", `${callBy.length} påkallelsedagar för ${lengths.length} optioner; ange en för alla eller en per option`);
  }
  return lengths.map((months, i) => {
    const rule = callBy.length > 1 ? callBy[i] : callBy[0];
    const own = callBy.length > 1 || i === 0;
    return {
      months: checkMonths(months, "optionens längd"),
      callMonthsBefore: rule && "monthsBefore" in rule ? checkMonths(rule.monthsBefore, "optionens framförhållning") : null,
      callBy: rule && "date" in rule && own ? rule.date : null,
    };
  });
}

/**
 * The last day of a wind-down settlement "senast N månader efter avtalets upphörande": the end plus
 * N months, by the month-end rule (3 months after 30 November is 28 or 29 February).
 */
export function windDownSettlementDate(end: CivilDate, monthsAfter: number): CivilDate {
  return addMonths(end, checkMonths(monthsAfter, "tiden för slutregleringen"));
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

/** An index series by month: "2024-10" → 412,6. */
export type IndexSeries = ReadonlyMap<string, Amount>;

export interface IndexedAmount {
  amount: Amount;
  /** The month whose index was used: the latest at or before the as-of month. */
  month: string;
}

/**
 * The agreed amount by its index clause (DOMAIN.md §4): agreed × index(month) / index(base month),
 * rounded half up, with the latest month of the series at or before `asOf`. A series or base month
 * that is not in the Index table is an error, never a silent 1.
 */
export function indexedAmount(agreed: AmountLike, clause: IndexClause, series: ReadonlyMap<string, IndexSeries>, asOf: CivilDate, decimals = 0): IndexedAmount {
  const values = [...series.entries()].find(([name]) => name.trim().toLowerCase() === clause.series.trim().toLowerCase())?.[1];
  if (!values) throw new DomainError("MISSING_VALUE", `indexserien '${clause.series}' finns inte i tabellen Index`);
  const base = values.get(clause.baseMonth);
  if (!base) throw new DomainError("MISSING_VALUE", `indexserien '${clause.series}' saknar värde för basmånaden ${clause.baseMonth}`);
  const limit = `${asOf.year}-${String(asOf.month).padStart(2, "0")}`;
  const month = [...values.keys()].filter((m) => m <= limit).sort().pop();
  if (!month) throw new DomainError("MISSING_VALUE", `indexserien '${clause.series}' har inget värde till och med ${limit}`);
  return { amount: indexAdjust(agreed, base, values.get(month)!, decimals), month };
}

export interface Deadline {
  supplier: string;
  member: string;
  kind: "uppsägning" | "option";
  /** The deadline, YYYY-MM-DD. */
  date: string;
  /** For notice: the end it brings about; for an option: the end it extends to; else the running period's end. */
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
    if (status.noticeDeadline && within(status.noticeDeadline)) upcoming.push({ ...base, periodEnd: formatIsoDate(status.endsIfNoticed!), kind: "uppsägning", date: formatIsoDate(status.noticeDeadline) });
    for (const o of optionDeadlines(status.periodEnd, c.options ?? [])) {
      if (within(o.callDeadline)) upcoming.push({ ...base, periodEnd: formatIsoDate(o.extendsTo), kind: "option", date: formatIsoDate(o.callDeadline) });
    }
    if (status.renewals > 0) renewed.push({ ...base, kind: "uppsägning", date: status.noticeDeadline ? formatIsoDate(status.noticeDeadline) : "" });
  }
  upcoming.sort((a, b) => a.date.localeCompare(b.date));
  renewed.sort((a, b) => b.renewals - a.renewals);
  return { upcoming, renewed };
}
