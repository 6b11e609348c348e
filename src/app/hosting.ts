import { CellInput, RowError, SourceTable } from "../core/cells";
import { DomainError } from "../core/errors";
import { HostingComparison, compareHosting } from "../core/hosting";
import { hostingOptions, importHostingCosts } from "../model/hostingCosts";
import { readPrintedKey } from "../model/keyFile";

/**
 * The comparison as a sheet: per alternative its monthly and one-off costs and each year, per
 * member each year, and the difference (first − second). Every total is the sum of its row.
 */
export function hostingRows(c: HostingComparison): CellInput[][] {
  const years = c.options[0]?.years.map((y) => y.year) ?? [];
  const rows: CellInput[][] = [["Alternativ", "Medlem", ...years.map(String), "Summa"]];
  for (const o of c.options) {
    rows.push([o.name, "Alla", ...o.years.map((y) => y.amount), o.total]);
    for (const m of o.members) rows.push([o.name, m.member, ...m.years, m.total]);
  }
  if (c.difference && c.options.length >= 2) {
    const name = `Skillnad (${c.options[0].name} − ${c.options[1].name})`;
    rows.push([name, "Alla", ...c.difference.years, c.difference.total]);
    for (const m of c.difference.members) rows.push([name, m.member, ...m.years, m.total]);
  }
  return rows;
}

/**
 * Hosting alternatives compared from a cost file and a key file (`samkalk hosting`): each
 * alternative's costs over `months` from `start`, per year and per member, and the difference.
 */
export function compareHostingFiles(costs: SourceTable, key: { table: SourceTable; column?: string }, months: number, start: { year: number; month: number }): { errors: RowError[] } | { errors: []; comparison: HostingComparison } {
  const imported = importHostingCosts(costs);
  if (imported.errors.length > 0) return { errors: imported.errors };
  const options = hostingOptions(imported.records);
  if (options.length === 0) throw new DomainError("MISSING_VALUE", "filen har inga kostnader", { file: costs.file });
  return { errors: [], comparison: compareHosting(options, readPrintedKey(key.table, { column: key.column }).entries, months, start) };
}
