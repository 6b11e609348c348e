import { SourceTable } from "../core/cells";
import { HostingOption } from "../core/hosting";
import { Amount } from "../core/money";
import { FieldSpec, guessMapping } from "./fields";
import { ImportResult, importRecords, readAmount, readText } from "./records";

export type HostingCostField = "option" | "item" | "kind" | "amount";

export interface HostingCostRecord {
  option: string;
  item: string;
  kind: "monthly" | "oneOff";
  amount: Amount;
}

export const HOSTING_COST_FIELDS: readonly FieldSpec<HostingCostField>[] = [
  { field: "option", label: "Alternativ", headers: ["Alternativ", "Driftform", "Lösning"], required: true },
  { field: "item", label: "Post", headers: ["Post", "Kostnad", "Beskrivning"], required: true },
  { field: "kind", label: "Typ", headers: ["Typ", "Kostnadstyp"], required: true },
  { field: "amount", label: "Belopp", headers: ["Belopp", "Kr"], required: true },
];

const readKind = (cell: unknown): "monthly" | "oneOff" => {
  const text = String(cell ?? "").trim().toLowerCase();
  if (/^(per månad|månad|månadsvis|mån|löpande)$/.test(text)) return "monthly";
  if (/^(engång|engångskostnad|engångs)$/.test(text)) return "oneOff";
  throw new Error(`typen '${String(cell ?? "")}' ska vara "per månad" eller "engång"`);
};

/** Hosting costs, one row per cost: Alternativ; Post; Typ (per månad | engång); Belopp. */
export function importHostingCosts(table: SourceTable): ImportResult<HostingCostRecord> {
  return importRecords(table, HOSTING_COST_FIELDS, guessMapping(table.headers, HOSTING_COST_FIELDS), (get) => ({
    option: get("option", readText),
    item: get("item", readText),
    kind: get("kind", readKind),
    amount: get("amount", (cell) => {
      const a = readAmount(cell);
      if (a === null) throw new Error("beloppet saknas");
      return a;
    }),
  }), (r) => (r.option === "" ? { column: "Alternativ", message: "värde saknas" } : null));
}

/** The alternatives in the order they first appear, each with its monthly and one-off lines. */
export function hostingOptions(records: readonly HostingCostRecord[]): HostingOption[] {
  const byName = new Map<string, { name: string; monthly: { label: string; amount: Amount }[]; oneOff: { label: string; amount: Amount }[] }>();
  for (const r of records) {
    const key = r.option.trim().toLowerCase();
    const option = byName.get(key) ?? { name: r.option, monthly: [], oneOff: [] };
    (r.kind === "monthly" ? option.monthly : option.oneOff).push({ label: r.item, amount: r.amount });
    byName.set(key, option);
  }
  return [...byName.values()];
}
