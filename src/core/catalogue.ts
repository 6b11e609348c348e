import { Amount, roundAmount } from "./money";
import { CivilDate, compareDates, formatIsoDate } from "./dates";
import { DomainError } from "./errors";
import { memberId } from "./memberIdentity";
import { uplift } from "./fee";

/** One price of the service catalogue (tjänstekatalog), valid over a period. */
export interface PriceEntry {
  service: string;
  unit: string;
  price: Amount;
  validFrom: CivilDate | null;
  validTo: CivilDate | null;
  /** Yearly uplift of the price from the year it becomes valid, e.g. 0.02. */
  yearlyUplift?: Amount;
}

/** A call-off (avrop): a member ordering a quantity of a service on a date. */
export interface CallOff {
  member: string;
  service: string;
  quantity: Amount;
  date: CivilDate;
}

export interface DebitLine {
  member: string;
  service: string;
  unit: string;
  quantity: Amount;
  unitPrice: Amount;
  /** quantity × unit price, rounded per line. */
  amount: Amount;
  date: CivilDate;
  source: string;
}

const within = (p: PriceEntry, date: CivilDate) =>
  (!p.validFrom || compareDates(p.validFrom, date) <= 0) && (!p.validTo || compareDates(date, p.validTo) <= 0);

/** The price of a service valid on a date, uplifted by its index if it has one. */
export function priceOn(prices: readonly PriceEntry[], service: string, date: CivilDate): { entry: PriceEntry; unitPrice: Amount } {
  const candidates = prices.filter((p) => memberId(p.service) === memberId(service));
  if (candidates.length === 0) throw new DomainError("INVALID_ARGUMENT", `tjänsten '${service}' finns inte i prislistan`);
  const valid = candidates.filter((p) => within(p, date));
  if (valid.length === 0) throw new DomainError("MISSING_VALUE", `tjänsten '${service}' har inget pris som gäller ${formatIsoDate(date)}`);
  if (valid.length > 1) throw new DomainError("INVALID_ARGUMENT", `tjänsten '${service}' har ${valid.length} priser som gäller ${formatIsoDate(date)}; giltighetstiderna överlappar`);
  const entry = valid[0];
  const years = entry.yearlyUplift && entry.validFrom ? date.year - entry.validFrom.year : 0;
  const unitPrice = years > 0 ? uplift(entry.price, entry.yearlyUplift!, years, 2) : entry.price;
  return { entry, unitPrice };
}

/** Debit lines for call-offs: quantity × the price valid on the call-off's date, rounded per line. */
export function debitLines(callOffs: readonly CallOff[], prices: readonly PriceEntry[], decimals = 2): DebitLine[] {
  return callOffs.map((c) => {
    const { entry, unitPrice } = priceOn(prices, c.service, c.date);
    return {
      member: c.member,
      service: entry.service,
      unit: entry.unit,
      quantity: c.quantity,
      unitPrice,
      amount: roundAmount(c.quantity.times(unitPrice), decimals),
      date: c.date,
      source: `avrop ${formatIsoDate(c.date)}`,
    };
  });
}
