import { Amount, ZERO } from "./money";
import { NumberUnit, formatAmount, readNumberText } from "./numberText";
import { amountFromCellNumber } from "./cellNumber";

/**
 * Tables as municipalities print them: a header of one or two rows, section rows, lines,
 * labelled and unlabelled subtotals, a grand total, and separate blocks after a blank row. This
 * module gives every row its role and every column its name and kind; it decides nothing about
 * what a table means (that is the model's) and corrects nothing (that is nobody's).
 */

/** A cell as it comes from a CSV field, an xlsx cell, a pasted range, or an exact amount. */
export type PrintedInput = string | number | boolean | Date | null | undefined | Amount;

export type PrintedValue =
  | { kind: "empty" }
  /** "n/a", "saknas": no value, which is not zero. */
  | { kind: "missing"; text: string }
  | { kind: "number"; value: Amount; unit: NumberUnit; decimals: number; text: string; accounting?: true }
  | { kind: "text"; text: string };

export type RowRole =
  /** A label and nothing else: a section of a budget, a group of a key. */
  | "section"
  /** A row that takes part: a budget line, a member of a key, a system in a follow-up. */
  | "line"
  /** Closes the lines of its group or since the last subtotal. */
  | "subtotal"
  /** A row after a subtotal that a following block total adds to it (a member's "Medlemsbidrag"). */
  | "addition"
  /** A subtotal plus the additions after it ("Totalt medlemsbidrag Ask"). */
  | "block-total"
  /** The grand total: all lines of the block, never lines plus subtotals. */
  | "total";

export interface PrintedRow {
  /** The row in the file or range (1-based). */
  line: number;
  /** The first cell's text; "" on an unlabelled total. */
  label: string;
  role: RowRole;
  /** The section (key group) the row stands in, or null before the first section row. */
  group: string | null;
  /** One value per column, the label column included (as text). */
  cells: PrintedValue[];
  /** For a subtotal or block total: the indexes (in `rows`) of the lines it sums, or of its subtotal and additions; a grand total sums every line. */
  sums?: number[];
  /** For a closing row: what each summed column should show (column index → the sum it stands for). */
  expected?: ReadonlyMap<number, Amount>;
}

export type ColumnKind = "label" | "amount" | "share" | "ratio" | "text";

export interface PrintedColumn {
  index: number;
  /** The name users see: the header, or "Björkby / Diff" under a block header. */
  name: string;
  /** The name in the lower header row alone ("Diff"). */
  header: string;
  /** The upper header that covers this column (a kommun over its block), or null. */
  block: string | null;
  kind: ColumnKind;
}

export interface PrintedBlock {
  /**
   * "table": a header and rows; "pairs": label → one amount per row, like a fee calculation under
   * a budget; "headerless": rows with no header above them, which nothing reads as a table.
   */
  kind: "table" | "pairs" | "headerless";
  /** Lines of the header rows (none for a block that continues under an earlier header). */
  headerLines: number[];
  columns: PrintedColumn[];
  rows: PrintedRow[];
}

export interface PrintedNotice {
  line: number;
  column: string;
  message: string;
}

export interface PrintedTable {
  file: string;
  blocks: PrintedBlock[];
  /** What the reader read in a way the user should know of (bare parentheses read as negative). */
  notices: PrintedNotice[];
}

export interface PrintedGrid {
  file: string;
  rows: readonly (readonly PrintedInput[])[];
  /** The line of each row (1-based); a gap between two lines is a blank row. Defaults to 1, 2, 3 … */
  lines?: readonly number[];
}

const TOTAL_LABEL = /^(summa|totalt?|delsumma|s:a)(\s|:|$)/i;

/** "Summa …", "Totalt …", "Total", "Totalt:", "Delsumma", "SUMMA": a row that closes others. */
export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label.trim());
}

