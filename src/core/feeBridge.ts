import { Amount, AmountLike, ZERO, toAmount } from "./money";

/** A decided change as listed in the decision: "Säkerhetsövervakning, ny tjänst" +1 500 000. */
export interface FeeChange {
  label: string;
  amount: Amount;
}

export interface BridgeStep {
  label: string;
  amount: Amount;
  /** The fee after this change: last year's fee plus every change up to and including this one. */
  runningTotal: Amount;
}

export interface FeeBridge {
  lastFee: Amount;
  steps: BridgeStep[];
  /** Σ changes. */
  explained: Amount;
  /** Last year's fee + Σ changes: where the listed changes lead. */
  explainedFee: Amount;
  /** This year's decided fee, or null when none was given (then nothing can be left unexplained). */
  newFee: Amount | null;
  /** newFee − lastFee − Σ changes: what the listed changes do not explain. Never folded into a step. */
  remainder: Amount | null;
}

/**
 * The fee bridge: last year's decided fee → each decided change as listed → this year's fee.
 * The changes are already inside the budget lines (DOMAIN.md §3.1), so the bridge explains the
 * difference, it never adds to the fee; what the list does not explain is shown as the remainder.
 */
export function feeBridge(lastFee: AmountLike, changes: readonly { label: string; amount: AmountLike }[], newFee?: AmountLike | null): FeeBridge {
  const last = toAmount(lastFee);
  let running = last;
  const steps = changes.map((c) => {
    const amount = toAmount(c.amount);
    running = running.plus(amount);
    return { label: c.label, amount, runningTotal: running };
  });
  const explained = steps.reduce((s, c) => s.plus(c.amount), ZERO);
  const target = newFee === undefined || newFee === null ? null : toAmount(newFee);
  return {
    lastFee: last,
    steps,
    explained,
    explainedFee: last.plus(explained),
    newFee: target,
    remainder: target === null ? null : target.minus(last).minus(explained),
  };
}
