import { Amount, ZERO } from "./money";
import { memberId } from "./memberIdentity";

export interface AgreedRow {
  member: string;
  supplier: string;
  /** null: no contract (n/a or blank agreed amount). */
  agreed: Amount | null;
}

export interface Outcome {
  member: string;
  supplier: string;
  invoiced: Amount | null;
}

export type ReconciliationFlag = "ok" | "difference" | "invoiced-without-contract" | "contract-without-invoice" | "no-amounts";

/** The Swedish words users see for each flag. */
export const FLAG_LABELS: Record<ReconciliationFlag, string> = {
  ok: "OK",
  difference: "Differens",
  "invoiced-without-contract": "Fakturerat utan avtal",
  "contract-without-invoice": "Avtal utan fakturering",
  "no-amounts": "Belopp saknas",
};

/**
 * Whether a flag is a finding: a row with neither an agreed nor an invoiced amount (a register
 * line kept for its dates, say) counts as 0 and is shown, but nothing about it is wrong.
 */
export function isFinding(flag: ReconciliationFlag): boolean {
  return flag !== "ok" && flag !== "no-amounts";
}

/** How many rows are findings. */
export function findingCount(flagCounts: Record<ReconciliationFlag, number>): number {
  return (Object.keys(flagCounts) as ReconciliationFlag[]).filter(isFinding).reduce((n, f) => n + flagCounts[f], 0);
}

export interface ReconciliationRow {
  member: string;
  supplier: string;
  /** null: no contract (n/a or blank agreed amount). */
  agreed: Amount | null;
  /** The agreed amount by the contract's index clause; equal to agreed without one. */
  indexedAgreed: Amount | null;
  invoiced: Amount | null;
  /**
   * Indexed agreed − invoiced, a missing amount counting as 0: over-invoicing is negative, an
   * invoice without a contract is −invoiced, a contract without invoicing +agreed.
   */
  diff: Amount;
  /** invoiced / inhabitants, rounded half up to öre; null without a population. */
  perInhabitant: Amount | null;
  flag: ReconciliationFlag;
}

export interface ColumnTotals {
  agreed: Amount;
  indexedAgreed: Amount;
  invoiced: Amount;
  /** indexedAgreed − invoiced, which is also the sum of the rows' diffs. */
  diff: Amount;
  /** The total's own ratio (its invoiced / the member's inhabitants), not a sum of ratios. */
  perInhabitant: Amount | null;
}

export interface MemberReconciliation {
  member: string;
  inhabitants: Amount | null;
  rows: ReconciliationRow[];
  /** Every amount column is the sum of the member's rows, so the table adds up as printed. */
  total: ColumnTotals;
}

export interface Reconciliation {
  members: MemberReconciliation[];
  total: ColumnTotals;
  flagCounts: Record<ReconciliationFlag, number>;
}

interface Pair {
  member: string;
  supplier: string;
  agreed: Amount | null;
  indexedAgreed: Amount | null;
  invoiced: Amount | null;
}

const pairKey = (member: string, supplier: string) => `${memberId(member)}\u0000${memberId(supplier)}`;

function addNullable(a: Amount | null, b: Amount | null): Amount | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.plus(b);
}

/** Agreed rows may carry their indexed amount; without one it is the agreed amount. */
export interface IndexedAgreedRow extends AgreedRow {
  indexedAgreed?: Amount | null;
}

/**
 * Agreed vs invoiced per member and supplier/system (DOMAIN.md §4). Several rows for the same pair
 * are summed. Diff = (indexed) Avtalat − Fakturerat on every row and every total, with a missing
 * amount as 0 in sums and the flag saying why.
 */
