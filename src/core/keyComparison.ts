import { Amount, AmountLike, ZERO } from "./money";
import { AllocationMethod, BY_DRIVER, KeyEntry, allocate, keySharesPercent } from "./allocation";
import { memberId } from "./memberIdentity";

/** One row of "old key vs new key" as boards are shown it when the key is revised. */
export interface KeyComparisonRow {
  member: string;
  oldWeight: Amount;
  newWeight: Amount;
  /** Shares in percent, two decimals, each column summing to exactly 100,00. */
  oldShare: Amount;
  newShare: Amount;
  weightChange: Amount;
  /** Percentage points: newShare − oldShare. */
  pointChange: Amount;
}

export interface KeyComparison {
  rows: KeyComparisonRow[];
  total: KeyComparisonRow;
}

/**
 * Compares two keys member by member. Members only in one key count as weight 0 in the other;
 * the order is the new key's, then members that left. An empty old key (the first version)
 * gives old shares of 0.
 */
export function compareKeys(oldKey: readonly KeyEntry[], newKey: readonly KeyEntry[]): KeyComparison {
  const names: string[] = [];
  const index = new Map<string, number>();
  for (const e of [...newKey, ...oldKey]) {
    const id = memberId(e.member);
    if (!index.has(id)) {
      index.set(id, names.length);
      names.push(e.member);
    }
  }
  const weightsOf = (key: readonly KeyEntry[]) => {
    const ws = names.map(() => ZERO);
    for (const e of key) ws[index.get(memberId(e.member))!] = e.weight;
    return ws;
  };
  const oldWeights = weightsOf(oldKey);
  const newWeights = weightsOf(newKey);
  // A key with no weight at all (no earlier version) has no shares: 0 for everyone.
  const shares = (weights: Amount[]) => (weights.every((w) => w.isZero()) ? weights.map(() => ZERO) : keySharesPercent(names.map((m, i) => ({ member: m, weight: weights[i] }))));
  const oldShares = shares(oldWeights);
  const newShares = shares(newWeights);
  const rows = names.map((member, i) => ({
    member,
    oldWeight: oldWeights[i],
    newWeight: newWeights[i],
    oldShare: oldShares[i],
    newShare: newShares[i],
    weightChange: newWeights[i].minus(oldWeights[i]),
    pointChange: newShares[i].minus(oldShares[i]),
  }));
  const sum = (pick: (r: KeyComparisonRow) => Amount) => rows.reduce((s, r) => s.plus(pick(r)), ZERO);
  const total: KeyComparisonRow = {
    member: "Summa",
    oldWeight: sum((r) => r.oldWeight),
    newWeight: sum((r) => r.newWeight),
    oldShare: sum((r) => r.oldShare),
    newShare: sum((r) => r.newShare),
    weightChange: sum((r) => r.weightChange),
    pointChange: sum((r) => r.pointChange),
  };
  return { rows, total };
}

export interface AmountChangeRow {
  member: string;
  before: Amount;
  after: Amount;
  /** after − before: what the new key moves to (+) or from (−) the member at the same total. */
  change: Amount;
}

/**
 * The same total split by an earlier and a later key, member by member: what a change of key
 * costs or saves each member in kronor. Both splits are exact, so the changes sum to zero.
 */
export function changeAtSameTotal(total: AmountLike, before: readonly KeyEntry[], after: readonly KeyEntry[], method: AllocationMethod = BY_DRIVER, decimals = 0): AmountChangeRow[] {
  const a = allocate(total, before, method, decimals);
  const b = allocate(total, after, method, decimals);
  const earlier = new Map(a.map((p) => [memberId(p.member), p.amount]));
  const later = new Map(b.map((p) => [memberId(p.member), p.amount]));
  const names = [...new Map([...b, ...a].map((p) => [memberId(p.member), p.member])).entries()];
  return names.map(([id, member]) => {
    const was = earlier.get(id) ?? ZERO;
    const now = later.get(id) ?? ZERO;
    return { member, before: was, after: now, change: now.minus(was) };
  });
}

/** The members' changes summed per group (a kommun with its units), in the groups' order. */
export function changeByGroup(rows: readonly AmountChangeRow[], groups: readonly { name: string; members: readonly { member: string }[] }[]): { group: string; before: Amount; after: Amount; change: Amount }[] {
  const byId = new Map(rows.map((r) => [memberId(r.member), r]));
  return groups.map((g) => {
    const own = g.members.map((m) => byId.get(memberId(m.member))).filter((r): r is AmountChangeRow => r !== undefined);
    const sum = (pick: (r: AmountChangeRow) => Amount) => own.reduce((s, r) => s.plus(pick(r)), ZERO);
    return { group: g.name, before: sum((r) => r.before), after: sum((r) => r.after), change: sum((r) => r.change) };
  });
}
