import { Amount, AmountLike, checkDecimals, roundAmount, sumAmounts, toAmount } from "./money";
import { splitPeriods } from "./periods";
import { AllocationMethod, AllocationPart, BY_DRIVER, KeyEntry, allocate } from "./allocation";
import { memberId } from "./memberIdentity";
import { DomainError } from "./errors";

/** amount × (1 + rate)^years, rounded half up. A rate is a fraction: 2 % is 0.02. */
export function uplift(amount: AmountLike, rate: AmountLike, years = 1, decimals = 0): Amount {
  if (!Number.isInteger(years) || years < 0 || years > 100) {
    throw new DomainError("OUT_OF_RANGE", `antal år måste vara ett heltal från 0 till 100, inte ${years}`);
  }
  const factor = toAmount(rate).plus(1);
  if (factor.isNegative()) throw new DomainError("OUT_OF_RANGE", "uppräkningen kan inte vara under −100 %");
  const base = toAmount(amount);
  const places = checkDecimals(decimals);
  // An amount already at the precision asked for keeps it, and only the uplift is rounded: the
  // fee is Summa årskostnad + round(Summa årskostnad × rate), never round(Summa × (1 + rate)),
  // which differs by a krona when a negative uplift ends in exactly half a krona.
  if (base.decimalPlaces() <= places) return base.plus(roundAmount(base.times(factor.pow(years).minus(1)), places));
  return roundAmount(base.times(factor.pow(years)), places);
}

export interface FixedCost {
  member: string;
  label: string; // nät, systemägare, stadsnät, licenser, växel, historisk skuld …
  amount: Amount;
}

export interface MemberFee {
  member: string;
  weight: Amount;
  fixedCosts: FixedCost[];
  fixedTotal: Amount;
  share: Amount; // share of the common fee by the key
  total: Amount; // fixedTotal + share
}

/**
 * Each member's total: its own fixed costs plus its share of the common fee by the key. Fixed
 * costs for a member that is not in the key are an error, not silently dropped.
 */
export function memberFees(
  commonFee: AmountLike,
  key: readonly KeyEntry[],
  fixedCosts: readonly FixedCost[] = [],
  method: AllocationMethod = BY_DRIVER,
  decimals = 0,
): MemberFee[] {
  const parts = allocate(commonFee, key, method, decimals);
  const byMember = new Map<string, FixedCost[]>(parts.map((p) => [memberId(p.member), []]));
  for (const cost of fixedCosts) {
    const list = byMember.get(memberId(cost.member));
    if (!list) throw new DomainError("INVALID_ARGUMENT", `fast kostnad '${cost.label}' gäller '${cost.member}', som inte finns i nyckeln`);
    list.push(cost);
  }
  return parts.map((p) => {
    const costs = byMember.get(memberId(p.member))!;
    const fixedTotal = sumAmounts(costs.map((c) => c.amount));
    return { member: p.member, weight: p.weight, fixedCosts: costs, fixedTotal, share: p.amount, total: fixedTotal.plus(p.amount) };
  });
}

/**
 * Year-end settlement: a surplus (+) is credited and a deficit (−) debited to each member by the
 * key the board decides. The members' amounts sum exactly to the result.
 */
export function settle(result: AmountLike, key: readonly KeyEntry[], method: AllocationMethod = BY_DRIVER, decimals = 0): AllocationPart[] {
  return allocate(result, key, method, decimals);
}

export interface SpreadRow {
  member: string;
  share: Amount;
  months: Amount[];
}

/**
 * A one-off cost spread over n months per member: first each member's share by the key, then
 * each share over the months. Every member's months sum to its share and all shares to the cost.
 */
export function spreadOneOff(amount: AmountLike, months: number, key: readonly KeyEntry[], method: AllocationMethod = BY_DRIVER, decimals = 0): SpreadRow[] {
  return allocate(amount, key, method, decimals).map((p) => ({
    member: p.member,
    share: p.amount,
    months: splitPeriods(p.amount, months, decimals),
  }));
}
