import { Amount } from "../core/money";
import { CallOff, PriceEntry } from "../core/catalogue";
import { SourceTable } from "../core/cells";
import { ColumnMapping, TableModel } from "./fields";
import { FieldReader, ImportResult, excelDate, importRecords, readAmount, readDate, readText } from "./records";

export type PriceField = "service" | "unit" | "price" | "validFrom" | "validTo" | "uplift";
export type CallOffField = "member" | "service" | "quantity" | "date";

export const PRICES: TableModel<PriceField> = {
  name: "Prislista",
  fields: [
    { field: "service", label: "Tjänst", headers: ["Tjänst", "Tjänstenamn", "Service"], required: true },
    { field: "unit", label: "Enhet", headers: ["Enhet", "Unit"], required: false },
    { field: "price", label: "Pris", headers: ["Pris", "Pris per enhet", "À-pris", "Styckpris", "Price"], required: true, format: "#,##0.00" },
    { field: "validFrom", label: "Giltig från", headers: ["Giltig från", "Från", "Fr.o.m."], required: false, format: "yyyy-mm-dd" },
    { field: "validTo", label: "Giltig till", headers: ["Giltig till", "Till", "T.o.m."], required: false, format: "yyyy-mm-dd" },
    { field: "uplift", label: "Årlig uppräkning", headers: ["Årlig uppräkning", "Uppräkning", "Index"], required: false, format: "0.0%" },
  ],
};

export const CALL_OFFS: TableModel<CallOffField> = {
  name: "Avrop",
  fields: [
    { field: "member", label: "Medlem", headers: ["Medlem", "Kommun", "Kommun/Medlem", "Beställare"], required: true },
    { field: "service", label: "Tjänst", headers: ["Tjänst", "Tjänstenamn", "Service"], required: true },
    { field: "quantity", label: "Antal", headers: ["Antal", "Volym", "Kvantitet", "Quantity"], required: true, format: "#,##0.##" },
    { field: "date", label: "Datum", headers: ["Datum", "Avropsdatum", "Beställningsdatum", "Date"], required: true, format: "yyyy-mm-dd" },
  ],
};


/** A reader for an amount that must be there; its error is recorded like any other field's. */
const requiredAmount = (what: string): FieldReader<Amount> => (cell) => {
  const value = readAmount(cell);
  if (value === null) throw new Error(`${what} saknas`);
  return value;
};

export function importPrices(table: SourceTable, mapping: ColumnMapping<PriceField>): ImportResult<PriceEntry> {
  return importRecords(
    table,
    PRICES.fields,
    mapping,
    (get) => ({
      service: get("service", readText),
      unit: get("unit", readText),
      price: get("price", requiredAmount("priset")),
      validFrom: get("validFrom", readDate),
      validTo: get("validTo", readDate),
      yearlyUplift: get("uplift", readAmount) ?? undefined,
    }),
    (p) => (p.service === "" ? { column: "Tjänst", message: "värde saknas" } : p.price.isNegative() ? { column: "Pris", message: "priset är negativt" } : null),
  );
}

export function importCallOffs(table: SourceTable, mapping: ColumnMapping<CallOffField>): ImportResult<CallOff> {
  return importRecords(
    table,
    CALL_OFFS.fields,
    mapping,
    (get) => ({
      member: get("member", readText),
      service: get("service", readText),
      quantity: get("quantity", requiredAmount("antalet")),
      date: get("date", readDate)!,
    }),
    (c) => (c.member === "" ? { column: "Medlem", message: "värde saknas" } : c.service === "" ? { column: "Tjänst", message: "värde saknas" } : !c.date ? { column: "Datum", message: "datum saknas" } : null),
  );
}

export function priceTableRows(prices: readonly PriceEntry[]) {
  return prices.map((p) => [p.service, p.unit || null, p.price, excelDate(p.validFrom), excelDate(p.validTo), p.yearlyUplift ?? null]);
}

export function callOffTableRows(callOffs: readonly CallOff[]) {
  return callOffs.map((c) => [c.member, c.service, c.quantity, excelDate(c.date)]);
}
