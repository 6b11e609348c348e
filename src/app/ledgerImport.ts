import { formatIsoDate } from "../core/dates";
import { count } from "../core/plural";
import { AccountMapping, ledgerOutcomes } from "../core/ledger";
import { formatAmount } from "../core/numberText";
import { Outcome } from "../core/reconciliation";
import { RowError } from "../core/cells";
import { parseSie } from "../io/sie";
import { WorkbookPort } from "../workbook/port";
import { TABLES, readAccountMapping, readTable } from "../model/tables";

export interface LedgerImport {
  outcomes: Outcome[];
  /** Transactions of the year on mapped accounts that no mapping row matches: shown, never dropped. */
  unmapped: RowError[];
  /** Lines of the file or rows of the mapping that cannot be read: nothing is imported while there are any. */
  errors: RowError[];
  summary: string;
}

export function isLedgerFile(name: string): boolean {
  return /\.(se|si|sie)$/i.test(name);
}

/** Fakturerat per member and system from an SIE 4 file, by the workbook's Kontomappning table. */
export async function readLedgerOutcomes(wb: WorkbookPort, bytes: Uint8Array, file: string, year: number): Promise<LedgerImport> {
  const errors: RowError[] = [];
  const [table] = await wb.readTables([TABLES.accountMapping]);
  const mapping = readTable(table, errors, readAccountMapping);
  return ledgerImport(bytes, file, mapping.records, errors, year);
}

/**
 * Fakturerat per member and system from an SIE 4 file and an account mapping however it was read
 * (the workbook's table in the pane, a file in the CLI), with the mapping's own row errors.
 */
export function ledgerImport(bytes: Uint8Array, file: string, mapping: readonly AccountMapping[], mappingErrors: readonly RowError[], year: number): LedgerImport {
  const sie = parseSie(bytes, file);
  const errors: RowError[] = [...sie.errors, ...mappingErrors];
  if (mapping.length === 0 && mappingErrors.length === 0) {
    errors.push({ file: `tabellen ${TABLES.accountMapping}`, row: 1, column: "Konto", message: "tabellen Kontomappning saknas eller är tom: den säger vilket konto (och objekt) som är vilken medlem och vilket system" });
  }
  if (errors.length > 0) return { outcomes: [], unmapped: [], errors, summary: "" };
  const result = ledgerOutcomes(sie.transactions, mapping, year);
  const unmapped = result.unmapped.map((t) => ({
    file, row: t.line, column: "",
    message: `konto ${t.account}, verifikat ${t.voucher} ${formatIsoDate(t.date)}, ${formatAmount(t.amount, { decimals: 2, unit: "kr" })} "${t.text}" passar ingen rad i Kontomappning${Object.keys(t.objects).length ? ` (objekt ${Object.entries(t.objects).map(([d, o]) => `${d}:${o}`).join(" ")})` : ""}`,
  }));
  const mapped = result.used.reduce((a, b) => a + b, 0);
  return { outcomes: result.outcomes, unmapped, errors: [], summary: `${file}: ${count(mapped, "transaktion", "transaktioner")} ${year} blev ${count(result.outcomes.length, "rad", "rader")} Fakturerat; ${unmapped.length} omappade på mappade konton, ${result.otherAccounts} på andra konton.` };
}
