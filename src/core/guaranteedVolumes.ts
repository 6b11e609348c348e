import { Amount, ZERO, roundAmount, sumAmounts } from "./money";
import { CivilDate, addMonths, compareDates, toEpochDays } from "./dates";
import { DomainError } from "./errors";
import { KeyEntry, allocate } from "./allocation";
import { memberId } from "./memberIdentity";
import { CallOff } from "./catalogue";

/**
 * A supplier contract that guarantees a yearly volume of a service: members pay for their part
 * of the guarantee whether they order it or not. The contract year may start on any date (e.g.
 * the delivery-approval date).
 */
export interface Guarantee {
  supplier: string;
  service: string;
  /** First day of the contract year. */
  yearStart: CivilDate;
  /** Guaranteed quantity for the whole contract year. */
  quantity: Amount;
  unitPrice: Amount;
  /** How the guarantee is spread over members: by a key (whole units), or fixed quantities. */
  distribution: { kind: "key"; key: KeyEntry[] } | { kind: "fixed"; quantities: { member: string; quantity: Amount }[] };
}

export interface GuaranteeRow {
  member: string;
  guaranteed: Amount;
  ordered: Amount;
  /** Ordered so far scaled to the whole contract year. */
  forecast: Amount;
  /** max(0, guaranteed − forecast) × price. */
  expectedShortfallAmount: Amount;
}

export interface GuaranteeFollowUp {
  guarantee: Guarantee;
  rows: GuaranteeRow[];
  total: GuaranteeRow;
}

/** Each member's part of the guaranteed quantity. */
export function memberGuarantees(g: Guarantee): { member: string; quantity: Amount }[] {
  if (g.distribution.kind === "fixed") {
    const sum = sumAmounts(g.distribution.quantities.map((q) => q.quantity));
    if (!sum.equals(g.quantity)) {
      throw new DomainError("INVALID_ARGUMENT", `garantin för ${g.service} är ${g.quantity.toFixed()} men medlemmarnas fasta volymer summerar till ${sum.toFixed()}`);
    }
    return g.distribution.quantities;
  }
  return allocate(g.quantity, g.distribution.key).map((p) => ({ member: p.member, quantity: p.amount }));
}

export function contractYearEnd(g: Guarantee): CivilDate {
  return addMonths(g.yearStart, 12);
}

function orderedBy(g: Guarantee, orders: readonly CallOff[], until: CivilDate): Map<string, Amount> {
  const end = contractYearEnd(g);
  const ordered = new Map<string, Amount>();
  for (const o of orders) {
    if (memberId(o.service) !== memberId(g.service)) continue;
    if (compareDates(o.date, g.yearStart) < 0 || compareDates(o.date, end) >= 0 || compareDates(o.date, until) > 0) continue;
    const id = memberId(o.member);
    ordered.set(id, (ordered.get(id) ?? ZERO).plus(o.quantity));
  }
  return ordered;
}

/** Follow-up during the contract year: ordered so far, a forecast for the year, the expected shortfall in kr. */
export function followUpGuarantee(g: Guarantee, orders: readonly CallOff[], asOf: CivilDate): GuaranteeFollowUp {
  const end = contractYearEnd(g);
  const yearDays = toEpochDays(end) - toEpochDays(g.yearStart);
  const elapsed = Math.min(yearDays, Math.max(1, toEpochDays(asOf) - toEpochDays(g.yearStart) + 1));
  const ordered = orderedBy(g, orders, asOf);
  const rows = memberGuarantees(g).map(({ member, quantity }) => {
    const o = ordered.get(memberId(member)) ?? ZERO;
    const forecast = roundAmount(o.times(yearDays).dividedBy(elapsed), 0);
    const gap = quantity.minus(forecast);
    return { member, guaranteed: quantity, ordered: o, forecast, expectedShortfallAmount: gap.isPositive() && !gap.isZero() ? roundAmount(gap.times(g.unitPrice), 0) : ZERO };
  });
  const sum = (pick: (r: GuaranteeRow) => Amount) => sumAmounts(rows.map(pick));
  return { guarantee: g, rows, total: { member: "Summa", guaranteed: sum((r) => r.guaranteed), ordered: sum((r) => r.ordered), forecast: sum((r) => r.forecast), expectedShortfallAmount: sum((r) => r.expectedShortfallAmount) } };
}

export interface ShortfallCharge {
  member: string;
  guaranteed: Amount;
  ordered: Amount;
  /** max(0, guaranteed − ordered): never negative. */
  shortfall: Amount;
  amount: Amount;
}

/** At the end of the contract year: each member pays for what it did not order of its guarantee. */
export function yearEndShortfall(g: Guarantee, orders: readonly CallOff[], decimals = 2): ShortfallCharge[] {
  const ordered = orderedBy(g, orders, contractYearEnd(g));
  return memberGuarantees(g).map(({ member, quantity }) => {
    const o = ordered.get(memberId(member)) ?? ZERO;
    const gap = quantity.minus(o);
    const shortfall = gap.isPositive() && !gap.isZero() ? gap : ZERO;
    return { member, guaranteed: quantity, ordered: o, shortfall, amount: roundAmount(shortfall.times(g.unitPrice), decimals) };
  });
}
