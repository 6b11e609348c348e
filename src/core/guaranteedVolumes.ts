import { Amount, ZERO, roundAmount, splitAmount, sumAmounts } from "./money";
import { sv } from "./swedishDigits";
import { CivilDate, addDays, addMonths, compareDates } from "./dates";
import { DomainError } from "./errors";
import { KeyEntry, allocate } from "./allocation";
import { memberId } from "./memberIdentity";
import { CallOff } from "./catalogue";

/**
 * A volume the members together guarantee the supplier per contract year and price item, for the
 * whole solution (DOMAIN.md §4): the supplier is owed a shortfall only when all members together
 * ordered less than the guarantee. The members choose how the guarantee, and so a shortfall, is
 * shared between them: fixed quantities per member or a key; then "by share" (each pays its share
 * of the pooled shortfall) or "by own gap" (only members short of their own share pay, in
 * proportion to their gaps — a member that ordered more than its share pays nothing).
 */
export interface Guarantee {
  supplier: string;
  service: string;
  /** First day of the contract year (e.g. the delivery-approval date). */
  yearStart: CivilDate;
  /** Guaranteed quantity for the whole contract year, all members together. */
  quantity: Amount;
  unitPrice: Amount;
  /** One-off items (devices bought) or periodic ones (licences per quarter): forecast differently. */
  kind?: "one-off" | "periodic";
  sharing?: "by-share" | "by-own-gap";
  distribution: { kind: "key"; key: KeyEntry[] } | { kind: "fixed"; quantities: { member: string; quantity: Amount }[] };
}

/** Each member's share of the guaranteed quantity; fixed shares must add up to the guarantee. */
export function memberGuarantees(g: Guarantee): { member: string; quantity: Amount }[] {
  if (g.distribution.kind === "fixed") {
    const sum = sumAmounts(g.distribution.quantities.map((q) => q.quantity));
    if (!sum.equals(g.quantity)) {
      throw new DomainError("INVALID_ARGUMENT", `garantin för ${g.service} är ${sv(g.quantity)} men medlemmarnas andelar summerar till ${sv(sum)}`);
    }
    return g.distribution.quantities;
  }
  return allocate(g.quantity, g.distribution.key).map((p) => ({ member: p.member, quantity: p.amount }));
}

export function contractYearEnd(g: Guarantee): CivilDate {
  return addMonths(g.yearStart, 12);
}

function inYear(g: Guarantee, o: CallOff, until: CivilDate): boolean {
  return memberId(o.service) === memberId(g.service) && compareDates(o.date, g.yearStart) >= 0 && compareDates(o.date, contractYearEnd(g)) < 0 && compareDates(o.date, until) <= 0;
}

function orderedBy(g: Guarantee, orders: readonly CallOff[], until: CivilDate): Map<string, Amount> {
  const ordered = new Map<string, Amount>();
  for (const o of orders) if (inYear(g, o, until)) ordered.set(memberId(o.member), (ordered.get(memberId(o.member)) ?? ZERO).plus(o.quantity));
  return ordered;
}

export interface ShortfallCharge {
  member: string;
  guaranteed: Amount;
  ordered: Amount;
  /** max(0, own share − ordered). */
  ownGap: Amount;
  /** The member's part of the supplier's shortfall amount. */
  amount: Amount;
}

export interface PooledShortfall {
  guarantee: Guarantee;
  guaranteed: Amount;
  /** What all members together ordered in the contract year. */
  ordered: Amount;
  /** max(0, guaranteed − ordered): never negative. */
  shortfall: Amount;
  /** The supplier's figure: shortfall × price, rounded half up to öre. The charges sum to exactly this. */
  amount: Amount;
  charges: ShortfallCharge[];
}

/**
 * At the end of the contract year: the pooled shortfall the supplier is owed and each member's
 * part of it by the members' rule, split by the largest remainder so that cost in = cost out
 * against the supplier's figure.
 */
