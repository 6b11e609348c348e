import { Amount, AmountLike, ZERO, sumAmounts, toAmount } from "./money";
import { AllocationMethod, BY_DRIVER, KeyEntry, allocate } from "./allocation";
import { BudgetFollowUp } from "./budgetFollowUp";
import { memberId } from "./memberIdentity";

/** One member's year-end settlement; positive amounts go back to the member, negative are owed. */
export interface SettlementRow {
  member: string;
  /** The member's share of the common surplus (+) or deficit (−), by the decided key. */
  commonShare: Amount;
  specificBudget: Amount;
  specificOutcome: Amount;
  /** Member-specific lines settled at actual cost: budget − outcome. */
  specificSettlement: Amount;
  /** commonShare + specificSettlement. */
  total: Amount;
}

export interface Settlement {
  /** What the members paid for the common part: the fee. */
  commonFee: Amount;
  commonOutcome: Amount;
  /** commonFee − commonOutcome: a surplus (överskott) is positive, a deficit (underskott) negative. */
  commonResult: Amount;
  rows: SettlementRow[];
  total: SettlementRow;
}

/**
 * Year-end settlement (DOMAIN.md §3.6): member-specific lines at actual cost per member, and the
 * common part's surplus or deficit split by the key the board decides (REGLERING), by the largest
 * remainder, so the members' settlements sum exactly to the organisation's result.
 */
export function settleYear(input: {
  commonFee: AmountLike;
  followUp: BudgetFollowUp;
  key: readonly KeyEntry[];
  method?: AllocationMethod;
  decimals?: number;
}): Settlement {
  const commonFee = toAmount(input.commonFee);
  const commonOutcome = input.followUp.common.outcome;
  const commonResult = commonFee.minus(commonOutcome);
  const rows: SettlementRow[] = [];
  const byId = new Map<string, SettlementRow>();
  const rowOf = (member: string) => {
    let row = byId.get(memberId(member));
    if (!row) {
      row = { member, commonShare: ZERO, specificBudget: ZERO, specificOutcome: ZERO, specificSettlement: ZERO, total: ZERO };
      byId.set(memberId(member), row);
      rows.push(row);
    }
    return row;
  };
  for (const part of allocate(commonResult, input.key, input.method ?? BY_DRIVER, input.decimals ?? 0)) rowOf(part.member).commonShare = part.amount;
  for (const g of input.followUp.members) {
    const row = rowOf(g.label);
    row.specificBudget = g.total.budget;
    row.specificOutcome = g.total.outcome;
    row.specificSettlement = g.total.difference;
  }
  for (const row of rows) row.total = row.commonShare.plus(row.specificSettlement);
  const sum = (pick: (r: SettlementRow) => Amount) => sumAmounts(rows.map(pick));
  const total: SettlementRow = {
    member: "Summa",
    commonShare: sum((r) => r.commonShare),
    specificBudget: sum((r) => r.specificBudget),
    specificOutcome: sum((r) => r.specificOutcome),
    specificSettlement: sum((r) => r.specificSettlement),
    total: sum((r) => r.total),
  };
  return { commonFee, commonOutcome, commonResult, rows, total };
}
