import { CellInput } from "../core/cells";
import { HostingComparison } from "../core/hosting";

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