export function yearEndShortfall(g: Guarantee, orders: readonly CallOff[], decimals = 2): PooledShortfall {
  const ordered = orderedBy(g, orders, contractYearEnd(g));
  const shares = memberGuarantees(g);
  const rows = shares.map(({ member, quantity }) => {
    const o = ordered.get(memberId(member)) ?? ZERO;
    const gap = quantity.minus(o);
    return { member, guaranteed: quantity, ordered: o, ownGap: gap.greaterThan(0) ? gap : ZERO };
  });
  const total = sumAmounts([...ordered.values()]);
  const gap = g.quantity.minus(total);
  const shortfall = gap.greaterThan(0) ? gap : ZERO;
  const amount = roundAmount(shortfall.times(g.unitPrice), decimals);
  const weights = (g.sharing ?? "by-own-gap") === "by-share" ? rows.map((r) => r.guaranteed) : rows.map((r) => r.ownGap);
  const parts = amount.isZero() || weights.every((w) => w.isZero()) ? rows.map(() => ZERO) : splitAmount(amount, weights, decimals);
  return { guarantee: g, guaranteed: g.quantity, ordered: total, shortfall, amount, charges: rows.map((r, i) => ({ ...r, amount: parts[i] })) };
}

export interface GuaranteeRow {
  member: string;
  guaranteed: Amount;
  ordered: Amount;
  forecast: Amount;
}

export interface GuaranteeFollowUp {
  guarantee: Guarantee;
  rows: GuaranteeRow[];
  total: GuaranteeRow;
  /** Full quarters of the contract year reported by the as-of date (0–4). */
  quarters: number;
  /** The pooled shortfall the forecast leads to, in kronor (0 when the pool is on track). */
  expectedShortfallAmount: Amount;
}

/**
 * Forecast for the contract year from the quarters reported so far. One-off items: what was
 * ordered so far, scaled to four quarters. Periodic items (ordered again each quarter): what was
 * ordered so far plus the last quarter's volume for each quarter left.
 */
export function forecastYear(kind: "one-off" | "periodic", perQuarter: readonly Amount[], quarters: number): Amount {
  const done = perQuarter.slice(0, quarters);
  const sofar = sumAmounts(done);
  if (quarters === 0) return sumAmounts(perQuarter);
  if (quarters >= 4) return sumAmounts(perQuarter.slice(0, 4));
  if (kind === "periodic") return sofar.plus(done[quarters - 1].times(4 - quarters));
  return roundAmount(sofar.times(4).dividedBy(quarters), 0);
}

/** Follow-up during the contract year, per member and for the pool, from the quarters reported so far. */
export function followUpGuarantee(g: Guarantee, orders: readonly CallOff[], asOf: CivilDate): GuaranteeFollowUp {
  let quarters = 0;
  // A quarter is reported once the date reaches its last day.
  while (quarters < 4 && compareDates(addDays(addMonths(g.yearStart, 3 * (quarters + 1)), -1), asOf) <= 0) quarters++;
  const kind = g.kind ?? "one-off";
  const byMember = new Map<string, Amount[]>();
  for (const o of orders) {
    if (!inYear(g, o, asOf)) continue;
    const q = [1, 2, 3, 4].findIndex((n) => compareDates(o.date, addMonths(g.yearStart, 3 * n)) < 0);
    const list = byMember.get(memberId(o.member)) ?? [ZERO, ZERO, ZERO, ZERO];
    list[q] = list[q].plus(o.quantity);
    byMember.set(memberId(o.member), list);
  }
  const rows = memberGuarantees(g).map(({ member, quantity }) => {
    const perQuarter = byMember.get(memberId(member)) ?? [ZERO, ZERO, ZERO, ZERO];
    return { member, guaranteed: quantity, ordered: sumAmounts(perQuarter), forecast: forecastYear(kind, perQuarter, quarters) };
  });
  const sum = (pick: (r: GuaranteeRow) => Amount) => sumAmounts(rows.map(pick));
  const total = { member: "Summa", guaranteed: sum((r) => r.guaranteed), ordered: sum((r) => r.ordered), forecast: sum((r) => r.forecast) };
  const gap = g.quantity.minus(total.forecast);
  return { guarantee: g, rows, total, quarters, expectedShortfallAmount: gap.greaterThan(0) ? roundAmount(gap.times(g.unitPrice), 0) : ZERO };
}