/** Headers that name a ratio, which a total recomputes rather than sums: "Per invånare", "Timpris". */
const RATIO_HEADER = /(^|\s)per(\s|$)|pris|snitt|\//i;
const RATIO_UNITS: ReadonlySet<NumberUnit> = new Set(["kr/h", "kr/mån", "kr/år"]);

export function printedValue(cell: PrintedInput): PrintedValue {
  if (cell === null || cell === undefined) return { kind: "empty" };
  if (Amount.isDecimal(cell)) return { kind: "number", value: cell as Amount, unit: "none", decimals: (cell as Amount).decimalPlaces(), text: (cell as Amount).toString() };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "text", text: String(cell) };
    const value = amountFromCellNumber(cell);
    return { kind: "number", value, unit: "none", decimals: value.decimalPlaces(), text: String(cell) };
  }
  if (cell instanceof Date) return { kind: "text", text: cell.toISOString().slice(0, 10) };
  if (typeof cell === "boolean") return { kind: "text", text: cell ? "SANT" : "FALSKT" };
  const text = String(cell);
  if (text.trim() === "") return { kind: "empty" };
  const parsed = readNumberText(text);
  if (parsed === null) return { kind: "text", text: text.trim() };
  if (parsed.kind === "blank") return { kind: "empty" };
  if (parsed.kind === "missing") return { kind: "missing", text: text.trim() };
  return { ...parsed, text: text.trim() };
}

const isNumber = (v: PrintedValue): v is PrintedValue & { kind: "number" } => v.kind === "number";
const hasValue = (v: PrintedValue) => v.kind === "number" || v.kind === "missing";
const labelOf = (v: PrintedValue | undefined) => (v === undefined || v.kind === "empty" ? "" : v.kind === "number" ? v.text : v.text);

/** A header cell that is a year ("2025", "2026") reads as a name, not as a number. */
const YEAR = /^(19|20)\d\d$/;
function isHeaderRow(cells: readonly PrintedValue[], labelColumn: number): boolean {
  // A label alone is a section row (or a title), never column names.
  return cells.every((c) => c.kind !== "number" || YEAR.test(c.text)) && cells.some((c, j) => j !== labelColumn && c.kind === "text");
}

const isSparse = (cells: readonly PrintedValue[], labelColumn: number) => cells.some((c, j) => j !== labelColumn && c.kind === "empty");
const isLabelOnly = (cells: readonly PrintedValue[], labelColumn: number) => cells.every((c, j) => (j === labelColumn ? c.kind !== "empty" : c.kind === "empty"));

/**
 * Reads a grid as printed. The header is the last of the text-only rows at the top; a row above
 * it with names in some columns only (an exported merged cell) is a block header whose names
 * cover their column and those to the right up to the next name. A blank row ends a table: what
 * follows is another block, never more lines of the one above.
 */
