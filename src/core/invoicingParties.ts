import { ZERO } from "./money";
import { memberId } from "./memberIdentity";
import { InvoiceBasis, MemberInvoice } from "./invoiceBasis";

/**
 * Invoices to the parties that pay, while the key stays per unit: a kommun is invoiced for its
 * units (KS, skola, omsorg …), a bolag for itself. Each unit's lines are kept, named by the unit,
 * so the party sees what it pays for; the totals are the exact sums of those lines, and the
 * organisation's checks are unchanged (every line is still there, once).
 */
export function byInvoicingParty(basis: InvoiceBasis, partyOf: ReadonlyMap<string, string>): InvoiceBasis {
  if (partyOf.size === 0) return basis;
  const parties = new Map<string, MemberInvoice>();
  for (const unit of basis.members) {
    const party = partyOf.get(memberId(unit.member)) ?? unit.member;
    const id = memberId(party);
    let invoice = parties.get(id);
    if (!invoice) parties.set(id, (invoice = { member: party, lines: [], total: ZERO }));
    const own = memberId(party) === memberId(unit.member);
    for (const line of unit.lines) invoice.lines.push(own ? line : { ...line, text: `${unit.member}: ${line.text}` });
    invoice.total = invoice.total.plus(unit.total);
  }
  return { ...basis, members: [...parties.values()] };
}
