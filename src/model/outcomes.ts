import { Outcome } from "../core/reconciliation";
import { SourceTable } from "../core/cells";
import { ColumnMapping, TableModel } from "./fields";
import { ImportResult, importRecords, readAmount, readText } from "./records";

export type OutcomeField = "supplier" | "member" | "invoiced";

export const OUTCOMES: TableModel<OutcomeField> = {
  name: "Utfall",
  fields: [
    { field: "supplier", label: "Leverantör/System", headers: ["Leverantör/System", "Leverantör", "System", "Avtal", "Supplier"], required: true },
    { field: "member", label: "Kommun/Medlem", headers: ["Kommun/Medlem", "Kommun", "Medlem", "Organisation", "Member"], required: true },
    { field: "invoiced", label: "Fakturerat", headers: ["Fakturerat", "Fakturerat belopp", "Utfall", "Belopp", "Invoiced"], required: true, format: "#,##0" },
  ],
};


export function importOutcomes(table: SourceTable, mapping: ColumnMapping<OutcomeField>): ImportResult<Outcome> {
  return importRecords(
    table,
    OUTCOMES.fields,
    mapping,
    (get) => ({ supplier: get("supplier", readText), member: get("member", readText), invoiced: get("invoiced", readAmount) }),
    (o) => (o.supplier === "" ? { column: "Leverantör/System", message: "värde saknas" } : o.member === "" ? { column: "Kommun/Medlem", message: "värde saknas" } : null),
  );
}

export function outcomeTableRows(outcomes: readonly Outcome[]) {
  return outcomes.map((o) => [o.supplier, o.member, o.invoiced]);
}
