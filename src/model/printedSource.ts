import { SourceCell, SourceTable } from "../core/cells";
import { PrintedTable, PrintedValue, printedGridOf, readPrintedTable } from "../core/printedTable";

/**
 * A table as printed (sections, subtotals, a fee block under it) as the plain source table the
 * model's importers read: the first table's combined headers, its lines with their section in
 * `sectionHeader`, and its closing rows kept under a "Summa" label so checks still see them.
 * Blocks after a blank row are left out: they are other tables, never more lines.
 */
export function printedLines(source: SourceTable, labelColumn: number, sectionHeader: string): { table: SourceTable; printed: PrintedTable } {
  const printed = readPrintedTable(printedGridOf(source), { labelColumn });
  const block = printed.blocks.find((b) => b.kind === "table");
  if (!block) return { table: { ...source, rows: [], rowNumbers: [] }, printed };
  const hasSections = block.rows.some((r) => r.role === "section");
  const headers = [...block.columns.map((c) => c.name), ...(hasSections ? [sectionHeader] : [])];
  const rows: SourceCell[][] = [];
  const rowNumbers: number[] = [];
  for (const row of block.rows) {
    if (row.role === "section") continue;
    const cells = row.cells.map(sourceCell);
    if (row.role !== "line" && row.label === "") cells[labelColumn] = "Summa";
    if (hasSections) cells.push(row.group ?? "");
    rows.push(cells);
    rowNumbers.push(row.line);
  }
  return { table: { file: source.file, headers, rows, rowNumbers, headerRowNumber: block.headerLines[block.headerLines.length - 1] }, printed };
}

/** The cell as the importers read it: numbers exact as text with a decimal point, everything else as printed. */
function sourceCell(value: PrintedValue): SourceCell {
  if (value.kind === "empty") return null;
  if (value.kind === "number") return value.unit === "none" || value.unit === "kr" ? value.value.toFixed() : value.text;
  return value.text;
}
