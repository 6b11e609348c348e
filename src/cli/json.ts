import { DomainError } from "../core/errors";
import { Amount } from "../core/money";
import { Finding } from "../core/tablecheck";

/** An exact amount as a JSON number: amounts within 15 significant digits are exact in a double. */
export function jsonAmount(a: Amount | null): number | null {
  if (a === null) return null;
  const n = Number(a.toString());
  // JSON.stringify writes Infinity as null: a number past 1e308 would silently become "no value".
  if (!Number.isFinite(n)) throw new DomainError("OUT_OF_RANGE", `beloppet ${a.toExponential(3).replace(".", ",")} är för stort för ett JSON-tal (högst cirka 1,8 · 10^308); skriv utan --json`);
  return n;
}

/** A table-check finding as `samkalk check --json` and `samkalk fee --json` print it. */
export function findingJson(f: Finding) {
  return { kind: f.kind, row: f.row, column: f.column, expected: jsonAmount(f.expected), actual: jsonAmount(f.actual), difference: jsonAmount(f.difference), message: f.message };
}
