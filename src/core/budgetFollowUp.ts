import { Amount, ZERO, sumAmounts } from "./money";
import { BudgetRow, isBudgetTotal, memberCostAmount, MemberCostLine } from "./budget";
import { memberId } from "./memberIdentity";

/** Outcome (utfall) booked on a cost line; `member` is set for member-specific lines. */
export interface CostOutcome {
  section: string;
  category: string;
  member: string;
  amount: Amount;
}

export interface FollowUpRow {
  section: string;
  category: string;
  member: string;
  budget: Amount;
  outcome: Amount;
  /** Budget − Utfall: positive is money left, negative an overrun. */
  difference: Amount;
  /** Utfall / Budget as a fraction to six decimals (0,0001 %), or null when nothing was budgeted. */
  used: Amount | null;
  /** Outcome on a line that has no budget: listed, never dropped. */
  unbudgeted: boolean;
}

export interface FollowUpGroup {
  label: string;
  rows: FollowUpRow[];
  total: FollowUpRow;
}

export interface BudgetFollowUp {
  /** The common budget, one group per section. */
  sections: FollowUpGroup[];
  /** Member-specific lines, one group per member. */
  members: FollowUpGroup[];
  /** All common lines. */
  common: FollowUpRow;
  /** All member-specific lines. */
  memberSpecific: FollowUpRow;
  total: FollowUpRow;
}

function followUpRow(section: string, category: string, member: string, budget: Amount, outcome: Amount, unbudgeted = false): FollowUpRow {
  return { section, category, member, budget, outcome, difference: budget.minus(outcome), used: budget.isZero() ? null : outcome.dividedBy(budget).toDecimalPlaces(6), unbudgeted };
}

function totalOf(label: string, rows: readonly FollowUpRow[]): FollowUpRow {
  return followUpRow(label, "", "", sumAmounts(rows.map((r) => r.budget)), sumAmounts(rows.map((r) => r.outcome)));
}

function group(label: string, rows: FollowUpRow[]): FollowUpGroup {
  return { label, rows, total: totalOf(`Summa ${label}`, rows) };
}

/**
 * Budget vs outcome per line, section and member (DOMAIN.md §3.6). The budget of a common line is
 * its Summa kategori as decided; outcomes are matched to lines by section and category (to a
 * member's line by member and text). Outcome on a line that is not in the budget becomes its own
 * row with budget 0, so every krona booked is in the totals.
 */
export function followUpBudget(budget: readonly BudgetRow[], memberCosts: readonly MemberCostLine[], outcomes: readonly CostOutcome[]): BudgetFollowUp {
  const key = (...parts: string[]) => parts.map(memberId).join("\u0000");
  const booked = new Map<string, Amount>();
  const order: { key: string; outcome: CostOutcome }[] = [];
  for (const o of outcomes) {
    const k = o.member.trim() ? key("m", o.member, o.category) : key("c", o.section, o.category);
    if (!booked.has(k)) order.push({ key: k, outcome: o });
    booked.set(k, (booked.get(k) ?? ZERO).plus(o.amount));
  }
  const used = new Set<string>();
  const take = (k: string) => {
    used.add(k);
    return booked.get(k) ?? ZERO;
  };

  const withSum = budget.some((r) => r.categorySum !== null);
  const sections = new Map<string, FollowUpRow[]>();
  const sectionOf = (name: string) => {
    let rows = sections.get(memberId(name));
    if (!rows) sections.set(memberId(name), (rows = []));
    return rows;
  };
  const sectionNames = new Map<string, string>();
  for (const line of budget) {
    if (isBudgetTotal(line)) continue;
    sectionNames.set(memberId(line.section), sectionNames.get(memberId(line.section)) ?? line.section);
    const amount = withSum ? line.categorySum ?? ZERO : (line.operatingBudget ?? ZERO).plus(line.staffCost ?? ZERO);
    sectionOf(line.section).push(followUpRow(line.section, line.category, "", amount, take(key("c", line.section, line.category))));
  }
  const members = new Map<string, FollowUpRow[]>();
  const memberNames = new Map<string, string>();
  const memberRows = (name: string) => {
    let rows = members.get(memberId(name));
    if (!rows) {
      members.set(memberId(name), (rows = []));
      memberNames.set(memberId(name), name);
    }
    return rows;
  };
  for (const line of memberCosts) memberRows(line.member).push(followUpRow("", line.text, line.member, memberCostAmount(line), take(key("m", line.member, line.text))));
  for (const { key: k, outcome } of order) {
    if (used.has(k)) continue;
    const amount = booked.get(k)!;
    if (outcome.member.trim()) memberRows(outcome.member).push(followUpRow("", outcome.category, outcome.member, ZERO, amount, true));
    else {
      sectionNames.set(memberId(outcome.section), sectionNames.get(memberId(outcome.section)) ?? outcome.section);
      sectionOf(outcome.section).push(followUpRow(outcome.section, outcome.category, "", ZERO, amount, true));
    }
  }
  const sectionGroups = [...sections.entries()].map(([id, rows]) => group(sectionNames.get(id)!, rows));
  const memberGroups = [...members.entries()].map(([id, rows]) => group(memberNames.get(id)!, rows));
  const common = totalOf("Summa gemensam budget", sectionGroups.flatMap((g) => g.rows));
  const memberSpecific = totalOf("Summa medlemsspecifikt", memberGroups.flatMap((g) => g.rows));
  return { sections: sectionGroups, members: memberGroups, common, memberSpecific, total: totalOf("Summa totalt", [common, memberSpecific]) };
}
