import { Amount, AmountLike, ZERO, checkDecimals, roundAmount, sumAmounts, toAmount } from "./money";
import { Cell, Finding, checkTable, isTotalLabel } from "./tablecheck";
import { formatAmount } from "./numberText";
import { DomainError } from "./errors";

/**
 * One row of the common budget as decided (DOMAIN.md §3.1). Amounts are null where the cell is
 * blank; a row whose section or category starts with "Summa"/"Totalt" is a total row, which the
 * check compares with its lines and the fee never adds.
 */
export interface BudgetRow {
  section: string;
  category: string;
  operatingBudget: Amount | null; // Driftbudget
  fte: Amount | null; // Antal personer: a count, not money
  staffCost: Amount | null; // Personalkostnader
  /** Summa kategori as decided; null when the table has no such column. */
  categorySum: Amount | null;
}

export const BUDGET_RULE = "Summa kategori = Driftbudget + Personalkostnader";

const BUDGET_CHECK_HEADERS = ["Kategori", "Driftbudget", "Antal personer", "Personalkostnader", "Summa kategori"];

export function isBudgetTotal(row: Pick<BudgetRow, "section" | "category">): boolean {
  return isTotalLabel(row.category) || (row.category.trim() === "" && isTotalLabel(row.section));
}

/** The row's label in findings: its category, or the section for a section total. */
export function budgetRowLabel(row: Pick<BudgetRow, "section" | "category">): string {
  return row.category.trim() || row.section.trim();
}

/** The budget as the table checker sees it: labels first, then the number columns. */
function budgetGrid(rows: readonly BudgetRow[], withCategorySum: boolean): Cell[][] {
  const headers = withCategorySum ? BUDGET_CHECK_HEADERS : BUDGET_CHECK_HEADERS.slice(0, 4);
  return [headers, ...rows.map((r) => {
    const cells: Cell[] = [budgetRowLabel(r), r.operatingBudget, r.fte, r.staffCost];
    if (withCategorySum) cells.push(r.categorySum);
    return cells;
  })];
}

/**
 * What does not add up in the budget: a line whose Summa kategori is not Driftbudget +
 * Personalkostnader, a total row that is not the sum of its lines. Shown, never corrected.
 */
export function checkBudget(rows: readonly BudgetRow[]): Finding[] {
  const withSum = rows.some((r) => r.categorySum !== null);
  return checkTable(budgetGrid(rows, withSum), withSum ? [BUDGET_RULE] : []);
}

/**
 * "Summa årskostnad": the sum of the lines' Summa kategori as decided. A budget without that
 * column gets it as Driftbudget + Personalkostnader per line; total rows are never added.
 */
export function annualCost(rows: readonly BudgetRow[]): Amount {
  const withSum = rows.some((r) => r.categorySum !== null);
  const lines = rows.filter((r) => !isBudgetTotal(r));
  return sumAmounts(lines.map((r) => (withSum ? r.categorySum ?? ZERO : (r.operatingBudget ?? ZERO).plus(r.staffCost ?? ZERO))));
}

export interface Fee {
  /** Summa årskostnad from the budget. */
  budgetTotal: Amount;
  /** The uplift as a fraction: 2 % is 0.02. */
  upliftRate: Amount;
  /** upliftRate × budgetTotal, rounded half up. */
  uplift: Amount;
  /** budgetTotal + uplift: the proposed membership fee (medlemsbidrag). */
  fee: Amount;
  lastFee: Amount | null;
  /** Avvikelse = last year's fee − new fee: negative when the fee rises. Null without lastFee. */
  change: Amount | null;
  /** Says which way the fee goes, e.g. "Bidraget höjs med 113 300 kr". */
  changeLabel: string;
}

/**
 * The membership fee from the budget (DOMAIN.md §3.2): Summa årskostnad plus the general uplift
 * on that sum. Not last year's fee × (1 + uplift): that ignores the budget.
 */
export function feeFromBudget(budgetTotal: AmountLike, upliftRate: AmountLike, lastFee: AmountLike | null = null, decimals = 0): Fee {
  const total = toAmount(budgetTotal);
  const rate = toAmount(upliftRate);
  if (rate.lessThan(-1)) throw new DomainError("OUT_OF_RANGE", "uppräkningen kan inte vara under −100 %");
  const uplift = roundAmount(total.times(rate), checkDecimals(decimals));
  const fee = total.plus(uplift);
  const last = lastFee === null ? null : toAmount(lastFee);
  const change = last === null ? null : last.minus(fee);
  return { budgetTotal: total, upliftRate: rate, uplift, fee, lastFee: last, change, changeLabel: changeLabel(change, decimals) };
}

function changeLabel(change: Amount | null, decimals: number): string {
  if (change === null) return "Inget beslutat bidrag föregående år att jämföra med";
  const kr = formatAmount(change.abs(), { decimals, unit: "kr" });
  if (change.isZero()) return "Bidraget är oförändrat mot föregående år";
  return change.isNegative() ? `Bidraget höjs med ${kr} mot föregående år` : `Bidraget sänks med ${kr} mot föregående år`;
}

/** One member-specific cost line (nät, systemägare, stadsnät, licenser, växel, historisk skuld …). */
export interface MemberCostLine {
  member: string;
  text: string;
  /** A fixed amount, or null when priced as FTE × rate. */
  amount: Amount | null;
  fte: Amount | null;
  rate: Amount | null;
}

/** The line's amount: as given, or FTE × rate rounded half up (a system owner at 0,5 FTE × 950 000). */
export function memberCostAmount(line: MemberCostLine, decimals = 0): Amount {
  if (line.amount !== null) return line.amount;
  if (line.fte === null || line.rate === null) {
    throw new DomainError("MISSING_VALUE", `kostnaden '${line.text}' för ${line.member} saknar belopp och har inte både antal personer och pris per person`);
  }
  return roundAmount(line.fte.times(line.rate), checkDecimals(decimals));
}