export function reconcile(
  agreedRows: readonly IndexedAgreedRow[],
  outcomes: readonly Outcome[],
  inhabitants: ReadonlyMap<string, Amount> = new Map(),
  perInhabitantDecimals = 2,
): Reconciliation {
  const pairs = new Map<string, Pair>();
  const pairFor = (member: string, supplier: string): Pair => {
    const key = pairKey(member, supplier);
    let pair = pairs.get(key);
    if (!pair) {
      pair = { member, supplier, agreed: null, indexedAgreed: null, invoiced: null };
      pairs.set(key, pair);
    }
    return pair;
  };
  for (const row of agreedRows) {
    const pair = pairFor(row.member, row.supplier);
    pair.agreed = addNullable(pair.agreed, row.agreed);
    pair.indexedAgreed = addNullable(pair.indexedAgreed, row.indexedAgreed === undefined ? row.agreed : row.indexedAgreed);
  }
  for (const row of outcomes) {
    const pair = pairFor(row.member, row.supplier);
    pair.invoiced = addNullable(pair.invoiced, row.invoiced);
  }

  const inhabitantsById = new Map([...inhabitants].map(([m, n]) => [memberId(m), n]));
  const perInhabitant = (invoiced: Amount | null, n: Amount | null) =>
    invoiced !== null && n !== null && n.greaterThan(0) ? invoiced.dividedBy(n).toDecimalPlaces(perInhabitantDecimals, Amount.ROUND_HALF_UP) : null;
  const members = new Map<string, MemberReconciliation>();
  const flagCounts: Record<ReconciliationFlag, number> = { ok: 0, difference: 0, "invoiced-without-contract": 0, "contract-without-invoice": 0, "no-amounts": 0 };
  for (const pair of pairs.values()) {
    const id = memberId(pair.member);
    let member = members.get(id);
    if (!member) {
      member = { member: pair.member, inhabitants: inhabitantsById.get(id) ?? null, rows: [], total: emptyTotals() };
      members.set(id, member);
    }
    const row = reconcilePair(pair, perInhabitant(pair.invoiced, member.inhabitants));
    flagCounts[row.flag]++;
    member.rows.push(row);
  }
  for (const m of members.values()) m.total = totalsOf(m.rows, (invoiced) => perInhabitant(invoiced, m.inhabitants));
  const all = [...members.values()];
  // The grand total from the member totals: the same sums, without a second pass over every row.
  return { members: all, total: totalsOf(all.map((m) => ({ agreed: m.total.agreed, indexedAgreed: m.total.indexedAgreed, invoiced: m.total.invoiced, diff: m.total.diff })), () => null), flagCounts };
}

/**
 * One row's Diff and flag: Avtalat − Fakturerat with a missing amount as 0, and why. Invoiced 0
 * ("-") on a contract is no invoicing; with no agreed amount either, the row has no amounts.
 */
export function contractDiff(agreed: Amount | null, invoiced: Amount | null): { diff: Amount; flag: ReconciliationFlag } {
  const diff = agreed === null ? (invoiced === null || invoiced.isZero() ? ZERO : invoiced.negated()) : invoiced === null ? agreed : agreed.minus(invoiced);
  const flag: ReconciliationFlag =
    agreed === null ? (invoiced === null || invoiced.isZero() ? "no-amounts" : "invoiced-without-contract")
      : invoiced === null || (invoiced.isZero() && !agreed.isZero()) ? "contract-without-invoice"
        : diff.isZero() ? "ok" : "difference";
  return { diff, flag };
}

function reconcilePair(pair: Pair, perInhabitant: Amount | null): ReconciliationRow {
  const { agreed, indexedAgreed, invoiced } = pair;
  const { diff, flag } = contractDiff(agreed === null ? null : indexedAgreed, invoiced);
  return { member: pair.member, supplier: pair.supplier, agreed, indexedAgreed, invoiced, diff, perInhabitant, flag };
}

function emptyTotals(): ColumnTotals {
  return { agreed: ZERO, indexedAgreed: ZERO, invoiced: ZERO, diff: ZERO, perInhabitant: null };
}

/** Every column's sum in one pass; a missing amount counts as 0. */
function totalsOf(rows: readonly Pick<ReconciliationRow, "agreed" | "indexedAgreed" | "invoiced" | "diff">[], ratio: (invoiced: Amount) => Amount | null): ColumnTotals {
  let agreed = ZERO;
  let indexedAgreed = ZERO;
  let invoiced = ZERO;
  let diff = ZERO;
  for (const r of rows) {
    if (r.agreed) agreed = agreed.plus(r.agreed);
    if (r.indexedAgreed) indexedAgreed = indexedAgreed.plus(r.indexedAgreed);
    if (r.invoiced) invoiced = invoiced.plus(r.invoiced);
    diff = diff.plus(r.diff);
  }
  return { agreed, indexedAgreed, invoiced, diff, perInhabitant: ratio(invoiced) };
}