export function readPrintedTable(grid: PrintedGrid, options: { labelColumn?: number } = {}): PrintedTable {
  const labelColumn = options.labelColumn ?? 0;
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const lines = grid.lines ?? grid.rows.map((_, i) => i + 1);
  const parsed = grid.rows.map((r) => Array.from({ length: width }, (_, j) => printedValue(r[j])));
  const notices: PrintedNotice[] = [];

  // Runs of non-blank rows; a gap in the line numbers is a blank row too (readers drop them).
  const runs: number[][] = [];
  let run: number[] = [];
  parsed.forEach((cells, i) => {
    const blank = cells.every((c) => c.kind === "empty");
    const gap = i > 0 && lines[i] - lines[i - 1] > 1;
    if ((blank || gap) && run.length > 0) {
      runs.push(run);
      run = [];
    }
    if (!blank) run.push(i);
  });
  if (run.length > 0) runs.push(run);

  const blocks: PrintedBlock[] = [];
  let columns: PrintedColumn[] | null = null;
  for (const indexes of runs) {
    // Titles above the header ("Budget 2027") are a label alone followed by column names.
    let first = 0;
    while (first + 1 < indexes.length && isLabelOnly(parsed[indexes[first]], labelColumn) && (isLabelOnly(parsed[indexes[first + 1]], labelColumn) || isHeaderRow(parsed[indexes[first + 1]], labelColumn))) first++;
    if (first > 0 && !isHeaderRow(parsed[indexes[first]], labelColumn)) first = 0;
    let end = first;
    while (end < indexes.length && isHeaderRow(parsed[indexes[end]], labelColumn)) end++;
    // Two header rows only when the upper one is a block header (names over some columns, as an
    // exported merged cell prints); otherwise the first is the header and text rows under it are data.
    const upper = parsed[indexes[end - 2]];
    const twoRows = end - first >= 2 && end < indexes.length && (isSparse(upper, labelColumn) || upper[labelColumn].kind === "empty");
    const start = end === first ? first : twoRows ? end : first + 1;
    const headerIndexes = indexes.slice(twoRows ? end - 2 : first, start);
    const body = indexes.slice(start);
    if (headerIndexes.length > 0) {
      columns = columnsFrom(headerIndexes.map((i) => parsed[i]), width, labelColumn);
    } else if (columns === null || isPairs(body.map((i) => parsed[i]), labelColumn)) {
      const block = pairsBlock(body.map((i) => ({ line: lines[i], cells: parsed[i] })), width, labelColumn);
      blocks.push(isPairs(body.map((i) => parsed[i]), labelColumn) ? block : { ...block, kind: "headerless" });
      continue;
    }
    const rows = body.map((i) => ({ line: lines[i], cells: parsed[i] }));
    const block = tableBlock(headerIndexes.map((i) => lines[i]), columns!, rows, labelColumn);
    blocks.push(block);
  }
  for (const block of blocks) {
    for (const row of block.rows) {
      row.cells.forEach((c, j) => {
        if (c.kind === "number" && c.accounting) {
          notices.push({ line: row.line, column: block.columns[j]?.name ?? `kolumn ${j + 1}`, message: `${c.text} lästes som −${formatAmount(c.value.abs(), { decimals: c.value.decimalPlaces() })} (redovisningssed: parentes utan tecken betyder ett negativt belopp)` });
        }
      });
    }
  }
  return { file: grid.file, blocks, notices };
}

function columnsFrom(header: readonly PrintedValue[][], width: number, labelColumn: number): PrintedColumn[] {
  const names = header[header.length - 1].map(labelOf);
  const upper = header.length >= 2 ? header[header.length - 2].map(labelOf) : null;
  // An upper row is a block header when it names columns other than the label column.
  const blockRow = upper && upper.some((t, j) => j !== labelColumn && t !== "") ? upper : null;
  let current: string | null = null;
  return Array.from({ length: width }, (_, j) => {
    if (blockRow && j !== labelColumn && blockRow[j] !== "") current = blockRow[j].trim();
    const block = j === labelColumn ? null : blockRow ? current : null;
    const header = (names[j] ?? "").trim();
    return { index: j, header, block, name: block ? `${block} / ${header}` : header, kind: j === labelColumn ? "label" : "text" };
  });
}

/** Rows with a label and a single amount each, in any column: a calculation, not a table's lines. */
function isPairs(rows: readonly PrintedValue[][], labelColumn: number): boolean {
  return rows.length > 0 && rows.every((cells) => labelOf(cells[labelColumn]) !== "" && cells.filter((c, j) => j !== labelColumn && hasValue(c)).length === 1 && cells.every((c, j) => j === labelColumn || c.kind !== "text"));
}

function pairsBlock(rows: { line: number; cells: PrintedValue[] }[], width: number, labelColumn: number): PrintedBlock {
  const columns: PrintedColumn[] = Array.from({ length: width }, (_, j) => ({ index: j, header: "", block: null, name: `kolumn ${j + 1}`, kind: j === labelColumn ? "label" : "amount" }));
  return { kind: "pairs", headerLines: [], columns, rows: rows.map((r) => ({ line: r.line, label: labelOf(r.cells[labelColumn]), role: "line", group: null, cells: r.cells })) };
}

