import { Amount } from "../core/money";
import { SourceTable } from "../core/cells";
import { Reconciliation, reconcile } from "../core/reconciliation";
import { Finding, checkPrintedTable } from "../core/tablecheck";
import { PrintedNotice } from "../core/printedTable";
import { readFollowUp } from "../model/followUp";
import { KNOWN_RULES } from "../model/tableRules";
import { Member } from "../model/tables";

export interface FollowUpReport {
  result: Reconciliation;
  /** What the printed table gets wrong: a Diff that is not Avtalat − Fakturerat, a total that is not its rows. */
  findings: Finding[];
  notices: PrintedNotice[];
}

/**
 * A follow-up that holds both agreed and invoiced amounts, reconciled as the register and the
 * outcomes would be, with the printed table's own figures checked and never trusted.
 */
export function reconcileFollowUp(source: SourceTable, members: readonly Member[]): FollowUpReport {
  const { rows, printed } = readFollowUp(source);
  const inhabitants = new Map(members.filter((m) => m.inhabitants).map((m) => [m.member, m.inhabitants!] as [string, Amount]));
  const result = reconcile(
    rows.map((r) => ({ member: r.member, supplier: r.supplier, agreed: r.agreed })),
    rows.filter((r) => r.invoiced !== null).map((r) => ({ member: r.member, supplier: r.supplier, invoiced: r.invoiced })),
    inhabitants,
  );
  return { result, findings: checkPrintedTable(printed, { knownRules: KNOWN_RULES }), notices: printed.notices };
}
