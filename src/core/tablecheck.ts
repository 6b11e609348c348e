import { amountFromCellNumber } from "./cellNumber";
import { Amount, ZERO } from "./money";
import { formatAmount } from "./numberText";
import { DomainError } from "./errors";
import { PrintedBlock, PrintedColumn, PrintedInput, PrintedRow, PrintedTable, PrintedValue, readPrintedTable, showsRounded, summedColumns } from "./printedTable";

export { isTotalLabel } from "./printedTable";

/** A cell as it comes from a CSV field or an Excel range, or an exact amount the product computed. */
export type Cell = PrintedInput;

export type FindingKind = "total-row" | "rule" | "share" | "unparsable";

export interface Finding {
  kind: FindingKind;
  /** The row's label (first column), or "rad N" when it has none. */
  row: string;
  /** 1-based row in the table or file, the (first) header row being row 1 of a grid. */
  rowNumber: number;
  /** The column's name as users see it ("Björkby / Diff" under a block header). */
  column: string;
  /** 1-based column in the table, the labels being column 1. */
  columnNumber: number;
  /** The value the table should show; shares as fractions (55,26 % is 0.5526). */
  expected: Amount | null;
  /** The value it shows. */
  actual: Amount | null;
  /** actual − expected: positive when the table shows too much. */
  difference: Amount | null;
  /** The cell as printed, e.g. "55,27%". */
  shown?: string;
  message: string;
}

/** One term of a rule: a column, or a product of columns ("Timmar * Timpris"). */
export interface RuleTerm {
  sign: 1 | -1;
  column: number;
  times?: number[];
}

export interface TableRule {
  text: string;
  target: number; // column index
  terms: RuleTerm[];
}

/**
 * Parses "Summa kategori = Driftbudget + Personalkostnader" or "Belopp = Timmar * Timpris"
 * against the table's headers. Headers may themselves contain "-" or spaces ("Personal -
 * tjänster"), so each term is the longest header that matches at its position.
 */
export function parseRule(text: string, headers: readonly string[]): TableRule {
  const eq = text.indexOf("=");
  if (eq < 0) throw new DomainError("INVALID_RULE", `regeln '${text}' saknar '=' (skriv t.ex. "Summa = A + B")`);
  const unknown = (name: string) => new DomainError("UNKNOWN_COLUMN", `regeln '${text}' nämner kolumnen '${name.trim()}', som inte finns i tabellen`);
  const wantedTarget = text.slice(0, eq).trim().toLowerCase();
  const target = headers.findIndex((h, i) => i > 0 && h.trim().toLowerCase() === wantedTarget);
  if (target < 0) throw unknown(text.slice(0, eq));
  const byLength = headers.map((h, i) => ({ name: h.trim().toLowerCase(), i })).filter((h) => h.i > 0 && h.name !== "").sort((a, b) => b.name.length - a.name.length);
  const terms: RuleTerm[] = [];
  let rest = text.slice(eq + 1).trim();
  let sign: 1 | -1 = 1;
  let product = false;
  let expectTerm = true;
  while (rest.length > 0) {
    if (expectTerm) {
      if (/^[-\u2212]/.test(rest) && terms.length === 0 && sign === 1 && !product) {
        sign = -1;
        rest = rest.slice(1).trim();
        continue;
      }
      const lower = rest.toLowerCase();
      const match = byLength.find((h) => lower.startsWith(h.name) && /^(\s|[-+\u2212*×]|$)/.test(rest.slice(h.name.length)));
      if (!match) throw unknown(rest.split(/\s[-+\u2212*×]\s/)[0]);
      if (product) {
        const last = terms[terms.length - 1];
        last.times = [...(last.times ?? []), match.i];
      } else {
        terms.push({ sign, column: match.i });
      }
      rest = rest.slice(match.name.length).trim();
      expectTerm = false;
    } else {
      const op = rest[0];
      if (!"+-\u2212*×".includes(op)) throw new DomainError("INVALID_RULE", `regeln '${text}' kan inte läsas vid '${rest}'`);
      product = op === "*" || op === "×";
      if (!product) sign = op === "+" ? 1 : -1;
      rest = rest.slice(1).trim();
      expectTerm = true;
    }
  }
  if (terms.length === 0 || expectTerm) throw new DomainError("INVALID_RULE", `regeln '${text}' saknar termer efter '='`);
  return { text: text.trim(), target, terms };
}

const fmt = (value: Amount) => formatAmount(value, { decimals: Math.min(value.decimalPlaces(), 6) });
const fmtShare = (value: Amount, decimals: number) => `${formatAmount(value.times(100), { decimals })} %`;
const numberIn = (v: PrintedValue | undefined): Amount => (v && v.kind === "number" ? v.value : ZERO);

