import { Amount, ZERO, sumAmounts } from "./money";
import { InvoicePeriod, periodLabel, periodRange, periodsPerYear } from "./invoicePeriods";
import { formatAmount } from "./numberText";
import { CivilDate, addDays, compareDates, formatIsoDate } from "./dates";
import { DomainError, isDomainError } from "./errors";
import { memberId } from "./memberIdentity";
import { FixedCost } from "./fee";
import { YearSchedule } from "./invoicing";
import { periodTable } from "./periods";
import { CallOff, PriceEntry, debitLines, priceOn } from "./catalogue";
import { Guarantee, contractYearEnd, yearEndShortfall } from "./guaranteedVolumes";
import { Penalty } from "./penalties";

export type { InvoicePeriod } from "./invoicePeriods";
export { parsePeriod, periodLabel, periodRange, periodsPerYear } from "./invoicePeriods";

const inPeriod = (date: CivilDate, p: InvoicePeriod) => {
  const { from, to } = periodRange(p);
  return compareDates(date, from) >= 0 && compareDates(date, to) < 0;
};

const num = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces() });
const kr = (a: Amount, decimals = a.decimalPlaces()) => formatAmount(a, { decimals, unit: "kr" });

/** What a member's invoice from the organisation holds. Penalties are not here: they are the
 * members' claims on the supplier, invoiced by each member (see penalties.ts). */
export type Component = "medlemsbidrag" | "fasta kostnader" | "tjänster" | "garanterad volym";
export const COMPONENTS: Component[] = ["medlemsbidrag", "fasta kostnader", "tjänster", "garanterad volym"];

export interface InvoiceLine {
  component: Component;
  text: string;
  source: string;
  amount: Amount;
}

export interface MemberInvoice {
  member: string;
  lines: InvoiceLine[];
  total: Amount;
}

export interface ComponentCheck {
  component: Component;
  organisation: Amount;
  members: Amount;
  difference: Amount;
  explanation: string;
}

export interface InvoiceBasis {
  period: InvoicePeriod;
  members: MemberInvoice[];
  checks: ComponentCheck[];
}

export interface InvoiceInput {
  period: InvoicePeriod;
  /** The year's invoicing of the fee by key versions, with true-ups (periods of the same kind). */
  schedule: YearSchedule;
  /** Member-specific costs for the year, line by line. */
  memberCosts: readonly FixedCost[];
  prices: readonly PriceEntry[];
  callOffs: readonly CallOff[];
  guarantees: readonly Guarantee[];
}

export interface InvoiceProblem {
  list: "members" | "callOffs" | "penalties";
  /** Index in that list. */
  index: number;
  /** The field at fault in its list; the model names its column. */
  field: "member" | "service" | "date";
  message: string;
}

/**
 * What would make an invoice basis wrong, found before computing it: a member outside the key
 * (the key must cover every member), a call-off or penalty for someone who is no member, a
 * call-off for a service without a price valid on its date.
 */
export function invoiceProblems(
  key: readonly { member: string }[],
  members: readonly { member: string }[],
  prices: readonly PriceEntry[],
  callOffs: readonly CallOff[],
  penalties: readonly Penalty[],
): InvoiceProblem[] {
  const problems: InvoiceProblem[] = [];
  const inKey = new Set(key.map((k) => memberId(k.member)));
  members.forEach((m, index) => {
    if (!inKey.has(memberId(m.member))) problems.push({ list: "members", index, field: "member", message: `medlemmen '${m.member}' finns inte i nyckeln; nyckeln ska täcka varje medlem` });
  });
  callOffs.forEach((c, index) => {
    if (!inKey.has(memberId(c.member))) problems.push({ list: "callOffs", index, field: "member", message: `'${c.member}' är ingen medlem i nyckeln` });
    try {
      priceOn(prices, c.service, c.date);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push({ list: "callOffs", index, field: error.code === "MISSING_VALUE" ? "date" : "service", message: error.message });
    }
  });
  penalties.forEach((p, index) => {
    if (!inKey.has(memberId(p.member))) problems.push({ list: "penalties", index, field: "member", message: `'${p.member}' är ingen medlem i nyckeln` });
  });
  return problems;
}

/**
 * One invoice basis per member for the period: the period's part of its annual fee (split so the
 * periods sum exactly to the year), catalogue debits of call-offs in the period, guaranteed-volume
 * shortfalls of contract years that ended in the period. Every component is
 * checked against the organisation's own total for the period; a difference is explained.
 */
