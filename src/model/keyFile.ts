import { SourceTable, duplicatedHeaders, normaliseHeader } from "../core/cells";
import { LIMITS } from "../core/limits";
import { KeyEntry, KeyNode } from "../core/allocation";
import { memberId } from "../core/memberIdentity";
import { DomainError } from "../core/errors";
import { checkSomeWeight, checkWeight } from "../core/weights";
import { PrintedBlock, PrintedColumn, PrintedNotice, printedGridOf, readPrintedTable } from "../core/printedTable";
import { headerNames } from "./fields";

import { KEY } from "./tables";

const headersOf = (field: string) => KEY.fields.find((f) => f.field === field)!.headers;

export interface ReadKeyOptions {
  /** The weight column by its header ("Användare 2026"), when more than one could be it. */
  column?: string;
}

/** A key as printed: its members, the groups its section rows make (null without any), and the column it was read by. */
export interface PrintedKey {
  entries: KeyEntry[];
  groups: { name: string; members: KeyEntry[] }[] | null;
  weightColumn: string;
  /** Every column that could have been the weight, for a choice in the import preview. */
  candidates: string[];
  notices: PrintedNotice[];
}

/**
 * Reads an allocation key as printed: the member column (by name, else the first), one weight
 * column, group rows, subtotals with or without a label and a grand total, which are never
 * members. When more than one column can be the weight, it refuses and names them unless one is
 * chosen. Every problem is an error naming file, row (header = row 1) and column.
 */
export function readPrintedKey(table: SourceTable, options: ReadKeyOptions = {}): PrintedKey {
  const { file } = table;
  const memberCol = Math.max(0, table.headers.findIndex((h) => headerNames(h, headersOf("member"))));
  const printed = readPrintedTable(printedGridOf(table), { labelColumn: memberCol });
  const block = printed.blocks.find((b) => b.kind === "table");
  if (table.headers.length < 2 && table.rows.every((r) => r.length < 2)) throw new DomainError("MISSING_VALUE", "en nyckel behöver två kolumner: medlem och vikt", { file, row: 1 });
  if (!block && printed.blocks.length > 0) throw new DomainError("MISSING_VALUE", "nyckeln saknar rubrikrad: skriv t.ex. Medlem;Vikt på första raden, så att ingen rad tas för rubrik", { file, row: 1 });
  if (!block || block.columns.length < 2) throw new DomainError("MISSING_VALUE", "en nyckel behöver två kolumner: medlem och vikt", { file, row: 1 });
  const relevant = (c: PrintedColumn) => c.index === memberCol || headerNames(c.name, headersOf("weight")) || (options.column !== undefined && normaliseHeader(c.name) === normaliseHeader(options.column));
  const twice = duplicatedHeaders(block.columns.map((c) => c.name)).filter((h) => block.columns.some((c) => relevant(c) && normaliseHeader(c.name) === normaliseHeader(h)));
  if (twice.length > 0) {
    throw new DomainError("INVALID_ARGUMENT", `kolumnen ${twice[0]} finns flera gånger; en nyckel ska ha en kolumn för medlem och en för vikt`, { file, row: block.headerLines[block.headerLines.length - 1] ?? 1, column: twice[0] });
  }
  const weight = weightColumn(block, options.column, file);
  const memberHeader = block.columns[memberCol].name || "medlem";
  const weightHeader = weight.name || "vikt";
  // A label alone is a group only in a key that starts with one; anywhere else it is a member whose weight is missing.
  const grouped = block.rows[0]?.role === "section";
  const seen = new Map<string, number>();
  const groups = new Map<string, KeyEntry[]>();
  const entries: KeyEntry[] = [];
  for (const row of block.rows) {
    if (row.role !== "line" && !(row.role === "section" && !grouped)) continue;
    const at = { file, row: row.line, column: memberHeader };
    const member = row.label;
    if (member === "") throw new DomainError("MISSING_VALUE", "medlemmens namn saknas", at);
    if (member.length > LIMITS.cellText) throw new DomainError("OUT_OF_RANGE", `namnet har ${member.length.toLocaleString("sv-SE")} tecken; en Excel-cell rymmer högst ${LIMITS.cellText.toLocaleString("sv-SE")}`, at);
    const first = seen.get(memberId(member));
    if (first !== undefined) throw new DomainError("DUPLICATE_MEMBER", `medlemmen '${member}' finns redan på rad ${first}`, at);
    seen.set(memberId(member), row.line);
    const cell = row.cells[weight.index];
    const where = { file, row: row.line, column: weightHeader };
    if (cell.kind === "text") throw new DomainError("NOT_A_NUMBER", `texten '${cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text}' är inget tal`, where);
    if (cell.kind !== "number") throw new DomainError("MISSING_VALUE", "vikten saknas (skriv 0 för att utesluta medlemmen)", where);
    const entry = { member, weight: checkWeight(cell.value, { shown: cell.text, where }) };
    entries.push(entry);
    if (grouped) {
      const group = row.group ?? "";
      const members = groups.get(group);
      if (members) members.push(entry);
      else groups.set(group, [entry]);
    }
  }
  if (entries.length === 0) throw new DomainError("EMPTY_KEY", "nyckeln har inga datarader under rubrikraden", { file, row: 2 });
  checkSomeWeight(entries.map((e) => e.weight), { file, row: 2, column: weightHeader });
  return { entries, groups: grouped ? [...groups].map(([name, members]) => ({ name, members })) : null, weightColumn: weight.name, candidates: candidatesIn(block).map((c) => c.name), notices: printed.notices };
}