export interface CheckOptions {
  /** Rules the user gave: each must name columns of the table. */
  rules?: readonly string[];
  /** Rules the model knows (Diff = Avtalat − Fakturerat …): applied where the table has their columns. */
  knownRules?: readonly string[];
  /** Columns holding ratios (a price per inhabitant): a total recomputes them, so they are not summed. */
  ratioColumns?: readonly string[];
}

/**
 * Finds what does not add up in a grid, read as printed (one or two header rows, sections,
 * subtotals with or without a label, a grand total, blocks after a blank row): each wrong printed
 * cell once, with where it is, what it shows, what it should show and the difference. Blank and
 * n/a count as zero, as in Excel's SUM.
 */
export function checkTable(grid: readonly (readonly Cell[])[], ruleTexts: readonly string[] = [], options: Omit<CheckOptions, "rules"> = {}): Finding[] {
  if (grid.length === 0) return [];
  return checkPrintedTable(readPrintedTable({ file: "", rows: grid }), { ...options, rules: ruleTexts });
}

export function checkPrintedTable(table: PrintedTable, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const tableBlocks = table.blocks.filter((b) => b.kind === "table");
  const userRules = options.rules ?? [];
  for (const text of userRules) {
    // A rule the user wrote must fit some block: a misspelt column is an error, not silence.
    const fits = tableBlocks.some((b) => rulesFor(b, [text], false).length > 0);
    if (!fits) parseRule(text, tableBlocks[0]?.columns.map((c) => c.header) ?? []);
  }
  const ratio = new Set((options.ratioColumns ?? []).map((h) => h.trim().toLowerCase()));
  for (const block of tableBlocks) {
    for (const c of block.columns) if (ratio.has(c.name.trim().toLowerCase()) || ratio.has(c.header.trim().toLowerCase())) c.kind = "ratio";
    findings.push(...checkBlock(block, [...rulesFor(block, userRules, false), ...rulesFor(block, options.knownRules ?? [], true)]));
  }
  return findings.sort((a, b) => a.rowNumber - b.rowNumber || a.columnNumber - b.columnNumber);
}

/** The rules resolved within each header block (a kommun's columns), or over the whole header. */
function rulesFor(block: PrintedBlock, texts: readonly string[], known: boolean): TableRule[] {
  const groups = [...new Set(block.columns.filter((c) => c.kind !== "label").map((c) => c.block))];
  const out: TableRule[] = [];
  for (const text of texts) {
    for (const group of groups) {
      const headers = block.columns.map((c) => (c.kind === "label" ? "" : c.block === group ? c.header : ""));
      try {
        out.push(parseRule(text, withLabelFirst(block, headers)));
      } catch (error) {
        if (!(error instanceof DomainError) || (!known && error.code === "INVALID_RULE")) throw error;
      }
    }
  }
  return out;
}

const labelIndex = (block: PrintedBlock) => block.columns.findIndex((c) => c.kind === "label");

/** parseRule skips index 0; a label column elsewhere is blanked instead. */
function withLabelFirst(block: PrintedBlock, headers: string[]): string[] {
  const label = labelIndex(block);
  return headers.map((h, i) => (i === label ? "" : h));
}