function columnKind(header: string, values: readonly PrintedValue[]): ColumnKind {
  const numbers = values.filter(isNumber);
  if (numbers.length === 0) return values.some((v) => v.kind === "missing") ? "amount" : "text";
  const percent = numbers.filter((v) => v.unit === "percent").length;
  if (percent * 2 > numbers.length) return "share";
  if (RATIO_HEADER.test(header) || numbers.some((v) => RATIO_UNITS.has(v.unit))) return "ratio";
  const texts = values.filter((v) => v.kind === "text").length;
  return texts > numbers.length ? "text" : "amount";
}

/** The columns whose totals are sums: amounts and counts, not shares, ratios or text. */
export function summedColumns(block: PrintedBlock): PrintedColumn[] {
  return block.columns.filter((c) => c.kind === "amount");
}

function tableBlock(headerLines: number[], header: PrintedColumn[], raw: { line: number; cells: PrintedValue[] }[], labelColumn: number): PrintedBlock {
  const rows: PrintedRow[] = raw.map((r) => {
    const label = labelOf(r.cells[labelColumn]).trim();
    const others = r.cells.filter((_, j) => j !== labelColumn);
    // An empty label makes a closing row only where no other column names the row: a line of a
    // table with two text columns (Avsnitt empty, Kategori "Stadsnät") is a line.
    const namedElsewhere = others.some((c) => c.kind === "text" && !isTotalLabel(labelOf(c).trim()));
    const role: RowRole = label !== "" && others.every((c) => c.kind === "empty") ? "section" : isTotalLabel(label) || (label === "" && others.some(hasValue) && !namedElsewhere) ? "total" : "line";
    return { line: r.line, label, role, group: null, cells: r.cells };
  });
  const columns = header.map((c) => (c.kind === "label" ? c : { ...c, kind: columnKind(c.header, rows.filter((r) => r.role === "line").map((r) => r.cells[c.index])) }));
  const block: PrintedBlock = { kind: "table", headerLines, columns, rows };
  resolveClosingRows(block);
  return block;
}

/**
 * Decides what each closing row closes, by position and by its values: the lines since the last
 * subtotal or section (a subtotal), the last subtotal plus the rows after it (a block total), or
 * every line of the block (the grand total). The reading whose sums the printed values come closest
 * to wins; a printed error therefore never turns a total into a member.
 */
