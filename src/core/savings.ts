import { Amount, AmountLike, ZERO, toAmount } from "./money";
import { DomainError } from "./errors";
import { sv } from "./swedishDigits";

/** One activity of a procurement: hours for one member alone, and for all of them together. */
export interface ProcurementActivity {
  activity: string;
  /** Hours one member spends doing it alone. */
  oneMember: AmountLike;
  /** Hours all n members spend doing it together, once. */
  together: AmountLike;
  /** Hours for the n members each doing it alone; n × oneMember when not given (members differ). */
  separately?: AmountLike;
}

export interface ActivitySavings {
  activity: string;
  oneMember: Amount;
  separately: Amount;
  together: Amount;
  savedHours: Amount;
  /** separately × hourly cost, together × hourly cost, and the difference (kr, exact). */
  separateCost: Amount;
  togetherCost: Amount;
  saving: Amount;
  /** savedHours / separately, an exact fraction (show it rounded half up). */
  share: Amount | null;
}

export interface ProcurementSavings {
  members: number;
  hourlyCost: Amount;
  activities: ActivitySavings[];
  total: ActivitySavings;
}

function activitySavings(a: { activity: string; oneMember: Amount; separately: Amount; together: Amount }, rate: Amount): ActivitySavings {
  const savedHours = a.separately.minus(a.together);
  return {
    ...a,
    savedHours,
    separateCost: a.separately.times(rate),
    togetherCost: a.together.times(rate),
    saving: savedHours.times(rate),
    share: a.separately.isZero() ? null : savedHours.dividedBy(a.separately),
  };
}

/**
 * Joint procurement savings (DOMAIN.md §5): hours for n members separately minus hours for all
 * together, × the internal hourly cost. The percentage of the whole is Σ saved hours / Σ hours
 * separately — a weighted figure: the average of the activities' percentages is not it (a report
 * that averaged them printed 47 % where 52,59 % was right).
 */
export function procurementSavings(activities: readonly ProcurementActivity[], members: number, hourlyCost: AmountLike): ProcurementSavings {
  if (!Number.isInteger(members) || members < 1 || members > 10_000) {
    throw new DomainError("OUT_OF_RANGE", `antal medlemmar måste vara ett heltal från 1 till 10 000, inte ${members}`);
  }
  const rate = toAmount(hourlyCost);
  if (rate.isNegative()) throw new DomainError("OUT_OF_RANGE", `timkostnaden kan inte vara negativ (${sv(rate)})`);
  if (activities.length === 0) throw new DomainError("MISSING_VALUE", "det finns inga aktiviteter att räkna på");
  const rows = activities.map((a) => {
    const oneMember = toAmount(a.oneMember);
    const together = toAmount(a.together);
    const separately = a.separately === undefined ? oneMember.times(members) : toAmount(a.separately);
    for (const [what, v] of [["timmar för en medlem", oneMember], ["timmar tillsammans", together], ["timmar var för sig", separately]] as const) {
      if (v.isNegative()) throw new DomainError("OUT_OF_RANGE", `${a.activity}: ${what} kan inte vara negativa (${sv(v)})`);
    }
    return activitySavings({ activity: a.activity, oneMember, separately, together }, rate);
  });
  const sum = (f: (r: ActivitySavings) => Amount) => rows.reduce((s, r) => s.plus(f(r)), ZERO);
  const total = activitySavings({ activity: "Summa", oneMember: sum((r) => r.oneMember), separately: sum((r) => r.separately), together: sum((r) => r.together) }, rate);
  return { members, hourlyCost: rate, activities: rows, total };
}
