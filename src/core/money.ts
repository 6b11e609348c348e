import Decimal from "decimal.js";
import { DomainError } from "./errors";

/**
 * Exact decimal amounts. A private clone keeps our precision and half-up rounding
 * (away from zero, as Swedish invoices round) without touching the global decimal.js state.
 */
export const Amount = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Amount = Decimal;

export const ZERO = new Amount(0);

export type AmountLike = Amount | number | string | bigint;

export function toAmount(value: AmountLike): Amount {
  if (typeof value === "bigint") return new Amount(value.toString());
  // A JS number is read by its shortest round-trip text, so 0.1 means 0.1 and not the binary
  // neighbour: that is what the user typed into the cell.
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new DomainError("NOT_A_NUMBER", `${String(value)} är inget ändligt tal`);
    }
    return new Amount(String(value));
  }
  return new Amount(value);
}

/** Allowed decimal counts for amounts: whole kronor (0) to öre (2). */
export function checkDecimals(decimals: number, max = 2): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > max) {
    throw new DomainError("OUT_OF_RANGE", `decimaler måste vara ett heltal från 0 till ${max}, inte ${decimals}`);
  }
  return decimals;
}

/** Half-up rounding (away from zero) to a number of decimals. */
export function roundAmount(value: AmountLike, decimals = 0): Amount {
  return toAmount(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export function sumAmounts(values: Iterable<Amount>): Amount {
  let sum = ZERO;
  for (const v of values) sum = sum.plus(v);
  return sum;
}

/** Number of decimals a value is written with (0 for integers). */
export function decimalsOf(value: Amount): number {
  return value.decimalPlaces();
}

/**
 * The amount in integer units of 10^-decimals. Throws if the amount is finer than the unit:
 * a split at whole kronor cannot add up to 100,50 kr, so we refuse rather than lose the öre.
 */
export function toUnits(value: Amount, decimals: number): bigint {
  const scaled = value.times(new Amount(10).pow(decimals));
  if (!scaled.isInteger()) {
    throw new DomainError(
      "PRECISION",
      `beloppet ${value.toFixed()} har fler decimaler än ${decimals}; välj fler decimaler eller avrunda beloppet först`,
    );
  }
  return BigInt(scaled.toFixed(0));
}

export function fromUnits(units: bigint, decimals: number): Amount {
  return new Amount(units.toString()).dividedBy(new Amount(10).pow(decimals));
}

/**
 * Non-negative decimal weights as integers on one common scale, so that ratios between them are
 * exact. Weights are validated by the caller.
 */
export function weightsToIntegers(weights: readonly Amount[]): bigint[] {
  let scale = 0;
  for (const w of weights) scale = Math.max(scale, w.decimalPlaces());
  const factor = new Amount(10).pow(scale);
  return weights.map((w) => BigInt(w.times(factor).toFixed(0)));
}

/**
 * Largest remainder (Hamilton) split of a non-negative integer number of units by non-negative
 * integer weights. Each part gets floor(total·w/W); the units left over go one each to the parts
 * with the largest remainders, ties broken by larger weight, then by input order. The parts sum
 * to `total` exactly and each is within one unit of its exact share. Pure BigInt: this is the
 * hot loop behind FORDELA over 100 000 cells.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const n = weights.length;
  let weightSum = 0n;
  for (let i = 0; i < n; i++) weightSum += weights[i];
  if (weightSum === 0n) {
    throw new DomainError("ZERO_WEIGHTS", "alla vikter är noll, så det finns inget att fördela efter");
  }
  const parts = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const product = total * weights[i];
    const part = product / weightSum;
    parts[i] = part;
    remainders[i] = product - part * weightSum;
    given += part;
  }
  let left = Number(total - given);
  if (left === 0) return parts;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const byRemainder = remainders[b] - remainders[a];
    if (byRemainder !== 0n) return byRemainder > 0n ? 1 : -1;
    const byWeight = weights[b] - weights[a];
    if (byWeight !== 0n) return byWeight > 0n ? 1 : -1;
    return a - b;
  });
  for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1n;
  return parts;
}

/**
 * Splits an amount by weights into parts rounded to `decimals` that sum exactly to the amount.
 * A negative amount (a surplus to credit back) is split as its absolute value and negated, so
 * the split is symmetric.
 */
export function splitAmount(amount: AmountLike, weights: readonly AmountLike[], decimals = 0): Amount[] {
  const total = toAmount(amount);
  const ws = weights.map(toAmount);
  ws.forEach((w, i) => {
    if (w.isNegative() && !w.isZero()) {
      throw new DomainError("NEGATIVE_WEIGHT", `vikten på plats ${i + 1} är negativ (${w.toFixed()})`);
    }
  });
  const units = toUnits(total.abs(), decimals);
  const parts = largestRemainder(units, weightsToIntegers(ws));
  const sign = total.isNegative() ? -1n : 1n;
  return parts.map((p) => fromUnits(sign * p, decimals));
}
