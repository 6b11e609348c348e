import { amountFromCellNumber } from "./cellNumber";
import { Amount, ZERO } from "./money";
import { NumberValue, formatAmount, parseNumberText } from "./numberText";
import { DomainError, isDomainError } from "./errors";

/** A cell as it comes from a CSV field or an Excel range, or an exact amount the product computed. */
export type Cell = string | number | boolean | null | undefined | Amount;

export type FindingKind = "total-row" | "rule" | "unparsable";

export interface Finding {
  kind: FindingKind;
  /** The row's label (first column), or "rad N" when it has none. */
  row: string;
  /** 1-based row in the table, the header being row 1. */
  rowNumber: number;
  column: string;
  /** 1-based column in the table, the labels being column 1. */
  columnNumber: number;
  expected: Amount | null;
  actual: Amount | null;
  /** actual − expected: positive when the table shows too much. */
  difference: Amount | null;
  message: string;
}

export interface TableRule {
  text: string;
  target: number; // column index
  terms: { sign: 1 | -1; column: number }[];
}

const TOTAL_LABEL = /^(summa|totalt?)(\s|:|$)/i;

export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label.trim());
}

function cellText(cell: Cell): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

function readCell(cell: Cell): NumberValue | { kind: "text"; text: string } {
  if (cell instanceof Amount) return { kind: "number", value: cell, unit: "none", decimals: cell.decimalPlaces() };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "text", text: String(cell) };
    const value = amountFromCellNumber(cell);
    return { kind: "number", value, unit: "none", decimals: value.decimalPlaces() };
  }
  if (typeof cell === "boolean") return { kind: "text", text: String(cell) };
  try {
    return parseNumberText(cellText(cell));
  } catch (error) {
    if (isDomainError(error)) return { kind: "text", text: cellText(cell) };
    throw error;
  }
}

/**
 * Parses "Summa kategori = Driftbudget + Personalkostnader" against the table's headers. Headers
 * may themselves contain "-" or spaces ("IT-säkerhet"), so each term is the longest header that
 * matches at its position.
 */
export function parseRule(text: string, headers: readonly string[]): TableRule {
  const eq = text.indexOf("=");
  if (eq < 0) throw new DomainError("INVALID_RULE", `regeln '${text}' saknar '=' (skriv t.ex. "Summa = A + B")`);
  const findColumn = (name: string): number => {
    const wanted = name.trim().toLowerCase();
    const index = headers.findIndex((h, i) => i > 0 && h.trim().toLowerCase() === wanted);
    if (index < 0) throw new DomainError("UNKNOWN_COLUMN", `regeln '${text}' nämner kolumnen '${name.trim()}', som inte finns i tabellen`);
    return index;
  };
  const target = findColumn(text.slice(0, eq));
  const byLength = headers.map((h, i) => ({ name: h.trim().toLowerCase(), i })).filter((h) => h.i > 0 && h.name !== "").sort((a, b) => b.name.length - a.name.length);
  const terms: TableRule["terms"] = [];
  let rest = text.slice(eq + 1).trim();
  let sign: 1 | -1 = 1;
  let expectTerm = true;
  while (rest.length > 0) {
    if (expectTerm) {
      if (/^[-\u2212]/.test(rest) && terms.length === 0 && sign === 1) {
        sign = -1;
        rest = rest.slice(1).trim();
        continue;
      }
      const lower = rest.toLowerCase();
      const match = byLength.find((h) => lower.startsWith(h.name) && /^(\s|[-+\u2212]|$)/.test(rest.slice(h.name.length)));
      if (!match) {
        const name = rest.split(/\s[-+\u2212]\s/)[0];
        throw new DomainError("UNKNOWN_COLUMN", `regeln '${text}' nämner kolumnen '${name.trim()}', som inte finns i tabellen`);
      }
      terms.push({ sign, column: match.i });
      rest = rest.slice(match.name.length).trim();
      expectTerm = false;
    } else {
      const op = rest[0];
      if (op !== "+" && op !== "-" && op !== "\u2212") throw new DomainError("INVALID_RULE", `regeln '${text}' kan inte läsas vid '${rest}'`);
      sign = op === "+" ? 1 : -1;
      rest = rest.slice(1).trim();
      expectTerm = true;
    }
  }
  if (terms.length === 0 || expectTerm) throw new DomainError("INVALID_RULE", `regeln '${text}' saknar termer efter '='`);
  return { text: text.trim(), target, terms };
}

/** Whether `actual`, written with its decimals (and unit), shows `expected` rounded. */
function showsExpected(actual: NumberValue & { kind: "number" }, expected: Amount): boolean {
  if (actual.value.equals(expected)) return true;
  const scale = actual.unit === "tkr" ? new Amount(1000) : actual.unit === "percent" ? new Amount("0.01") : new Amount(1);
  return expected.dividedBy(scale).toDecimalPlaces(actual.decimals).times(scale).equals(actual.value);
}

function fmt(value: Amount): string {
  return formatAmount(value, { decimals: Math.min(value.decimalPlaces(), 6) });
}

