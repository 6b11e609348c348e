import Decimal from "decimal.js";

/**
 * Exact decimal amounts. A private clone keeps our precision and half-up rounding
 * (away from zero, as Swedish invoices round) without touching the global decimal.js state.
 */
export const Amount = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Amount = Decimal;
