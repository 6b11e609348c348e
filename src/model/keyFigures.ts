import { SourceTable } from "../core/cells";
import { Amount } from "../core/money";
import { FieldSpec, guessMapping } from "./fields";
import { ImportResult, importRecords, readAmount, readText } from "./records";

export type KeyFigureField = "member" | "year" | "cost" | "inhabitants";

/** One row of the key-figure input: a member's outcome and population in a year. */
export interface KeyFigureRecord {
  member: string;
  year: number;
  cost: Amount;
  inhabitants: Amount;
}

export const KEY_FIGURE_FIELDS: readonly FieldSpec<KeyFigureField>[] = [
  { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem"], required: true },
  { field: "year", label: "År", headers: ["År", "År (utfall)", "Year"], required: true },
  { field: "cost", label: "Utfall", headers: ["Utfall", "Kostnad", "Belopp", "Fakturerat"], required: true },
  { field: "inhabitants", label: "Invånare", headers: ["Invånare", "Invånarantal", "Folkmängd"], required: true },
];

const readYear = (cell: unknown): number => {
  const text = String(cell ?? "").trim();
  if (!/^(19|20|21)\d\d$/.test(text)) throw new Error(`'${text}' är inget år (ÅÅÅÅ)`);
  return Number(text);
};

const required = (what: string) => (a: Amount | null): Amount => {
  if (a === null) throw new Error(`${what} saknas`);
  return a;
};

/** Outcome and population per member and year, one row each: Medlem; År; Utfall; Invånare. */
export function importKeyFigures(table: SourceTable): ImportResult<KeyFigureRecord> {
  return importRecords(table, KEY_FIGURE_FIELDS, guessMapping(table.headers, KEY_FIGURE_FIELDS), (get) => ({
    member: get("member", readText),
    year: get("year", readYear),
    cost: get("cost", (cell) => required("utfall")(readAmount(cell))),
    inhabitants: get("inhabitants", (cell) => required("invånare")(readAmount(cell))),
  }), (r) => (r.member === "" ? { column: "Medlem", message: "värde saknas" } : null));
}
