import { Contract } from "../core/contracts";
import { compareDates, formatIsoDate } from "../core/dates";
import { SourceTable } from "../core/cells";
import { FieldSpec, ColumnMapping } from "./fields";
import { ImportResult, excelDate, importRecords, readAmount, readDate, readText, readWholeMonths } from "./records";

export type ContractField = "supplier" | "member" | "agreed" | "start" | "end" | "renewalMonths" | "noticeMonths" | "index";

export const CONTRACT_FIELDS: readonly FieldSpec<ContractField>[] = [
  { field: "supplier", label: "Leverantör/System", headers: ["Leverantör/System", "Leverantör", "System", "Avtal", "Supplier"], required: true },
  { field: "member", label: "Kommun/Medlem", headers: ["Kommun/Medlem", "Kommun", "Medlem", "Organisation", "Member"], required: true },
  { field: "agreed", label: "Avtalat", headers: ["Avtalat", "Avtalat belopp", "Avtalad kostnad", "Årskostnad", "Agreed"], required: true },
  { field: "start", label: "Startdatum", headers: ["Startdatum", "Start", "Avtalsstart", "Giltig från"], required: false },
  { field: "end", label: "Slutdatum", headers: ["Slutdatum", "Slut", "Avtalsslut", "Giltig till"], required: false },
  { field: "renewalMonths", label: "Förlängning (mån)", headers: ["Förlängning (mån)", "Förlängning", "Förlängning månader", "Automatisk förlängning"], required: false },
  { field: "noticeMonths", label: "Uppsägningstid (mån)", headers: ["Uppsägningstid (mån)", "Uppsägningstid", "Uppsägning", "Uppsägningstid månader"], required: false },
  { field: "index", label: "Index", headers: ["Index", "Indexklausul", "Indexering"], required: false },
];

/** The columns of the workbook's Avtal table, in order. */
export const CONTRACT_TABLE_HEADERS = CONTRACT_FIELDS.map((f) => f.label);
export const CONTRACT_TABLE_FORMATS = [null, null, "#,##0", "yyyy-mm-dd", "yyyy-mm-dd", "0", "0", null];

export interface ImportedContract extends Contract {
  indexText: string;
}

export function importContracts(table: SourceTable, mapping: ColumnMapping<ContractField>): ImportResult<ImportedContract> {
  return importRecords(
    table,
    CONTRACT_FIELDS,
    mapping,
    (get) => ({
      supplier: get("supplier", readText),
      member: get("member", readText),
      agreed: get("agreed", readAmount),
      start: get("start", readDate),
      end: get("end", readDate),
      renewalMonths: get("renewalMonths", readWholeMonths),
      noticeMonths: get("noticeMonths", readWholeMonths),
      indexText: get("index", readText),
    }),
    (c) => {
      if (c.supplier === "") return { column: "Leverantör/System", message: "värde saknas" };
      if (c.member === "") return { column: "Kommun/Medlem", message: "värde saknas" };
      if (c.start && c.end && compareDates(c.start, c.end) > 0) {
        return { column: "Slutdatum", message: `slutdatum ${formatIsoDate(c.end)} ligger före startdatum ${formatIsoDate(c.start)}` };
      }
      return null;
    },
  );
}

export function contractTableRows(contracts: readonly ImportedContract[]) {
  return contracts.map((c) => [c.supplier, c.member, c.agreed, excelDate(c.start), excelDate(c.end), c.renewalMonths, c.noticeMonths, c.indexText || null]);
}
