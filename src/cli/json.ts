import { Amount } from "../core/money";
import { Finding } from "../core/tablecheck";

/** An exact amount as a JSON number: amounts within 15 significant digits are exact in a double. */
export function jsonAmount(a: Amount | null): number | null {
  return a === null ? null : Number(a.toString());
}

/** A table-check finding as `samkalk check --json` and `samkalk fee --json` print it. */
export function findingJson(f: Finding) {
  return { kind: f.kind, row: f.row, column: f.column, expected: jsonAmount(f.expected), actual: jsonAmount(f.actual), difference: jsonAmount(f.difference), message: f.message };
}
