/** A plain text table for the terminal: numbers right-aligned, text left-aligned. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  // A loop, not Math.max(...rows): spreading 130 000 rows into one call overflows the stack.
  const widths = headers.map((h) => h.length);
  for (const r of rows) r.forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, (c ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, j) => (rightAligned[j] ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
