import { Amount } from "../core/money";
import { SourceTable, sourceLocation } from "../core/cells";
import { DomainError } from "../core/errors";
import { PrintedBlock, PrintedColumn, PrintedTable, PrintedValue, printedGridOf, readPrintedTable } from "../core/printedTable";
import { headerNames } from "./fields";
import { CONTRACTS } from "./contracts";
import { OUTCOMES } from "./outcomes";

/** One member's system in a follow-up, agreed and invoiced side by side, as printed. */
export interface FollowUpRow {
  member: string;
  supplier: string;
  /** null: no contract (n/a or blank). */
  agreed: Amount | null;
  /** null: nothing printed; "-" is a printed 0. */
  invoiced: Amount | null;
  line: number;
}

const namesOf = (fields: readonly { field: string; headers: string[] }[], field: string) => fields.find((f) => f.field === field)!.headers;
const AGREED = namesOf(CONTRACTS.fields, "agreed");
// Not the outcome table's "Belopp": beside Avtalat in a follow-up, an amount column is not the invoiced one.
const INVOICED = namesOf(OUTCOMES.fields, "invoiced").filter((h) => h !== "Belopp");
const MEMBER = namesOf(OUTCOMES.fields, "member");

const amountOf = (v: PrintedValue): Amount | null => (v.kind === "number" ? v.value : null);

/**
 * Reads a follow-up that holds both agreed and invoiced amounts: in long form (a row per member
 * and system) or printed with one block of columns per kommun under a second header row, which
 * unpivots to the same long form. A kommun whose block is empty on a row gets no row there; total
 * rows are checked by the table check, never read as systems.
 */
export function readFollowUp(source: SourceTable): { rows: FollowUpRow[]; printed: PrintedTable } {
  const memberCol = source.headers.findIndex((h) => headerNames(h, MEMBER));
  const systemCol = source.headers.findIndex((h) => headerNames(h, namesOf(CONTRACTS.fields, "supplier")));
  const wideLabel = memberCol >= 0 && systemCol >= 0 ? systemCol : 0;
  const printed = readPrintedTable(printedGridOf(source), { labelColumn: wideLabel });
  const block = printed.blocks.find((b) => b.kind === "table");
  if (!block) throw new DomainError("MISSING_VALUE", "uppföljningen har ingen tabell med rubrikrad och rader", sourceLocation(source));
  const headerRow = block.headerLines[block.headerLines.length - 1] ?? 1;
  const rows: FollowUpRow[] = [];
  const blocks = [...new Set(block.columns.filter((c) => c.block !== null).map((c) => c.block!))];
  if (blocks.length > 0) {
    for (const member of blocks) {
      const { agreed, invoiced } = amountColumns(block, member, source.file, headerRow);
      const own = block.columns.filter((c) => c.block === member);
      for (const row of block.rows) {
        if (row.role !== "line" || own.every((c) => row.cells[c.index].kind === "empty")) continue;
        rows.push({ member, supplier: row.label, agreed: amountOf(row.cells[agreed.index]), invoiced: amountOf(row.cells[invoiced.index]), line: row.line });
      }
    }
    // Table order: row by row, the kommuner from left to right.
    rows.sort((a, b) => a.line - b.line);
    return { rows, printed };
  }
  if (memberCol < 0) throw new DomainError("UNKNOWN_COLUMN", "uppföljningen har varken en kolumn för kommun/medlem eller ett block av kolumner per kommun under en övre rubrikrad", { ...sourceLocation(source), row: headerRow });
  const { agreed, invoiced } = amountColumns(block, null, source.file, headerRow);
  for (const row of block.rows) {
    if (row.role !== "line") continue;
    const member = row.cells[memberCol];
    rows.push({ member: member.kind === "empty" ? "" : member.kind === "number" ? member.text : member.text, supplier: row.label, agreed: amountOf(row.cells[agreed.index]), invoiced: amountOf(row.cells[invoiced.index]), line: row.line });
  }
  return { rows, printed };
}

function amountColumns(block: PrintedBlock, member: string | null, file: string, row: number): { agreed: PrintedColumn; invoiced: PrintedColumn } {
  const own = block.columns.filter((c) => c.block === member && c.kind !== "label");
  const find = (names: readonly string[], what: string) => {
    const found = own.filter((c) => headerNames(c.header, names));
    if (found.length === 0) throw new DomainError("UNKNOWN_COLUMN", `kolumnen ${what} saknas${member ? ` i blocket ${member}` : ""}`, { file, row });
    if (found.length > 1) throw new DomainError("AMBIGUOUS_COLUMN", `flera kolumner kan vara ${what}${member ? ` i blocket ${member}` : ""}: ${found.map((c) => `'${c.name}'`).join(" och ")}`, { file, row });
    return found[0];
  };
  return { agreed: find(AGREED, "Avtalat"), invoiced: find(INVOICED, "Fakturerat") };
}
