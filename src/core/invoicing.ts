import { Amount, AmountLike, ZERO, toAmount } from "./money";
import { AllocationMethod, BY_DRIVER, allocate } from "./allocation";
import { CivilDate, addMonths, makeDate } from "./dates";
import { KeyVersion, versionInForce } from "./keyVersions";
import { memberId } from "./memberIdentity";
import { checkPeriodCount, periodTable } from "./periods";
import { DomainError } from "./errors";

/** One invoicing period of the year and what each member is invoiced for it. */
export interface ScheduledPeriod {
  /** 1-based. */
  index: number;
  from: CivilDate;
  /** The key version in force on the period's first day. */
  version: KeyVersion;
  /** The period's part of each member's share of the fee, by the version in force (members order). */
  amounts: Amount[];
  /**
   * For the periods already invoiced this year under another version: what they come to under
   * this period's version minus what was invoiced (new − old). Zero when the key did not change;
   * the true-ups of a period sum to exactly zero.
   */
  trueUps: Amount[];
  /** The organisation's own period amount: the fee split into periods by the largest remainder. */
  total: Amount;
}

export interface YearSchedule {
  year: number;
  fee: Amount;
  /** Every member of any version used during the year, in order of first appearance. */
  members: string[];
  periods: ScheduledPeriod[];
}

function periodStart(year: number, periodsPerYear: number, index: number): CivilDate {
  if (12 % periodsPerYear !== 0) throw new DomainError("OUT_OF_RANGE", `ett år kan inte delas i ${periodsPerYear} lika långa perioder av hela månader; välj 1, 2, 3, 4, 6 eller 12`);
  return addMonths(makeDate(year, 1, 1), (index - 1) * (12 / periodsPerYear));
}

/**
 * The year's invoicing of the fee by key versions (DOMAIN.md §3.4–3.5). Each version's split of
 * the fee is laid out as a member × period table exact both ways; each period takes its row from
 * the version in force on its first day. When the version changes, the period carries each
 * member's true-up: what the earlier periods come to under the new version minus what was
 * invoiced for them. Members' periods plus true-ups then sum to their share under the last
 * version, and every period (with its true-ups) sums to the organisation's period amount.
 */
export function yearSchedule(input: {
  fee: AmountLike;
  versions: readonly KeyVersion[];
  year: number;
  periodsPerYear: number;
  method?: AllocationMethod;
  decimals?: number;
}): YearSchedule {
  const { year, versions } = input;
  const n = checkPeriodCount(input.periodsPerYear);
  const fee = toAmount(input.fee);
  const method = input.method ?? BY_DRIVER;
  const decimals = input.decimals ?? 0;
  const starts = Array.from({ length: n }, (_, i) => periodStart(year, n, i + 1));
  const used = starts.map((d) => versionInForce(versions, d));

  const members: string[] = [];
  const index = new Map<string, number>();
  for (const v of used) for (const e of v.entries) if (!index.has(memberId(e.member))) {
    index.set(memberId(e.member), members.length);
    members.push(e.member);
  }
  const tables = new Map<KeyVersion, Amount[][]>();
  const tableOf = (v: KeyVersion): Amount[][] => {
    let table = tables.get(v);
    if (!table) {
      const years = new Array<Amount>(members.length).fill(ZERO);
      for (const part of allocate(fee, v.entries, method, decimals)) years[index.get(memberId(part.member))!] = part.amount;
      table = periodTable(years, n, decimals).cells;
      tables.set(v, table);
    }
    return table;
  };
  const totals = periodTable([fee], n, decimals).periodTotals;

  const charged = members.map(() => new Array<Amount>(n).fill(ZERO));
  const periods: ScheduledPeriod[] = starts.map((from, p) => {
    const version = used[p];
    const table = tableOf(version);
    const trueUps = members.map((_, m) => {
      let diff = ZERO;
      for (let q = 0; q < p; q++) diff = diff.plus(table[m][q].minus(charged[m][q]));
      return diff;
    });
    // What has now been charged for each earlier period is this version's amount.
    members.forEach((_, m) => {
      for (let q = 0; q < p; q++) charged[m][q] = table[m][q];
      charged[m][p] = table[m][p];
    });
    return { index: p + 1, from, version, amounts: members.map((_, m) => table[m][p]), trueUps, total: totals[p] };
  });
  return { year, fee, members, periods };
}

/**
 * The schedule as invoiced: each member's amount per period with that period's true-up included,
 * its year, and the organisation's periods and year. Rows sum to the years, columns to the
 * organisation's periods.
 */
export function invoicedTable(schedule: YearSchedule): {
  rows: { member: string; periods: Amount[]; year: Amount }[];
  total: { periods: Amount[]; year: Amount };
  trueUps: { member: string; periods: Amount[] }[];
  /** Per period: the true-ups summed over members, always zero. */
  trueUpTotals: Amount[];
} {
  const rows = schedule.members.map((member, m) => {
    const periods = schedule.periods.map((p) => p.amounts[m].plus(p.trueUps[m]));
    return { member, periods, year: periods.reduce((s, a) => s.plus(a), ZERO) };
  });
  const periods = schedule.periods.map((p) => p.total);
  return {
    rows,
    total: { periods, year: periods.reduce((s, a) => s.plus(a), ZERO) },
    trueUps: schedule.members.map((member, m) => ({ member, periods: schedule.periods.map((p) => p.trueUps[m]) })),
    trueUpTotals: schedule.periods.map((p) => p.trueUps.reduce((s, a) => s.plus(a), ZERO)),
  };
}
