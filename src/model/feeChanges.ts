import { Amount } from "../core/money";
import { readYear } from "../core/years";
import { FieldReader, ReadableTable, readAmount, readRows, readText } from "./records";

/** A change to the fee as the board decided it, for a budget year: what the fee bridge explains. */
export interface FeeChangeRow {
  year: number;
  label: string;
  amount: Amount;
  /** Where it was decided ("KF 2026-06-15 § 84"); blank when not noted. */
  decision: string;
}

const budgetYear: FieldReader<number> = (cell) => readYear(readText(cell), "År");

/**
 * Förändringar: the decided changes to the fee, a row each, so the fee bridge can be made from the
 * model year after year instead of from a pasted list:
 * År;Förändring;Belopp;Beslut
 * 2027;Säkerhetsövervakning, ny tjänst;1 500 000;Förbundsstyrelsen 2026-05-20 § 31
 */
export const FEE_CHANGES: ReadableTable<"year" | "label" | "amount" | "decision", FeeChangeRow> = {
  name: "Förändringar",
  fields: [
    { field: "year", label: "År", headers: ["År", "Budgetår", "Avser år"], required: true, format: "0" },
    { field: "label", label: "Förändring", headers: ["Förändring", "Beslutad förändring", "Post", "Text"], required: true },
    { field: "amount", label: "Belopp", headers: ["Belopp", "Förändring kr", "Kr"], required: true, format: "+#,##0;-#,##0;0" },
    { field: "decision", label: "Beslut", headers: ["Beslut", "Beslutat", "Paragraf"], required: false },
  ],
  read: (source) =>
    readRows(FEE_CHANGES, (get) => ({ year: get("year", budgetYear), label: get("label", readText), amount: get("amount", readAmount)!, decision: get("decision", readText) }), (c) =>
      c.label === "" ? { column: "Förändring", message: "värde saknas: skriv vad som ändrades" } : c.amount === null ? { column: "Belopp", message: "belopp saknas" } : null,
    )(source),
  rows: (records) => records.map((c) => [c.year, c.label, c.amount, c.decision || null]),
  importNoun: "förändringar",
};