/**
 * Finds what does not add up in a table whose first row holds the headers and first column the
 * row labels: total rows that differ from the rows they sum, rows breaking the given rules, and
 * cells in number columns that are not numbers. Blank counts as zero, as in Excel's SUM. Ratio
 * columns (a share used, a price per inhabitant) are checked by the rules but not summed.
 */
export function checkTable(grid: readonly (readonly Cell[])[], ruleTexts: readonly string[] = [], options: { ratioColumns?: readonly string[] } = {}): Finding[] {
  if (grid.length === 0) return [];
  const headers = grid[0].map(cellText);
  const ratio = new Set((options.ratioColumns ?? []).map((h) => h.trim().toLowerCase()));
  let width = 0;
  for (const r of grid) width = Math.max(width, r.length); // no spread: tables reach 250 000 rows
  const rules = ruleTexts.map((r) => parseRule(r, headers));
  const body = grid.slice(1).map((cells, i) => {
    const label = cellText(cells[0]).trim();
    return { rowNumber: i + 2, label: label || `rad ${i + 2}`, isTotal: isTotalLabel(label), values: Array.from({ length: width }, (_, j) => (j === 0 ? null : readCell(cells[j]))) };
  });
  const columnName = (j: number) => headers[j]?.trim() || `kolumn ${j + 1}`;
  const numericColumns = new Set<number>();
  for (let j = 1; j < width; j++) {
    let numbers = 0;
    let nonBlank = 0;
    for (const row of body) {
      const v = row.values[j]!;
      if (v.kind === "blank") continue;
      nonBlank++;
      if (v.kind === "number" || v.kind === "missing") numbers++;
    }
    if (numbers > 0 && numbers * 2 >= nonBlank) numericColumns.add(j);
  }

  const findings: Finding[] = [];
  const finding = (kind: FindingKind, row: (typeof body)[number], j: number, expected: Amount | null, actual: Amount | null, message: string) =>
    findings.push({ kind, row: row.label, rowNumber: row.rowNumber, column: columnName(j), columnNumber: j + 1, expected, actual, difference: expected && actual ? actual.minus(expected) : null, message });

  for (const row of body) {
    for (const j of numericColumns) {
      const v = row.values[j]!;
      if (v.kind === "text") finding("unparsable", row, j, null, null, `raden '${row.label}', kolumnen '${columnName(j)}': texten '${v.text}' är inget tal`);
    }
  }

  const numberAt = (row: (typeof body)[number], j: number): Amount => {
    const v = row.values[j]!;
    return v.kind === "number" ? v.value : ZERO;
  };
  let segmentStart = 0;
  let grandStart = 0;
  body.forEach((row, r) => {
    if (!row.isTotal) return;
    const dataRows = (from: number) => body.slice(from, r).filter((x) => !x.isTotal);
    let rows = dataRows(segmentStart);
    if (rows.length === 0) {
      // A total right under other totals is a grand total: it sums all data rows since the last one.
      rows = dataRows(grandStart);
      grandStart = r + 1;
    }
    segmentStart = r + 1;
    for (const j of numericColumns) {
      if (ratio.has(columnName(j).toLowerCase())) continue; // a ratio's total is a ratio of totals, not a sum
      const actual = row.values[j]!;
      if (actual.kind !== "number") continue;
      const expected = rows.reduce((s, x) => s.plus(numberAt(x, j)), ZERO);
      if (!showsExpected(actual, expected)) {
        finding("total-row", row, j, expected, actual.value, `raden '${row.label}', kolumnen '${columnName(j)}': summan av raderna är ${fmt(expected)} men tabellen visar ${fmt(actual.value)} (differens ${fmt(actual.value.minus(expected))})`);
      }
    }
  });

  for (const rule of rules) {
    const columns = [rule.target, ...rule.terms.map((t) => t.column)];
    for (const row of body) {
      const values = columns.map((j) => row.values[j]!);
      if (values.every((v) => v.kind === "blank") || values.some((v) => v.kind === "text")) continue;
      const missing = columns.find((j) => row.values[j]!.kind === "missing");
      if (missing !== undefined) {
        finding("rule", row, missing, null, null, `raden '${row.label}': värde saknas i '${columnName(missing)}', så regeln ${rule.text} kan inte kontrolleras`);
        continue;
      }
      const expected = rule.terms.reduce((s, t) => s.plus(numberAt(row, t.column).times(t.sign)), ZERO);
      const target = row.values[rule.target]!;
      const shown = target.kind === "number" ? target : { kind: "number" as const, value: ZERO, unit: "none" as const, decimals: 0 };
      if (!showsExpected(shown, expected)) {
        finding("rule", row, rule.target, expected, shown.value, `raden '${row.label}': ${rule.text} ger ${fmt(expected)} men '${columnName(rule.target)}' visar ${fmt(shown.value)} (differens ${fmt(shown.value.minus(expected))})`);
      }
    }
  }
  return findings.sort((a, b) => a.rowNumber - b.rowNumber || a.columnNumber - b.columnNumber);
}
