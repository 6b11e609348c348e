import { readNumberText } from "../../core/numberText";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";

/**
 * A cell the pane prints as a bare amount or percentage ("372 000", "−113 300", "26,18 %"), read
 * by the core's Swedish number reader; the unit of an amount is in its column's header.
 */
export function isNumberText(cell: string | number | null): boolean {
  if (typeof cell === "number") return true;
  if (typeof cell !== "string") return false;
  const read = readNumberText(cell);
  return read?.kind === "number" && (read.unit === "none" || read.unit === "percent");
}

/** A small read-only table for previews and summaries; numbers are right-aligned and never wrap. */
export function SimpleTable({ headers, rows, label }: { headers: readonly string[]; rows: readonly (readonly (string | number | null)[])[]; label: string }) {
  return (
    <div className="samkalk-table-wrap">
      <Table size="extra-small" aria-label={label}>
        <TableHeader>
          <TableRow>{headers.map((h, i) => <TableHeaderCell key={i}>{h}</TableHeaderCell>)}</TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((cell, c) => <TableCell key={c} className={isNumberText(cell) ? "samkalk-number" : undefined}>{cell === null ? "" : String(cell)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
