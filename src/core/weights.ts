import { Amount } from "./amount";
import { DomainError, Location } from "./errors";
import { sv } from "./swedishDigits";

/**
 * The rule for a weight of an allocation key, once: a weight is 0 or more (0 leaves the member
 * out), and at least one weight is above 0, or there is nothing to allocate by. Every reader of a
 * key (the model's key file, FORDELA's ranges, a printed key, the core's key check) asks here.
 */

/**
 * The weight itself, or a NEGATIVE_WEIGHT error: "<prefix>vikten -5 är negativ; …", the weight as
 * the user wrote it (`shown`) or in Swedish digits.
 */
export function checkWeight(weight: Amount, options: { shown?: string; prefix?: string; where?: Location } = {}): Amount {
  if (weight.isNegative() && !weight.isZero()) {
    throw new DomainError("NEGATIVE_WEIGHT", `${options.prefix ?? ""}vikten ${options.shown ?? sv(weight)} är negativ; en vikt ska vara 0 eller större`, options.where ?? {});
  }
  return weight;
}

/** ZERO_WEIGHTS unless some weight is above 0. */
export function checkSomeWeight(weights: Iterable<Amount | number>, where: Location = {}): void {
  for (const w of weights) if (typeof w === "number" ? w > 0 : w.greaterThan(0)) return;
  throw new DomainError("ZERO_WEIGHTS", "alla vikter är noll, så det finns inget att fördela efter", where);
}