function checkBlock(block: PrintedBlock, rules: readonly TableRule[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const columnName = (j: number) => block.columns[j]?.name || `kolumn ${j + 1}`;
  const add = (kind: FindingKind, row: PrintedRow, j: number, expected: Amount | null, actual: Amount | null, message: string) => {
    const key = `${row.line}:${j}`;
    if (seen.has(key)) return;
    seen.add(key);
    const cell = row.cells[j];
    const shown = cell && cell.kind !== "empty" ? cell.text : undefined;
    findings.push({ kind, row: row.label || `rad ${row.line}`, rowNumber: row.line, column: columnName(j), columnNumber: j + 1, expected, actual, difference: expected && actual ? actual.minus(expected) : null, shown, message });
  };
  const where = (row: PrintedRow, j: number) => `raden '${row.label || `rad ${row.line}`}', kolumnen '${columnName(j)}'`;
  const checked = block.columns.filter((c) => c.kind === "amount" || c.kind === "share");

  for (const row of block.rows) {
    for (const c of checked) {
      const v = row.cells[c.index];
      if (v.kind === "text") add("unparsable", row, c.index, null, null, `${where(row, c.index)}: texten '${v.text}' är inget tal`);
    }
  }
  const lineRules = rules;
  for (const rule of lineRules) {
    for (const row of block.rows) if (row.role === "line") applyRule(rule, row, (j) => row.cells[j], add, columnName);
  }
  const summed = summedColumns(block);
  const wrongSums = new Map<string, Amount>();
  for (const row of block.rows) {
    if (!row.expected) continue;
    for (const c of summed) {
      const shown = row.cells[c.index];
      const expected = row.expected.get(c.index)!;
      if (shown.kind !== "number" || showsRounded(shown, expected)) continue;
      wrongSums.set(`${row.line}:${c.index}`, expected);
      const what = row.role === "block-total" ? "delsumman och raderna efter den" : "summan av raderna";
      add("total-row", row, c.index, expected, shown.value, `${where(row, c.index)}: ${what} är ${fmt(expected)} men tabellen visar ${fmt(shown.value)} (differens ${fmt(shown.value.minus(expected))})`);
    }
  }
  checkShares(block, add, where);
  // On a total row, only additive rules hold, and a cell already found wrong counts as what it should show.
  for (const rule of lineRules) {
    if (rule.terms.some((t) => t.times)) continue;
    for (const row of block.rows) {
      if (row.role === "line" || row.role === "section" || row.role === "addition") continue;
      const cells = [rule.target, ...rule.terms.map((t) => t.column)].map((j) => row.cells[j]);
      if (cells.some((v) => v.kind === "empty")) continue;
      applyRule(rule, row, (j) => {
        const fixed = wrongSums.get(`${row.line}:${j}`);
        const v = row.cells[j];
        return fixed && v.kind === "number" ? { ...v, value: fixed } : v;
      }, add, columnName);
    }
  }
  return findings;
}

type Add = (kind: FindingKind, row: PrintedRow, j: number, expected: Amount | null, actual: Amount | null, message: string) => void;

function applyRule(rule: TableRule, row: PrintedRow, cell: (j: number) => PrintedValue, add: Add, columnName: (j: number) => string): void {
  const target = cell(rule.target);
  const operands = rule.terms.flatMap((t) => [t.column, ...(t.times ?? [])]);
  // A row that does not carry the rule's figures (a fee line under a member's subtotal) is not checked.
  if (target.kind === "empty" || target.kind === "text" || operands.every((j) => cell(j).kind === "empty") || operands.some((j) => cell(j).kind === "text")) return;
  const expected = rule.terms.reduce((s, t) => s.plus((t.times ?? []).reduce((p, j) => p.times(numberIn(cell(j))), numberIn(cell(t.column))).times(t.sign)), ZERO);
  const shown = target.kind === "number" ? target : { value: ZERO, decimals: 0, unit: "none" as const };
  if (showsRounded(shown, expected)) return;
  add("rule", row, rule.target, expected, shown.value, `raden '${row.label || `rad ${row.line}`}': ${rule.text} ger ${fmt(expected)} men '${columnName(rule.target)}' visar ${fmt(shown.value)} (differens ${fmt(shown.value.minus(expected))})`);
}

/**
 * Shares are judged at the precision printed: each printed share against its weight's exact share
 * rounded half up to the printed decimals (subtotals too); without a weight column, a closing row
 * against the sum of its rows, within half a unit per row.
 */
function checkShares(block: PrintedBlock, add: Add, where: (row: PrintedRow, j: number) => string): void {
  const lines = block.rows.filter((r) => r.role === "line");
  for (const share of block.columns.filter((c) => c.kind === "share")) {
    const base = weightColumnOf(block, share);
    if (base) {
      const total = lines.reduce((s, r) => s.plus(numberIn(r.cells[base.index])), ZERO);
      if (total.isZero()) continue;
      for (const row of block.rows) {
        const shown = row.cells[share.index];
        if (shown.kind !== "number" || row.role === "section" || row.role === "addition") continue;
        const weight = row.expected?.get(base.index) ?? numberIn(row.cells[base.index]);
        const exact = weight.dividedBy(total);
        if (showsRounded(shown, exact)) continue;
        const rounded = exact.times(100).toDecimalPlaces(shown.decimals, Amount.ROUND_HALF_UP).dividedBy(100);
        add("share", row, share.index, rounded, shown.value, `${where(row, share.index)}: andelen är ${fmtShare(rounded, shown.decimals)} (${fmt(weight)} av ${fmt(total)} i '${base.name}') men tabellen visar ${shown.text}`);
      }
      continue;
    }
    for (const row of block.rows) {
      const shown = row.cells[share.index];
      if ((!row.sums && row.role !== "total") || shown.kind !== "number") continue;
      const rows = row.sums ? row.sums.map((i) => block.rows[i]) : lines;
      const sum = rows.reduce((s, r) => s.plus(numberIn(r.cells[share.index])), ZERO);
      const unit = new Amount(10).pow(-shown.decimals).dividedBy(100);
      const tolerance = unit.times(rows.length + 1).dividedBy(2);
      if (shown.value.minus(sum).abs().lessThanOrEqualTo(tolerance)) continue;
      add("share", row, share.index, sum, shown.value, `${where(row, share.index)}: raderna summerar till ${fmtShare(sum, shown.decimals)} men tabellen visar ${shown.text}`);
    }
  }
}

/** The count a share column is a share of: the nearest amount column to its left under the same block header. */
function weightColumnOf(block: PrintedBlock, share: PrintedColumn): PrintedColumn | null {
  for (let j = share.index - 1; j >= 0; j--) {
    const c = block.columns[j];
    if (c.block !== share.block) break;
    if (c.kind === "amount") return c;
  }
  return null;
}
