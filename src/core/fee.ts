import { Amount, AmountLike, ZERO, checkDecimals, roundAmount, splitAmount, sumAmounts, toAmount } from "./money";
import { AllocationMethod, AllocationPart, BY_DRIVER, KeyEntry, allocate, memberId } from "./allocation";
import { DomainError } from "./errors";

/** One cost category of the common budget. FTE is a count of people, not money. */
export interface BudgetLine {
  section: string;
  category: string;
  operatingBudget: Amount; // Driftbudget
  fte: Amount; // Antal personer
  staffCost: Amount; // Personalkostnader
}

export interface BudgetLineTotal extends BudgetLine {
  categorySum: Amount; // Summa kategori = Driftbudget + Personalkostnader
}

export interface BudgetSection {
  section: string;
  lines: BudgetLineTotal[];
  operatingBudget: Amount;
  fte: Amount;
  staffCost: Amount;
  categorySum: Amount;
}

export interface BudgetSummary {
  sections: BudgetSection[];
  /** "Summa årskostnad" */
  operatingBudget: Amount;
  fte: Amount;
  staffCost: Amount;
  annualCost: Amount;
}

/** Category sums, section sums and the annual cost, in the order sections first appear. */
export function summariseBudget(lines: readonly BudgetLine[]): BudgetSummary {
  const sections = new Map<string, BudgetSection>();
  for (const line of lines) {
    const total: BudgetLineTotal = { ...line, categorySum: line.operatingBudget.plus(line.staffCost) };
    let section = sections.get(line.section);
    if (!section) {
      section = { section: line.section, lines: [], operatingBudget: ZERO, fte: ZERO, staffCost: ZERO, categorySum: ZERO };
      sections.set(line.section, section);
    }
    section.lines.push(total);
    section.operatingBudget = section.operatingBudget.plus(line.operatingBudget);
    section.fte = section.fte.plus(line.fte);
    section.staffCost = section.staffCost.plus(line.staffCost);
    section.categorySum = section.categorySum.plus(total.categorySum);
  }
  const all = [...sections.values()];
  return {
    sections: all,
    operatingBudget: sumAmounts(all.map((s) => s.operatingBudget)),
    fte: sumAmounts(all.map((s) => s.fte)),
    staffCost: sumAmounts(all.map((s) => s.staffCost)),
    annualCost: sumAmounts(all.map((s) => s.categorySum)),
  };
}

/** amount × (1 + rate)^years, rounded half up. A rate is a fraction: 2 % is 0.02. */
export function uplift(amount: AmountLike, rate: AmountLike, years = 1, decimals = 0): Amount {
  if (!Number.isInteger(years) || years < 0 || years > 100) {
    throw new DomainError("OUT_OF_RANGE", `antal år måste vara ett heltal från 0 till 100, inte ${years}`);
  }
  const factor = toAmount(rate).plus(1);
  if (factor.isNegative()) throw new DomainError("OUT_OF_RANGE", "uppräkningen kan inte vara under −100 %");
  return roundAmount(toAmount(amount).times(factor.pow(years)), checkDecimals(decimals));
}

export interface FeeChange {
  label: string;
  amount: Amount; // + for new roles and systems, − for reductions
}

export interface FeeProposal {
  lastYearFee: Amount;
  upliftRate: Amount;
  uplifted: Amount;
  changes: FeeChange[];
  nextYearFee: Amount;
  /** nextYearFee − lastYearFee: positive means a higher fee. */
  deviation: Amount;
}

/** Next year's fee: last year's decided fee plus the general uplift, plus or minus decided changes. */
export function proposeFee(lastYearFee: AmountLike, upliftRate: AmountLike, changes: readonly FeeChange[] = [], decimals = 0): FeeProposal {
  const last = toAmount(lastYearFee);
  const uplifted = uplift(last, upliftRate, 1, decimals);
  const nextYearFee = uplifted.plus(sumAmounts(changes.map((c) => c.amount)));
  return { lastYearFee: last, upliftRate: toAmount(upliftRate), uplifted, changes: [...changes], nextYearFee, deviation: nextYearFee.minus(last) };
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

/** Splits an annual amount into n periods (4 quarters, 2 half-years, 12 months …) that sum exactly. */
export function splitPeriods(amount: AmountLike, periods: number, decimals = 0): Amount[] {
  if (!Number.isInteger(periods) || periods < 1 || periods > 1200) {
    throw new DomainError("OUT_OF_RANGE", `antal perioder måste vara ett heltal från 1 till 1200, inte ${periods}`);
  }
  return splitAmount(amount, new Array(periods).fill(1), checkDecimals(decimals));
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
