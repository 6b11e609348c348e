import { Amount, AmountLike, checkDecimals, fromUnits, largestRemainder, toAmount, toUnits } from "./money";
import { DomainError } from "./errors";

export function checkPeriodCount(periods: number): number {
  if (!Number.isInteger(periods) || periods < 1 || periods > 1200) {
    throw new DomainError("OUT_OF_RANGE", `antal perioder måste vara ett heltal från 1 till 1200, inte ${periods}`);
  }
  return periods;
}

/** Splits an annual amount into n equal periods (4 quarters, 2 half-years, 12 months …) that sum exactly. */
export function splitPeriods(amount: AmountLike, periods: number, decimals = 0): Amount[] {
  checkPeriodCount(periods);
  const total = toAmount(amount);
  const units = largestRemainder(toUnits(total.abs(), checkDecimals(decimals)), new Array<bigint>(periods).fill(1n));
  const sign = total.isNegative() ? -1n : 1n;
  return units.map((u) => fromUnits(sign * u, decimals));
}

export interface PeriodTable {
  /** cells[member][period]: each is the member's year / n rounded down or up. */
  cells: Amount[][];
  /** The organisation's own period amounts: the sum of the years split by largest remainder. */
  periodTotals: Amount[];
}

const floorDiv = (a: bigint, b: bigint) => {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
};

/**
 * Splits each member's year into n equal periods so that the table is exact both ways
 * (controlled rounding, DOMAIN.md §3.5): every member's periods sum to its year, and every
 * period's members sum to the organisation's period amount (the total year split by the largest
 * remainder). Each cell is its exact value year/n rounded down or up. Rounding each member's year
 * on its own breaks the second sum by a krona or two.
 *
 * Every cell starts at floor(year/n); a member then needs r = year − n·floor extra units, one
 * per period at most, and period j needs c_j (which differ by at most one between periods). This
 * 0/1 matrix with row sums r and near-equal column sums always exists (Gale–Ryser); it is built
 * deterministically: members with the most extra units first (ties in input order), each giving
 * its units to the periods that still need the most (ties: the earlier period).
 */
export function periodTable(years: readonly AmountLike[], periods: number, decimals = 0): PeriodTable {
  checkPeriodCount(periods);
  checkDecimals(decimals);
  const n = BigInt(periods);
  const units = years.map((y) => toUnits(toAmount(y), decimals));
  const base = units.map((u) => floorDiv(u, n));
  const extra = units.map((u, i) => Number(u - base[i] * n));
  const total = units.reduce((s, u) => s + u, 0n);
  const sign = total < 0n ? -1n : 1n;
  const periodUnits = largestRemainder(sign * total, new Array<bigint>(periods).fill(1n)).map((u) => sign * u);
  const baseSum = base.reduce((s, b) => s + b, 0n);
  const need = periodUnits.map((p) => Number(p - baseSum));

  const cells = base.map((b) => new Array<bigint>(periods).fill(b));
  const order = extra.map((_, i) => i).filter((i) => extra[i] > 0).sort((a, b) => extra[b] - extra[a] || a - b);
  for (const i of order) {
    const columns = need.map((_, j) => j).sort((a, b) => need[b] - need[a] || a - b).slice(0, extra[i]);
    for (const j of columns) {
      if (need[j] <= 0) throw new DomainError("INVALID_ARGUMENT", "perioderna kan inte avrundas så att både rader och kolumner summerar");
      cells[i][j] += 1n;
      need[j] -= 1;
    }
  }
  return {
    cells: cells.map((row) => row.map((u) => fromUnits(u, decimals))),
    periodTotals: periodUnits.map((u) => fromUnits(u, decimals)),
  };
}
