import { Amount, AmountLike, ZERO, checkDecimals, roundAmount, toAmount } from "./money";
import { DomainError } from "./errors";
import { splitPeriods } from "./periods";
import { sv } from "./swedishDigits";

/** One investment of the plan: an amount taken into use in a year, depreciated over some years. */
export interface Investment {
  name: string;
  year: number;
  amount: AmountLike;
  /** Depreciation period (avskrivningstid) in whole years. */
  years: number;
}

export interface CapitalCostYear {
  year: number;
  /** Book value at the beginning of the year (before this year's depreciation). */
  bookValue: Amount;
  depreciation: Amount;
  interest: Amount;
  capitalCost: Amount;
}

export interface InvestmentSchedule {
  name: string;
  amount: Amount;
  years: CapitalCostYear[];
}

function checkYears(years: number, what: string): number {
  if (!Number.isInteger(years) || years < 1 || years > 100) throw new DomainError("OUT_OF_RANGE", `${what} måste vara ett heltal från 1 till 100, inte ${years}`);
  return years;
}

/**
 * The capital cost of one investment year by year, with the convention of Swedish municipal
 * accounting: straight-line depreciation (rak avskrivning) from the year it is taken into use,
 * and internal interest (internränta) on the book value at the beginning of each year. The
 * yearly depreciations are the amount split with PERIODISERA's exact split, so they sum to the
 * amount to the krona; each year's interest is rounded half up on its own.
 */
export function capitalCostSchedule(amount: AmountLike, years: number, rate: AmountLike, decimals = 0): CapitalCostYear[] {
  checkYears(years, "avskrivningstiden");
  checkDecimals(decimals);
  const r = toAmount(rate);
  if (r.isNegative() || r.greaterThanOrEqualTo(1)) throw new DomainError("OUT_OF_RANGE", `internräntan måste vara från 0 till under 100 %, inte ${sv(r.times(100))} %`);
  const total = toAmount(amount);
  const depreciations = splitPeriods(total, years, decimals);
  let book = total;
  return depreciations.map((depreciation, i) => {
    const interest = roundAmount(book.times(r), decimals);
    const row = { year: i + 1, bookValue: book, depreciation, interest, capitalCost: depreciation.plus(interest) };
    book = book.minus(depreciation);
    return row;
  });
}

/** The capital cost in year k (1 = the year it is taken into use) of one investment; 0 after the period. */
export function capitalCostInYear(amount: AmountLike, years: number, rate: AmountLike, k: number, decimals = 0): Amount {
  if (!Number.isInteger(k) || k < 1) throw new DomainError("OUT_OF_RANGE", `år_nr måste vara ett heltal från 1, inte ${k}`);
  const schedule = capitalCostSchedule(amount, years, rate, decimals);
  return k > schedule.length ? ZERO : schedule[k - 1].capitalCost;
}

export interface CapitalPlan {
  investments: InvestmentSchedule[];
  /** Calendar years from the first investment to the last year any is depreciated. */
  calendarYears: number[];
  /** perYear[i]: Σ over investments of their capital cost in calendarYears[i]. */
  perYear: { year: number; depreciation: Amount; interest: Amount; capitalCost: Amount }[];
}

/** An investment plan's capital costs per investment and per calendar year. */
export function capitalPlan(investments: readonly Investment[], rate: AmountLike, decimals = 0): CapitalPlan {
  if (investments.length === 0) throw new DomainError("MISSING_VALUE", "investeringsplanen har inga investeringar");
  const schedules = investments.map((inv) => {
    if (!Number.isInteger(inv.year) || inv.year < 1900 || inv.year > 2200) throw new DomainError("OUT_OF_RANGE", `${inv.name}: året ${inv.year} är inget giltigt år`);
    checkYears(inv.years, `${inv.name}: avskrivningstiden`);
    const rows = capitalCostSchedule(inv.amount, inv.years, rate, decimals).map((row) => ({ ...row, year: inv.year + row.year - 1 }));
    return { name: inv.name, amount: toAmount(inv.amount), years: rows };
  });
  const first = Math.min(...investments.map((i) => i.year));
  const last = Math.max(...investments.map((i) => i.year + i.years - 1));
  const calendarYears = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const perYear = calendarYears.map((year) => {
    const rows = schedules.flatMap((s) => s.years.filter((r) => r.year === year));
    const sum = (f: (r: CapitalCostYear) => Amount) => rows.reduce((s, r) => s.plus(f(r)), ZERO);
    return { year, depreciation: sum((r) => r.depreciation), interest: sum((r) => r.interest), capitalCost: sum((r) => r.capitalCost) };
  });
  return { investments: schedules, calendarYears, perYear };
}

/** A price per unit for the Prislista: the year's cost / volume, rounded half up (öre by default). */
export function pricePerUnit(cost: AmountLike, volume: AmountLike, decimals = 2): Amount {
  const v = toAmount(volume);
  if (!v.greaterThan(0)) throw new DomainError("DIVISION_BY_ZERO", `volymen måste vara större än 0, inte ${sv(v)}`);
  return roundAmount(toAmount(cost).dividedBy(v), checkDecimals(decimals));
}
