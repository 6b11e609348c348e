import { tableHeaders } from "../model/fields";
import { tableFormats } from "../model/fields";
import { CellInput, isCellError } from "../core/cells";
import { AmountLike } from "../core/money";
import { makeDate } from "../core/dates";
import { DomainError } from "../core/errors";
import { PriceEntry } from "../core/catalogue";
import { CapitalPlan, Investment, capitalPlan, pricePerUnit } from "../core/capitalCost";
import { PRICES, priceTableRows } from "../model/catalogue";
import { TableSpec, WorkbookPort } from "../workbook/port";
import { identityText } from "../core/memberIdentity";

export interface CapitalCostResult {
  plan: CapitalPlan;
  /** One price per year with a volume: the year's capital cost / its volume, valid that calendar year. */
  prices: PriceEntry[];
}

/**
 * An investment plan's capital costs and, for the years a volume is given, the price per unit as
 * Prislista rows (service, unit, price, valid 1 January – 31 December).
 */
export function capitalCosts(investments: readonly Investment[], rate: AmountLike, pricing?: { service: string; unit: string; volumes: ReadonlyMap<number, AmountLike> }): CapitalCostResult {
  const plan = capitalPlan(investments, rate);
  const prices: PriceEntry[] = [];
  for (const [year, volume] of pricing?.volumes ?? []) {
    const y = plan.perYear.find((p) => p.year === year);
    if (!y) throw new DomainError("OUT_OF_RANGE", `investeringsplanen har ingen kapitalkostnad ${year}`);
    prices.push({ service: pricing!.service, unit: pricing!.unit, price: pricePerUnit(y.capitalCost, volume), validFrom: makeDate(year, 1, 1), validTo: makeDate(year, 12, 31) });
  }
  return { plan, prices };
}

/** The plan as a sheet: one row per investment and year, then the sum per year. */
export function capitalCostRows(plan: CapitalPlan): CellInput[][] {
  const rows: CellInput[][] = [["Investering", "År", "Bokfört värde vid årets början", "Avskrivning", "Internränta", "Kapitalkostnad"]];
  for (const inv of plan.investments) for (const y of inv.years) rows.push([inv.name, y.year, y.bookValue, y.depreciation, y.interest, y.capitalCost]);
  for (const y of plan.perYear) rows.push([`Summa ${y.year}`, y.year, null, y.depreciation, y.interest, y.capitalCost]);
  return rows;
}

/** The prices as the Prislista table takes them, for the port's writeTables. */
export function priceListSpec(prices: readonly PriceEntry[], sheet = "Prislista"): TableSpec {
  return { name: "Prislista", sheet, headers: tableHeaders(PRICES), rows: priceTableRows(prices), numberFormats: tableFormats(PRICES) };
}

/**
 * Adds the prices to the workbook's Prislista, keeping every price already there except one for
 * the same service and the same first day (which the new price replaces): the capital cost is
 * recalculated each year, the rest of the catalogue is not ours to touch.
 */
export async function addToPriceList(port: WorkbookPort, prices: readonly PriceEntry[]): Promise<void> {
  const [existing] = await port.readTables(["Prislista"]);
  const spec = priceListSpec(prices, existing?.sheet ?? "Prislista");
  if (!existing) return port.writeTables([spec]);
  const ids = existing.headers.map(identityText);
  if (ids.length !== tableHeaders(PRICES).length || tableHeaders(PRICES).some((h, i) => identityText(h) !== ids[i])) {
    throw new DomainError("INVALID_ARGUMENT", `tabellen Prislista har kolumnerna ${existing.headers.join(", ")}; väntade ${tableHeaders(PRICES).join(", ")}. Importera prislistan igen så att den har Samkalks kolumner`, { table: "Prislista", sheet: existing.sheet });
  }
  const clash = (row: readonly unknown[]) => spec.rows.some((r) => identityText(String(r[0] ?? "")) === identityText(String(row[0] ?? "")) && r[3] === row[3]);
  const kept = existing.rows.filter((row) => !clash(row)).map((row) => row.map((c) => (isCellError(c) ? null : c)));
  await port.writeTables([{ ...spec, rows: [...kept, ...spec.rows] }]);
}