function resolveClosingRows(block: PrintedBlock): void {
  const summed = summedColumns(block);
  let group: string | null = null;
  let sinceClose: number[] = [];
  let sinceSection: number[] = [];
  let lastSubtotal: number | null = null;
  // Every line's values summed as we go, so a long table with many subtotals stays linear.
  const allLines = new Map(summed.map((c) => [c.index, ZERO]));
  const valueOf = (r: number, j: number): Amount => {
    const v = block.rows[r].cells[j];
    return v.kind === "number" ? v.value : ZERO;
  };
  const sumOf = (rows: readonly number[]) => new Map(summed.map((c) => [c.index, rows.reduce((s, r) => s.plus(valueOf(r, c.index)), ZERO)]));
  const addTo = (sums: Map<number, Amount>, r: number, sign: 1 | -1) => {
    for (const c of summed) sums.set(c.index, sums.get(c.index)!.plus(valueOf(r, c.index).times(sign)));
  };

  block.rows.forEach((row, r) => {
    row.group = group;
    if (row.role === "section") {
      group = row.label;
      row.group = group;
      sinceSection = [];
      lastSubtotal = null;
      return;
    }
    if (row.role === "line") {
      sinceClose.push(r);
      sinceSection.push(r);
      addTo(allLines, r, 1);
      return;
    }
    type Candidate = { role: RowRole; sums?: number[]; values: Map<number, Amount> };
    const candidates: Candidate[] = [];
    if (lastSubtotal !== null && sinceClose.length > 0) {
      const base = block.rows[lastSubtotal].expected!;
      const extra = sumOf(sinceClose);
      candidates.push({ role: "block-total", sums: [lastSubtotal, ...sinceClose], values: new Map(summed.map((c) => [c.index, base.get(c.index)!.plus(extra.get(c.index)!)])) });
    }
    if (sinceClose.length > 0) candidates.push({ role: "subtotal", sums: [...sinceClose], values: sumOf(sinceClose) });
    if (sinceSection.length > sinceClose.length) candidates.push({ role: "subtotal", sums: [...sinceSection], values: sumOf(sinceSection) });
    candidates.push({ role: "total", values: new Map(allLines) });
    const score = (c: Candidate) => {
      let misses = 0;
      let distance = ZERO;
      for (const col of summed) {
        const shown = row.cells[col.index];
        if (shown.kind !== "number") continue;
        const want = c.values.get(col.index)!;
        if (!showsRounded(shown, want)) misses++;
        distance = distance.plus(shown.value.minus(want).abs());
      }
      return { misses, distance };
    };
    // The first of equally good readings wins: block total, then subtotal, then grand total.
    let best = candidates[0];
    let bestScore = score(best);
    for (const c of candidates.slice(1)) {
      const s = score(c);
      if (s.misses < bestScore.misses || (s.misses === bestScore.misses && s.distance.lessThan(bestScore.distance))) {
        best = c;
        bestScore = s;
      }
    }
    row.role = best.role;
    row.sums = best.sums;
    row.expected = best.values;
    if (best.role === "block-total") {
      for (const a of sinceClose) {
        block.rows[a].role = "addition";
        addTo(allLines, a, -1);
      }
      lastSubtotal = null;
    } else {
      lastSubtotal = r;
    }
    sinceClose = [];
    sinceSection = [];
  });
  // A total with lines after it closed only those above it; the last closing row over every
  // line is the grand total, however its values were printed.
  let lastLine = -1;
  let lineCount = 0;
  block.rows.forEach((x, i) => {
    if (x.role === "line") {
      lastLine = i;
      lineCount++;
    }
  });
  block.rows.forEach((row, r) => {
    if (row.role === "total" && r < lastLine) {
      row.role = "subtotal";
      row.sums = block.rows.slice(0, r).flatMap((x, i) => (x.role === "line" ? [i] : []));
    }
  });
  const last = [...block.rows].reverse().find((x) => x.role === "subtotal" || x.role === "total");
  if (last && last.role === "subtotal" && (last.sums ?? []).length === lineCount) {
    last.role = "total";
    last.sums = undefined;
  }
}

/** Whether a printed number shows `exact` at its printed decimals (11,75 printed as 11,8). */
export function showsRounded(shown: { value: Amount; decimals: number; unit: NumberUnit }, exact: Amount): boolean {
  if (shown.value.equals(exact)) return true;
  const scale = shown.unit === "tkr" ? new Amount(1000) : shown.unit === "percent" ? new Amount("0.01") : new Amount(1);
  return exact.dividedBy(scale).toDecimalPlaces(shown.decimals, Amount.ROUND_HALF_UP).times(scale).equals(shown.value);
}

/** The rows that take part (lines), with their block; additions, sections and totals never do. */
export function linesOf(block: PrintedBlock): PrintedRow[] {
  return block.rows.filter((r) => r.role === "line");
}

/** A table read from a file as the grid it was printed in: its header row first, gaps kept as blank rows. */
export function printedGridOf(source: { file: string; headers: readonly string[]; rows: readonly (readonly PrintedInput[])[]; rowNumbers: readonly number[]; headerRowNumber?: number }): PrintedGrid {
  return { file: source.file, rows: [source.headers, ...source.rows], lines: [source.headerRowNumber ?? 1, ...source.rowNumbers] };
}
