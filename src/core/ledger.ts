import { Amount, ZERO } from "./money";
import { CivilDate } from "./dates";
import { Outcome } from "./reconciliation";
import { memberId } from "./memberIdentity";

/** One booked transaction of a ledger export (SIE #TRANS within a #VER). */
export interface LedgerTransaction {
  account: string;
  /** Objects as dimension → object, e.g. { "1": "100" } for cost centre 100. */
  objects: Record<string, string>;
  amount: Amount;
  date: CivilDate;
  text: string;
  /** Where it stands in the file (line of the #TRANS), for messages. */
  line: number;
  /** The voucher, e.g. "A 12". */
  voucher: string;
}

/**
 * One row of the account mapping: transactions on `account` (optionally only those with the
 * object, written "dim:obj" or just "obj", or whose text contains `text`) are Fakturerat for
 * member and supplier/system. The first matching row wins.
 */
export interface AccountMapping {
  account: string;
  object: string;
  text: string;
  member: string;
  supplier: string;
}

export interface LedgerOutcome {
  outcomes: Outcome[];
  /** Transactions of the year on a mapped account that no rule matched: listed, never dropped. */
  unmapped: LedgerTransaction[];
  /** How many of the year's transactions each mapping row took. */
  used: number[];
  /** Transactions of the year on accounts the mapping does not mention. */
  otherAccounts: number;
}

function matches(rule: AccountMapping, t: LedgerTransaction): boolean {
  if (rule.account.trim() !== t.account) return false;
  const object = rule.object.trim();
  if (object) {
    const [dim, obj] = object.includes(":") ? object.split(":", 2).map((s) => s.trim()) : [null, object];
    const found = dim === null ? Object.values(t.objects).includes(obj) : t.objects[dim] === obj;
    if (!found) return false;
  }
  const text = rule.text.trim();
  return !text || memberId(t.text).includes(memberId(text));
}

/**
 * Turns a ledger's transactions of `year` into Fakturerat per member and supplier/system by the
 * mapping. Transactions on a mapped account that no rule matches are returned as unmapped.
 */
export function ledgerOutcomes(transactions: readonly LedgerTransaction[], mapping: readonly AccountMapping[], year: number): LedgerOutcome {
  const mappedAccounts = new Set(mapping.map((m) => m.account.trim()));
  const sums = new Map<string, Outcome>();
  const used = mapping.map(() => 0);
  const unmapped: LedgerTransaction[] = [];
  let otherAccounts = 0;
  for (const t of transactions) {
    if (t.date.year !== year) continue;
    if (!mappedAccounts.has(t.account)) {
      otherAccounts++;
      continue;
    }
    const index = mapping.findIndex((rule) => matches(rule, t));
    if (index < 0) {
      unmapped.push(t);
      continue;
    }
    used[index]++;
    const rule = mapping[index];
    const key = `${memberId(rule.member)}\u0000${memberId(rule.supplier)}`;
    const outcome = sums.get(key) ?? { member: rule.member, supplier: rule.supplier, invoiced: ZERO };
    outcome.invoiced = outcome.invoiced!.plus(t.amount);
    sums.set(key, outcome);
  }
  return { outcomes: [...sums.values()], unmapped, used, otherAccounts };
}
