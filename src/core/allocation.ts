import { Amount, AmountLike, ZERO, checkDecimals, fromUnits, integerWeights, largestRemainder, toAmount, toUnits } from "./money";
import { sv } from "./swedishDigits";
import { DomainError } from "./errors";
import { memberId } from "./memberIdentity";
import { checkSomeWeight, checkWeight } from "./weights";

/** One member of an allocation key with its driver (users, inhabitants, licences, %). */
export interface KeyEntry {
  member: string;
  weight: Amount;
}

/**
 * How a key splits a total. Weight 0 means the member is excluded in every method: it gets
 * nothing and does not count among the n members of an equal share.
 * - driver: total × w / Σw
 * - equal: total / n (rak andel)
 * - mixed: total × (a / n + (1 − a) × w / Σw), e.g. a = 0,5 for "50 % rak andel"
 * - fixed: weights are fractions decided by the board and must sum to exactly 100 %
 */
export type AllocationMethod =
  | { kind: "driver" }
  | { kind: "equal" }
  | { kind: "mixed"; equalShare: Amount }
  | { kind: "fixed" };

export const BY_DRIVER: AllocationMethod = { kind: "driver" };

export interface AllocationPart {
  member: string;
  weight: Amount;
  amount: Amount;
}

export function mixedMethod(equalShare: AmountLike): AllocationMethod {
  const a = toAmount(equalShare);
  if (a.lessThan(0) || a.greaterThan(1)) {
    throw new DomainError("OUT_OF_RANGE", `rak andel måste vara mellan 0 och 1 (0–100 %), inte ${sv(a)}`);
  }
  return { kind: "mixed", equalShare: a };
}

/** Checks a key: not empty, no member twice, no negative weight, not all zero. */
export function validateKey(entries: readonly KeyEntry[]): void {
  if (entries.length === 0) throw new DomainError("EMPTY_KEY", "nyckeln har inga medlemmar");
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const id = memberId(entry.member);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new DomainError("DUPLICATE_MEMBER", `medlemmen '${entry.member}' finns två gånger (plats ${first + 1} och ${i + 1})`);
    }
    seen.set(id, i);
    checkWeight(entry.weight, { prefix: `medlemmen '${entry.member}': ` });
  });
  checkSomeWeight(entries.map((e) => e.weight));
}

/**
 * Integer weights whose plain driver split equals the method's exact shares, so every method
 * runs through the same largest-remainder split and inherits its exactness.
 */
export function effectiveWeights(weights: readonly bigint[], method: AllocationMethod, fixedSum?: Amount): bigint[] {
  switch (method.kind) {
    case "driver":
      return [...weights];
    case "equal":
      return weights.map((w) => (w > 0n ? 1n : 0n));
    case "fixed":
      if (fixedSum && !fixedSum.equals(1)) {
        throw new DomainError("PERCENT_SUM", `fasta andelar ska summera till 100 %, men summerar till ${sv(fixedSum.times(100))} %`);
      }
      return [...weights];
    case "mixed": {
      const a = method.equalShare;
      const scale = a.decimalPlaces();
      const denominator = BigInt(new Amount(10).pow(scale).toFixed(0));
      const p = BigInt(a.times(denominator.toString()).toFixed(0));
      let weightSum = 0n;
      let n = 0n;
      for (const w of weights) {
        weightSum += w;
        if (w > 0n) n++;
      }
      // total × (p/D / n + (D−p)/D × w/W) = total × (p·W + (D−p)·n·w) / (D·n·W)
      return weights.map((w) => (w > 0n ? p * weightSum + (denominator - p) * n * w : 0n));
    }
  }
}

/**
 * Allocates a total over a key. Parts are rounded to `decimals` (0–2) by the largest remainder
 * and sum exactly to the total; a negative total is split symmetrically.
 */
export function allocate(
  total: AmountLike,
  entries: readonly KeyEntry[],
  method: AllocationMethod = BY_DRIVER,
  decimals = 0,
): AllocationPart[] {
  return splitByKey(total, entries, method, checkDecimals(decimals));
}

function splitByKey(total: AmountLike, entries: readonly KeyEntry[], method: AllocationMethod, decimals: number): AllocationPart[] {
  validateKey(entries);
  const units = allocateUnits(total, entries.map((e) => e.weight), method, decimals);
  return entries.map((e, i) => ({ member: e.member, weight: e.weight, amount: fromUnits(units[i], decimals) }));
}

/**
 * The split itself, for callers without member names (a FORDELA range of 100 000 cells): parts
 * as signed integer units of 10^-decimals, summing exactly to the total. Weights must be
 * non-negative and not all zero.
 */
export function allocateUnits(total: AmountLike, weights: readonly AmountLike[], method: AllocationMethod = BY_DRIVER, decimals = 0): bigint[] {
  const amount = toAmount(total);
  const integers = integerWeights(weights);
  let fixedSum: Amount | undefined;
  if (method.kind === "fixed") fixedSum = weights.reduce<Amount>((s, w) => s.plus(toAmount(w)), ZERO);
  const units = largestRemainder(toUnits(amount.abs(), decimals), effectiveWeights(integers, method, fixedSum));
  if (amount.isNegative()) for (let i = 0; i < units.length; i++) units[i] = -units[i];
  return units;
}

/** A member or a group of members (a kommun with its administrations or companies). */
export interface KeyNode {
  name: string;
  /** The driver; for a group, defaults to the sum of its children's weights. */
  weight?: Amount;
  children?: KeyNode[];
}

export interface AllocatedNode {
  name: string;
  weight: Amount;
  amount: Amount;
  children?: AllocatedNode[];
}

export function nodeWeight(node: KeyNode): Amount {
  if (node.weight) return node.weight;
  if (!node.children || node.children.length === 0) {
    throw new DomainError("MISSING_VALUE", `'${node.name}' saknar vikt`);
  }
  return node.children.reduce((s, c) => s.plus(nodeWeight(c)), ZERO);
}

/**
 * Allocates to groups, then within each group, down to the members. Every level sums exactly to
 * its parent's amount. The top level uses `method`; lower levels split by driver unless
 * `innerMethod` says otherwise.
 */
export function allocateHierarchy(
  total: AmountLike,
  nodes: readonly KeyNode[],
  method: AllocationMethod = BY_DRIVER,
  decimals = 0,
  innerMethod: AllocationMethod = BY_DRIVER,
): AllocatedNode[] {
  const entries = nodes.map((n) => ({ member: n.name, weight: nodeWeight(n) }));
  const parts = allocate(total, entries, method, decimals);
  return nodes.map((node, i) => {
    const part = parts[i];
    const children = node.children && node.children.length > 0 && !part.amount.isZero()
      ? allocateHierarchy(part.amount, node.children, innerMethod, decimals, innerMethod)
      : node.children?.map((c) => zeroNode(c));
    return { name: node.name, weight: part.weight, amount: part.amount, ...(children ? { children } : {}) };
  });
}

function zeroNode(node: KeyNode): AllocatedNode {
  const weight = node.weight ?? (node.children?.length ? nodeWeight(node) : ZERO);
  return { name: node.name, weight, amount: ZERO, ...(node.children ? { children: node.children.map(zeroNode) } : {}) };
}

/**
 * Each member's share of a key in percent, rounded to `decimals` (0–4) by the largest remainder
 * so the shown shares add up to exactly 100.
 */
export function keySharesPercent(entries: readonly KeyEntry[], method: AllocationMethod = BY_DRIVER, decimals = 2): Amount[] {
  return splitByKey(100, entries, method, checkDecimals(decimals, 4)).map((p) => p.amount);
}
