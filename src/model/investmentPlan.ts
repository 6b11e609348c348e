import { SourceCell, SourceTable } from "../core/cells";
import { Investment } from "../core/capitalCost";
import { Amount } from "../core/money";
import { sv } from "../core/swedishDigits";
import { FieldSpec, guessMapping } from "./fields";
import { ImportResult, importRecords, readAmount, readText } from "./records";

export type InvestmentField = "name" | "year" | "amount" | "years" | "volume";

export const INVESTMENT_FIELDS: readonly FieldSpec<InvestmentField>[] = [
  { field: "name", label: "Investering", headers: ["Investering", "Objekt", "Projekt", "Post"], required: true },
  { field: "year", label: "År", headers: ["År", "Investeringsår", "Tas i bruk"], required: true },
  { field: "amount", label: "Belopp", headers: ["Belopp", "Investeringsbelopp", "Utgift"], required: true },
  { field: "years", label: "Avskrivningstid", headers: ["Avskrivningstid", "Avskrivningsår", "Nyttjandeperiod", "År att skriva av"], required: true },
];

/** A number in a message the Swedish way: a decimal comma, and groups of thousands except in a year ("2027,5"). */
const numberText = (a: Amount, year: boolean): string => (year ? a.toFixed().replace(".", ",") : sv(a));

const wholeNumber = (what: string, min: number, max: number, year = false) => (cell: SourceCell): number => {
  const a = readAmount(cell);
  if (a === null) throw new Error(`${what} saknas`);
  if (!a.isInteger() || a.lessThan(min) || a.greaterThan(max)) throw new Error(`${what} ska vara ett heltal från ${min} till ${max}, inte ${numberText(a, year)}`);
  return a.toNumber();
};

const amount = (cell: SourceCell): Amount => {
  const a = readAmount(cell);
  if (a === null) throw new Error("beloppet saknas");
  return a;
};

/** An investment plan, one row per investment: Investering; År; Belopp; Avskrivningstid. */
export function importInvestments(table: SourceTable): ImportResult<Investment> {
  return importRecords(table, INVESTMENT_FIELDS, guessMapping(table.headers, INVESTMENT_FIELDS), (get) => ({
    name: get("name", readText),
    year: get("year", wholeNumber("året", 1900, 2200, true)),
    amount: get("amount", amount),
    years: get("years", wholeNumber("avskrivningstiden", 1, 100)),
  }), (r) => (r.name === "" ? { column: "Investering", message: "värde saknas" } : null));
}
