/**
 * The clipboard's text form of a block of cells, as Excel writes and reads it: cells separated by
 * tabs, rows by CRLF, and a cell that holds a tab, a line break or a double quote put in double
 * quotes with its quotes doubled ("a ""b"""), so a cell with a line break stays one cell.
 */

export function formatTsv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(cell).join("\t")).join("\r\n") + "\r\n";
}

/** A block copied from Excel or from the grid: a final empty line is dropped. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (text[i] === '"') {
      // Quoted only when the closing quote ends the cell; otherwise the quote is plain text.
      let j = i + 1;
      let quoted = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        quoted += text.slice(j, q);
        if (text[q + 1] === '"') {
          quoted += '"';
          j = q + 2;
          continue;
        }
        if (q + 1 === text.length || text[q + 1] === "\t" || text[q + 1] === "\n" || text[q + 1] === "\r") {
          cell = quoted;
          i = q + 1;
          j = -1;
        }
        break;
      }
      if (j !== -1) ({ cell, i } = plainCell(text, i));
    } else ({ cell, i } = plainCell(text, i));
    row.push(cell);
    if (i >= text.length) break;
    if (text[i] === "\t") {
      i++;
      continue;
    }
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= text.length) return rows;
  }
  rows.push(row);
  return rows;
}

function plainCell(text: string, from: number): { cell: string; i: number } {
  let i = from;
  while (i < text.length && text[i] !== "\t" && text[i] !== "\n" && text[i] !== "\r") i++;
  return { cell: text.slice(from, i), i };
}
