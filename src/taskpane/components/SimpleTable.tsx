import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";

/** "372 000", "-1 205,50", "26,18 %", "+55,27": an amount as the pane prints it, never to be wrapped. */
const NUMBER_TEXT = /^[+\-−]?\d{1,3}([\s\u00a0\u202f]\d{3})*(,\d+)?(\s?%)?$/;

export const isNumberText = (cell: string | number | null) => typeof cell === "number" || (typeof cell === "string" && NUMBER_TEXT.test(cell.trim()));

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
