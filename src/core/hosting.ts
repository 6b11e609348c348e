import { Amount, AmountLike, ZERO, checkDecimals, toAmount } from "./money";
import { DomainError } from "./errors";
import { KeyEntry, allocate } from "./allocation";
import { periodTable, splitPeriods, checkPeriodCount } from "./periods";

export interface CostLine {
  label: string;
  amount: AmountLike;
}

/** One way of running a system: its monthly costs and its one-off costs (move, purchase, exit). */
export interface HostingOption {
  name: string;
  monthly: readonly CostLine[];
  oneOff: readonly CostLine[];
}

export interface HostingResult {
  name: string;
  monthlyCost: Amount;
  oneOffCost: Amount;
  /** The whole period: months × monthly + one-off. */
  total: Amount;
  /** The organisation's amount per month: monthly + the one-offs spread with PERIODISERA's split. */
  months: Amount[];
  /** The one-offs' part of each month alone. */
  oneOffMonths: Amount[];
  /** Per calendar year: the months falling in it. */
  years: { year: number; months: number; amount: Amount }[];
  /** Each member's share of the total by the key, and its months and years (controlled rounding). */
  members: { member: string; total: Amount; months: Amount[]; years: Amount[] }[];
}

export interface HostingComparison {
  months: number;
  /** The calendar year and month (1–12) of the first month. */
  start: { year: number; month: number };
  options: HostingResult[];
  /** First option − second: per member and year, per year, and in all (negative = the first is cheaper). */
  difference: { total: Amount; years: Amount[]; members: { member: string; total: Amount; years: Amount[] }[] } | null;
}

const sumOf = (lines: readonly CostLine[]) => lines.reduce<Amount>((s, l) => s.plus(toAmount(l.amount)), ZERO);

/**
 * Cloud vs own operation over N months. One-off costs are spread with PERIODISERA's exact split
 * (50 000 over 36 months is 32 months of 1 389 and 4 of 1 388, never 36 × 1 388 = 49 968), each
 * member's share of the whole period is its largest-remainder share by the key, and the member
 * × month table is rounded so that it is exact both ways: each member's months sum to its share,
 * each month's members to the month's amount; years are sums of months, so they are exact too.
 */
export function compareHosting(options: readonly HostingOption[], key: readonly KeyEntry[], months: number, start: { year: number; month: number }, decimals = 0): HostingComparison {
  checkPeriodCount(months);
  checkDecimals(decimals);
  if (options.length === 0) throw new DomainError("MISSING_VALUE", "det finns inga driftalternativ att jämföra");
  if (!Number.isInteger(start.month) || start.month < 1 || start.month > 12 || !Number.isInteger(start.year)) {
    throw new DomainError("INVALID_DATE", `startmånaden ${start.year}-${start.month} finns inte`);
  }
  const calendar = Array.from({ length: months }, (_, i) => start.year + Math.floor((start.month - 1 + i) / 12));
  const yearList = [...new Set(calendar)];
  const byYear = (values: readonly Amount[]) => yearList.map((y) => values.reduce((s, v, i) => (calendar[i] === y ? s.plus(v) : s), ZERO));

  const results = options.map((option): HostingResult => {
    const monthlyCost = sumOf(option.monthly);
    const oneOffCost = sumOf(option.oneOff);
    const oneOffMonths = splitPeriods(oneOffCost, months, decimals);
    const monthAmounts = oneOffMonths.map((o) => o.plus(monthlyCost));
    const total = monthlyCost.times(months).plus(oneOffCost);
    const shares = allocate(total, key, undefined, decimals);
    const table = periodTable(shares.map((s) => s.amount), months, decimals);
    // The table's month totals are the total split evenly; they are the months above exactly
    // when the monthly cost is in whole units, which toUnits in the split has already required.
    if (!table.periodTotals.every((p, i) => p.equals(monthAmounts[i]))) {
      throw new DomainError("PRECISION", `${option.name}: månadskostnaden har fler decimaler än ${decimals}; välj fler decimaler`);
    }
    const yearAmounts = byYear(monthAmounts);
    return {
      name: option.name,
      monthlyCost,
      oneOffCost,
      total,
      months: monthAmounts,
      oneOffMonths,
      years: yearList.map((year, i) => ({ year, months: calendar.filter((y) => y === year).length, amount: yearAmounts[i] })),
      members: shares.map((s, i) => ({ member: s.member, total: s.amount, months: table.cells[i], years: byYear(table.cells[i]) })),
    };
  });

  const [a, b] = results;
  const difference = b === undefined ? null : {
    total: a.total.minus(b.total),
    years: a.years.map((y, i) => y.amount.minus(b.years[i].amount)),
    members: a.members.map((m, i) => ({ member: m.member, total: m.total.minus(b.members[i].total), years: m.years.map((y, j) => y.minus(b.members[i].years[j])) })),
  };
  return { months, start, options: results, difference };
}
