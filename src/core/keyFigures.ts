import { Amount, AmountLike, roundAmount, toAmount } from "./money";
import { DomainError } from "./errors";
import { memberId } from "./memberIdentity";

export interface MemberYearValue {
  member: string;
  year: number;
  value: AmountLike;
}

export interface KeyFigureCell {
  year: number;
  cost: Amount;
  inhabitants: Amount;
  /** cost / inhabitants, exact (show it rounded half up). */
  perInhabitant: Amount;
  /** perInhabitant against the year before: (this − last) / last, exact; null in the first year or after a gap. */
  change: Amount | null;
}

export interface KeyFigureRow {
  member: string;
  cells: KeyFigureCell[];
}

/**
 * Cost per inhabitant per member and year, with the change in % from the year before, from the
 * outcomes (cost per member and year) and the members' population. A member and year with a cost
 * and no population (or the reverse) is refused by name, never left out silently.
 */
export function costPerInhabitant(costs: readonly MemberYearValue[], population: readonly MemberYearValue[]): KeyFigureRow[] {
  const key = (m: string, y: number) => `${memberId(m)}\u0000${y}`;
  const people = new Map<string, Amount>();
  for (const p of population) {
    const k = key(p.member, p.year);
    if (people.has(k)) throw new DomainError("DUPLICATE_MEMBER", `${p.member} har två invånartal för ${p.year}`);
    people.set(k, toAmount(p.value));
  }
  const rows = new Map<string, KeyFigureRow>();
  const seen = new Set<string>();
  for (const c of costs) {
    const k = key(c.member, c.year);
    if (seen.has(k)) throw new DomainError("DUPLICATE_MEMBER", `${c.member} har två utfall för ${c.year}; summera dem först`);
    seen.add(k);
    const inhabitants = people.get(k);
    if (inhabitants === undefined) throw new DomainError("MISSING_VALUE", `invånartal saknas för ${c.member} ${c.year}`);
    if (!inhabitants.greaterThan(0)) throw new DomainError("DIVISION_BY_ZERO", `${c.member} har ${inhabitants.toFixed()} invånare ${c.year}`);
    const cost = toAmount(c.value);
    const row = rows.get(memberId(c.member)) ?? { member: c.member, cells: [] };
    row.cells.push({ year: c.year, cost, inhabitants, perInhabitant: cost.dividedBy(inhabitants), change: null });
    rows.set(memberId(c.member), row);
  }
  for (const row of rows.values()) {
    row.cells.sort((a, b) => a.year - b.year);
    row.cells.forEach((cell, i) => {
      const before = row.cells[i - 1];
      if (before && before.year === cell.year - 1 && !before.perInhabitant.isZero()) {
        cell.change = cell.perInhabitant.minus(before.perInhabitant).dividedBy(before.perInhabitant);
      }
    });
  }
  return [...rows.values()];
}

/** The figures as shown: kronor per inhabitant with 2 decimals, change in % with 1, half up. */
export function shownKeyFigure(cell: KeyFigureCell): { perInhabitant: Amount; changePercent: Amount | null } {
  return { perInhabitant: roundAmount(cell.perInhabitant, 2), changePercent: cell.change === null ? null : roundAmount(cell.change.times(100), 1) };
}