/** Reads an allocation key's members and weights (see readPrintedKey). */
export function readKey(table: SourceTable, options: ReadKeyOptions = {}): KeyEntry[] {
  return readPrintedKey(table, options).entries;
}

/** The key's groups as a two-level hierarchy, for a split to groups and then within each. */
export function keyHierarchy(key: PrintedKey): KeyNode[] {
  if (!key.groups) throw new DomainError("INVALID_ARGUMENT", "nyckeln har inga grupprader (en rad med bara ett namn över sina medlemmar), så den kan inte fördelas i två nivåer");
  return key.groups.map((g) => ({ name: g.name, children: g.members.map((m) => ({ name: m.member, weight: m.weight })) }));
}

/**
 * The weight: the column chosen by name, else the one column that a key's weight headers name
 * (Användare, Invånare …), else the one number column. Shares derived from a count ("% fördel")
 * and ratios are never candidates; two candidates are refused, never guessed.
 */
function weightColumn(block: PrintedBlock, chosen: string | undefined, file: string): PrintedColumn {
  const headerRow = block.headerLines[block.headerLines.length - 1] ?? 1;
  if (chosen !== undefined) {
    const wanted = normaliseHeader(chosen);
    const byName = block.columns.filter((c) => c.kind !== "label" && normaliseHeader(c.name) === wanted);
    const matches = byName.length > 0 ? byName : block.columns.filter((c) => c.kind !== "label" && normaliseHeader(c.header) === wanted);
    if (matches.length > 1) throw new DomainError("AMBIGUOUS_COLUMN", `flera kolumner heter '${chosen}': ${matches.map((c) => `'${c.name}'`).join(" och ")}; välj en med hela namnet`, { file, row: headerRow });
    const match = matches[0];
    if (!match) throw new DomainError("UNKNOWN_COLUMN", `kolumnen '${chosen}' finns inte; nyckelns kolumner är ${block.columns.filter((c) => c.kind !== "label").map((c) => `'${c.name}'`).join(", ")}`, { file, row: headerRow });
    if (match.kind !== "amount") throw new DomainError("INVALID_ARGUMENT", `kolumnen '${match.name}' håller inga vikter (${match.kind === "share" ? "den är andelar i procent" : "den är inga tal"})`, { file, row: headerRow, column: match.name });
    return match;
  }
  const candidates = candidatesIn(block);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    if (block.columns.length >= 2 && block.columns[1].kind !== "label") return block.columns[1];
    throw new DomainError("MISSING_VALUE", "en nyckel behöver två kolumner: medlem och vikt", { file, row: headerRow });
  }
  throw new DomainError("AMBIGUOUS_COLUMN", `flera kolumner kan vara vikten: ${candidates.map((c) => `'${c.name}'`).join(" och ")}; välj en med --column "<rubrik>"`, { file, row: headerRow });
}

function candidatesIn(block: PrintedBlock): PrintedColumn[] {
  const numeric = block.columns.filter((c) => c.kind === "amount");
  const named = numeric.filter((c) => headerNames(c.header, headersOf("weight")));
  return named.length > 0 ? named : numeric;
}

/** The columns that could be a key's weight, for a choice in the import preview. */
export function keyWeightCandidates(table: SourceTable): string[] {
  const memberCol = Math.max(0, table.headers.findIndex((h) => headerNames(h, headersOf("member"))));
  const block = readPrintedTable(printedGridOf(table), { labelColumn: memberCol }).blocks.find((b) => b.kind === "table");
  return block ? candidatesIn(block).map((c) => c.name) : [];
}
