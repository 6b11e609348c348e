import { CivilDate, compareDates, daysInMonth, makeDate } from "./dates";
import { DomainError } from "./errors";

/** How often an agreed date comes back: every year, or after every quarter or half-year. */
export type Recurrence = "yearly" | "quarterly" | "half-yearly";

/**
 * A date the agreement sets every year or period: the budget proposal by 30 April the year
 * before, the accounts by 15 February, the key count in March, invoicing in arrears per quarter.
 */
export interface RecurringDate {
  title: string;
  recurrence: Recurrence;
  /** Yearly: the month (1–12). Per quarter or half-year: null, the date falls in the month after each period. */
  month: number | null;
  /** Day of the month; null (or a day past the month's end) is the month's last day: "i mars" is by 31 March. */
  day: number | null;
  /** The year the date concerns, relative to its own: +1 a budget for next year, −1 the accounts of last year. */
  concernsYear: number;
  /** The member it concerns; "" for all. */
  member: string;
}

export interface RecurringOccurrence {
  date: CivilDate;
  rule: RecurringDate;
  /** What the occurrence concerns: "2028", "Q1 2027", "H2 2026". */
  concerns: string;
}

function dayIn(year: number, month: number, day: number | null): CivilDate {
  return makeDate(year, month, day === null ? daysInMonth(year, month) : Math.min(day, daysInMonth(year, month)));
}

/** Every occurrence of one rule in a year's cycle: for periodic dates, one per period of that year, falling after it. */
function occurrencesOfYear(rule: RecurringDate, year: number): RecurringOccurrence[] {
  if (rule.recurrence === "yearly") {
    if (rule.month === null) throw new DomainError("MISSING_VALUE", `'${rule.title}' återkommer årligen men har ingen månad`);
    return [{ date: dayIn(year, rule.month, rule.day), rule, concerns: String(year + rule.concernsYear) }];
  }
  const perYear = rule.recurrence === "quarterly" ? 4 : 2;
  const length = 12 / perYear;
  return Array.from({ length: perYear }, (_, i) => {
    // In arrears: the month after the period's last month (January the next year after Q4).
    const after = (i + 1) * length + 1;
    const date = after > 12 ? dayIn(year + 1, after - 12, rule.day) : dayIn(year, after, rule.day);
    return { date, rule, concerns: `${rule.recurrence === "quarterly" ? "Q" : "H"}${i + 1} ${year}` };
  });
}

/** The rules' occurrences on or after `from` and before `until`, soonest first (rules in their order on the same day). */
export function recurringOccurrences(rules: readonly RecurringDate[], from: CivilDate, until: CivilDate): RecurringOccurrence[] {
  const out: RecurringOccurrence[] = [];
  for (let year = from.year - 1; year <= until.year; year++) {
    for (const rule of rules) {
      for (const o of occurrencesOfYear(rule, year)) {
        if (compareDates(o.date, from) >= 0 && compareDates(o.date, until) < 0) out.push(o);
      }
    }
  }
  return out.sort((a, b) => compareDates(a.date, b.date));
}