export function invoiceBasis(input: InvoiceInput): InvoiceBasis {
  const { period, schedule } = input;
  const n = periodsPerYear(period);
  const label = periodLabel(period);
  if (schedule.periods.length !== n || schedule.year !== period.year) {
    throw new DomainError("INVALID_ARGUMENT", `faktureringsplanen gäller ${schedule.year} med ${schedule.periods.length} perioder, men perioden är ${label}`);
  }
  const members = new Map<string, MemberInvoice>();
  const memberOf = (name: string) => {
    let m = members.get(memberId(name));
    if (!m) members.set(memberId(name), (m = { member: name, lines: [], total: ZERO }));
    return m;
  };
  for (const name of schedule.members) memberOf(name);
  for (const cost of input.memberCosts) memberOf(cost.member);
  const memberFor = (name: string, what: string) => {
    const m = members.get(memberId(name));
    if (!m) throw new DomainError("INVALID_ARGUMENT", `${what} gäller '${name}', som inte är medlem (finns inte i nyckeln)`);
    return m;
  };
  const add = (m: MemberInvoice, line: InvoiceLine) => {
    m.lines.push(line);
    m.total = m.total.plus(line.amount);
  };

  const scheduled = schedule.periods[period.index - 1];
  const version = scheduled.version;
  schedule.members.forEach((name, i) => {
    const m = memberOf(name);
    add(m, { component: "medlemsbidrag", text: `Andel av medlemsbidraget, ${label}`, source: `nyckel ${version.name} (${version.driver})`, amount: scheduled.amounts[i] });
    if (!scheduled.trueUps[i].isZero()) {
      add(m, { component: "medlemsbidrag", text: `Justering av tidigare perioder ${period.year} till nyckel ${version.name}`, source: `ny nyckel − fakturerat för perioderna före ${label}`, amount: scheduled.trueUps[i] });
    }
  });
  const costs = periodTable(input.memberCosts.map((c) => c.amount), n);
  input.memberCosts.forEach((cost, i) => {
    add(memberOf(cost.member), { component: "fasta kostnader", text: `${cost.label}, ${label}`, source: `årsbelopp ${kr(cost.amount)}`, amount: costs.cells[i][period.index - 1] });
  });
  const calls = input.callOffs.filter((c) => inPeriod(c.date, period));
  for (const line of debitLines(calls, input.prices)) {
    add(memberFor(line.member, `avropet av ${line.service}`), { component: "tjänster", text: `${line.service}: ${num(line.quantity)} ${line.unit} × ${kr(line.unitPrice, 2)}`, source: line.source, amount: line.amount });
  }
  // A pooled shortfall is charged in the period that holds the last day of the contract year;
  // the organisation's figure is the supplier's, so the check is cost in = cost out against it.
  let supplierShortfalls = ZERO;
  for (const g of input.guarantees) {
    const lastDay = addDays(contractYearEnd(g), -1);
    if (!inPeriod(lastDay, period)) continue;
    const pool = yearEndShortfall(g, input.callOffs);
    supplierShortfalls = supplierShortfalls.plus(pool.amount);
    for (const charge of pool.charges) {
      if (charge.amount.isZero()) continue;
      add(memberFor(charge.member, `garantin för ${g.service}`), {
        component: "garanterad volym",
        text: `${g.service}: underskott ${num(pool.shortfall)} av garanterade ${num(pool.guaranteed)} för alla medlemmar (egen andel ${num(charge.guaranteed)}, beställt ${num(charge.ordered)})`,
        source: `${g.supplier}, avtalsår till ${formatIsoDate(lastDay)}`,
        amount: charge.amount,
      });
    }
  }

  const list = [...members.values()];
  const byComponent = (c: Component) => sumAmounts(list.flatMap((m) => m.lines.filter((l) => l.component === c).map((l) => l.amount)));
  const organisation: Record<Component, Amount> = {
    medlemsbidrag: scheduled.total,
    "fasta kostnader": input.memberCosts.length ? costs.periodTotals[period.index - 1] : ZERO,
    tjänster: sumAmounts(debitLines(calls, input.prices).map((l) => l.amount)),
    "garanterad volym": supplierShortfalls,
  };
  const checks = COMPONENTS.map((component) => {
    const membersSum = byComponent(component);
    const difference = membersSum.minus(organisation[component]);
    const explanation = difference.isZero() ? "summerar exakt" : `medlemmarnas summa avviker med ${kr(difference)}`;
    return { component, organisation: organisation[component], members: membersSum, difference, explanation };
  });
  return { period, members: list, checks };
}

/** A member's invoice summed per component, in COMPONENTS order, and its total. */
export interface ComponentRow {
  member: string;
  components: Amount[];
  total: Amount;
}

/** The summary of an invoice basis: one row per member and the Summa row, all exact. */
export function basisSummary(basis: InvoiceBasis): { rows: ComponentRow[]; total: ComponentRow } {
  const rows = basis.members.map((m) => ({
    member: m.member,
    components: COMPONENTS.map((c) => sumAmounts(m.lines.filter((l) => l.component === c).map((l) => l.amount))),
    total: m.total,
  }));
  return {
    rows,
    total: { member: "Summa", components: COMPONENTS.map((_, i) => sumAmounts(rows.map((r) => r.components[i]))), total: sumAmounts(rows.map((r) => r.total)) },
  };
}
