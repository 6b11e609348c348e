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

export type ReconciliationFlag = "ok" | "difference" | "invoiced-without-contract" | "contract-without-invoicing";

/** The Swedish words users see for each flag. */
export const FLAG_LABELS: Record<ReconciliationFlag, string> = {
  ok: "OK",
  difference: "Differens",
  "invoiced-without-contract": "Fakturerat utan avtal",
  "contract-without-invoicing": "Avtal utan fakturering",
};

export interface ReconciliationRow {
  member: string;
  supplier: string;
  agreed: Amount | null;
  invoiced: Amount | null;
  /** Avtalat − Fakturerat (over-invoicing is negative); null when either side is missing. */
  diff: Amount | null;
  perInhabitant: Amount | null;
  flag: ReconciliationFlag;
}

export interface ColumnTotals {
  agreed: Amount;
  invoiced: Amount;
  diff: Amount;
  perInhabitant: Amount | null;
}

export interface MemberReconciliation {
  member: string;
  inhabitants: Amount | null;
  rows: ReconciliationRow[];
  /** Every column is the sum of the member's rows, so the table adds up as printed. */
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
  invoiced: Amount | null;
}

const pairKey = (member: string, supplier: string) => `${memberId(member)}\u0000${memberId(supplier)}`;

function addNullable(a: Amount | null, b: Amount | null): Amount | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.plus(b);
}

/**
 * Agreed vs invoiced per member and supplier/system. Several rows for the same pair are summed.
 * A pair invoiced without an agreed amount is flagged, not shown as a difference of +invoiced;
 * an agreed pair without invoicing is flagged too.
 */
export function reconcile(
  agreedRows: readonly AgreedRow[],
  outcomes: readonly Outcome[],
  inhabitants: ReadonlyMap<string, Amount> = new Map(),
  perInhabitantDecimals = 2,
): Reconciliation {
  const pairs = new Map<string, Pair>();
  const pairFor = (member: string, supplier: string): Pair => {
    const key = pairKey(member, supplier);
    let pair = pairs.get(key);
    if (!pair) {
      pair = { member, supplier, agreed: null, invoiced: null };
      pairs.set(key, pair);
    }
    return pair;
  };
  for (const row of agreedRows) {
    const pair = pairFor(row.member, row.supplier);
    pair.agreed = addNullable(pair.agreed, row.agreed);
  }
  for (const row of outcomes) {
    const pair = pairFor(row.member, row.supplier);
    pair.invoiced = addNullable(pair.invoiced, row.invoiced);
  }

  const inhabitantsById = new Map([...inhabitants].map(([m, n]) => [memberId(m), n]));
  const members = new Map<string, MemberReconciliation>();
  const flagCounts: Record<ReconciliationFlag, number> = { ok: 0, difference: 0, "invoiced-without-contract": 0, "contract-without-invoicing": 0 };
  for (const pair of pairs.values()) {
    const id = memberId(pair.member);
    let member = members.get(id);
    if (!member) {
      member = { member: pair.member, inhabitants: inhabitantsById.get(id) ?? null, rows: [], total: emptyTotals() };
      members.set(id, member);
    }
    const row = reconcilePair(pair, member.inhabitants, perInhabitantDecimals);
    flagCounts[row.flag]++;
    member.rows.push(row);
    addToTotals(member.total, row);
  }
  const total = emptyTotals();
  for (const m of members.values()) {
    total.agreed = total.agreed.plus(m.total.agreed);
    total.invoiced = total.invoiced.plus(m.total.invoiced);
    total.diff = total.diff.plus(m.total.diff);
  }
  return { members: [...members.values()], total, flagCounts };
}

function reconcilePair(pair: Pair, inhabitants: Amount | null, decimals: number): ReconciliationRow {
  const { agreed, invoiced } = pair;
  const diff = agreed !== null && invoiced !== null ? agreed.minus(invoiced) : null;
  const flag: ReconciliationFlag =
    agreed === null ? "invoiced-without-contract"
      : invoiced === null ? "contract-without-invoicing"
        : diff!.isZero() ? "ok" : "difference";
  const perInhabitant = invoiced !== null && inhabitants !== null && inhabitants.greaterThan(0)
    ? invoiced.dividedBy(inhabitants).toDecimalPlaces(decimals)
    : null;
  return { member: pair.member, supplier: pair.supplier, agreed, invoiced, diff, perInhabitant, flag };
}

function emptyTotals(): ColumnTotals {
  return { agreed: ZERO, invoiced: ZERO, diff: ZERO, perInhabitant: null };
}

function addToTotals(total: ColumnTotals, row: ReconciliationRow): void {
  if (row.agreed) total.agreed = total.agreed.plus(row.agreed);
  if (row.invoiced) total.invoiced = total.invoiced.plus(row.invoiced);
  if (row.diff) total.diff = total.diff.plus(row.diff);
  if (row.perInhabitant) total.perInhabitant = (total.perInhabitant ?? ZERO).plus(row.perInhabitant);
}
