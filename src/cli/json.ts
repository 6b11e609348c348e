import { DomainError } from "../core/errors";
import { Amount } from "../core/money";
import { EXCEL_DIGITS, amountFromCellNumber } from "../core/cellNumber";
import { Finding } from "../core/tablecheck";

/**
 * An amount as a JSON number. A double holds 15 significant digits exactly, as an Excel cell does:
 * the number printed must read back as the amount to those 15 digits (the rule of
 * core/cellNumber.ts), so an amount the double cannot hold is refused in Swedish instead of being
 * printed as null (past 1e308, which JSON.stringify writes as null), as 0 (below 1e-308) or with
 * digits lost (a subnormal double).
 */
export function jsonAmount(a: Amount | null): number | null {
  if (a === null) return null;
  const n = Number(a.toString());
  const exact = Number.isFinite(n) && amountFromCellNumber(n).equals(a.toSignificantDigits(EXCEL_DIGITS));
  if (!exact) throw new DomainError("OUT_OF_RANGE", `beloppet ${a.toExponential(3).replace(".", ",")} ryms inte i ett JSON-tal med ${EXCEL_DIGITS} värdesiffror (från cirka 2,2 · 10^-308 till 1,8 · 10^308); skriv utan --json`);
  return n;
}

/** A table-check finding as `samkalk check --json` and `samkalk fee --json` print it. */
export function findingJson(f: Finding) {
  return { kind: f.kind, row: f.row, column: f.column, expected: jsonAmount(f.expected), actual: jsonAmount(f.actual), difference: jsonAmount(f.difference), message: f.message };
}
