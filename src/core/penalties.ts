import { Amount, ZERO, sumAmounts } from "./money";
import { memberId } from "./memberIdentity";
import type { InvoicePeriod } from "./invoicePeriods";

/**
 * A penalty (vite) the supplier owes a member under a contract clause (DOMAIN.md §4): SLA, missing
 * value-adds (börkrav), late delivery, under-performance (lyckade samtal), other must-requirements
 * (skallkrav). Compiled per quarter and invoiced by each member to the supplier, without VAT;
 * never a credit on the members' own fee invoices.
 */
export interface Penalty {
  member: string;
  supplier: string;
  /** The quarter the penalty belongs to. */
  period: InvoicePeriod;
  clause: string;
  amount: Amount;
  note: string;
}

export interface PenaltyInvoice {
  /** Who invoices: the member. */
  member: string;
  /** Who pays: the supplier. */
  supplier: string;
  period: InvoicePeriod;
  lines: Penalty[];
  /** The sum of the lines; penalties carry no VAT. */
  total: Amount;
}

/** Whether a penalty of quarter `p` belongs to `target` (that quarter, or the half-year holding it). */
function withinPeriod(p: InvoicePeriod, target: InvoicePeriod): boolean {
  if (p.year !== target.year) return false;
  if (p.kind === target.kind) return p.index === target.index;
  return p.kind === "Q" && target.kind === "H" && Math.ceil(p.index / 2) === target.index;
}

/** One invoice basis per member and supplier for the period, every penalty line with its clause, in input order. */
export function penaltyInvoices(penalties: readonly Penalty[], period: InvoicePeriod): PenaltyInvoice[] {
  const invoices = new Map<string, PenaltyInvoice>();
  for (const p of penalties) {
    if (!withinPeriod(p.period, period)) continue;
    const key = `${memberId(p.member)}\u0000${memberId(p.supplier)}`;
    const invoice = invoices.get(key) ?? { member: p.member, supplier: p.supplier, period, lines: [], total: ZERO };
    invoice.lines.push(p);
    invoice.total = sumAmounts(invoice.lines.map((l) => l.amount));
    invoices.set(key, invoice);
  }
  return [...invoices.values()];
}
