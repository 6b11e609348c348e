import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";

/** A small read-only table for previews and summaries; numbers are right-aligned. */
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
              {row.map((cell, c) => <TableCell key={c} className={typeof cell === "number" ? "samkalk-number" : undefined}>{cell === null ? "" : String(cell)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
