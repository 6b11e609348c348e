import { DomainError } from "../core/errors";
import { writeOutputSheets } from "./outputSheets";
import { Amount, AmountLike } from "../core/money";
import { FeeBridge, feeBridge } from "../core/feeBridge";
import { PrintedNotice, linesOf, printedGridOf, readPrintedTable } from "../core/printedTable";
import { formatAmount } from "../core/numberText";
import { WorkbookPort } from "../workbook/port";
import { CellInput, RowError, SourceTable, sourceLocation } from "../core/cells";
import { TABLES, readTable } from "../model/tables";
import { FEE_CHANGES } from "../model/feeChanges";

export interface BridgeReport {
  bridge: FeeBridge;
  /** The list's own printed total ("Summa 732 470"), checked against Σ changes, or null without one. */
  printedTotal: { line: number; shown: Amount; matches: boolean } | null;
  notices: PrintedNotice[];
}

/**
 * The fee bridge from a list of decided changes as printed: one label column and one amount
 * column, signs inside parentheses read as printed ("(+ 334 100)", "(–18 200)"), a "Summa" row
 * checked against the changes and never counted as one.
 */
export function bridgeFromPrinted(source: SourceTable, lastFee: AmountLike, newFee?: AmountLike | null): BridgeReport {
  const printed = readPrintedTable(printedGridOf(source));
  const block = printed.blocks.find((b) => b.kind === "table") ?? printed.blocks[0];
  if (!block) throw new DomainError("MISSING_VALUE", "listan över förändringar är tom", sourceLocation(source));
  const amountColumns = block.columns.filter((c) => c.kind === "amount");
  if (amountColumns.length === 0) throw new DomainError("MISSING_VALUE", "listan har ingen kolumn med belopp", sourceLocation(source));
  if (amountColumns.length > 1) throw new DomainError("AMBIGUOUS_COLUMN", `flera kolumner kan vara beloppet: ${amountColumns.map((c) => c.name).join(", ")}`, sourceLocation(source));
  const column = amountColumns[0];
  const changes = linesOf(block).map((row) => {
    const cell = row.cells[column.index];
    if (cell.kind !== "number") throw new DomainError("MISSING_VALUE", `förändringen '${row.label}' saknar belopp`, { ...sourceLocation(source), row: row.line, column: column.name });
    return { label: row.label, amount: cell.value };
  });
  const bridge = feeBridge(lastFee, changes, newFee);
  const total = block.rows.find((r) => r.role === "total");
  const shownCell = total?.cells[column.index];
  const printedTotal = total && shownCell?.kind === "number" ? { line: total.line, shown: shownCell.value, matches: shownCell.value.equals(bridge.explained) } : null;
  return { bridge, printedTotal, notices: printed.notices };
}

/**
 * The fee bridge from the workbook's Förändringar table: the changes decided for `year`, in the
 * table's order. Row errors of the table are returned, never skipped: a change left out would
 * show up as an unexplained remainder that is not there.
 */
export async function bridgeFromModel(wb: WorkbookPort, year: number, lastFee: AmountLike, newFee?: AmountLike | null): Promise<{ report: BridgeReport | null; errors: RowError[] }> {
  const [table] = await wb.readTables([TABLES.feeChanges]);
  if (!table) throw new DomainError("MISSING_VALUE", `arbetsboken har ingen tabell ${TABLES.feeChanges}; importera den under Modelltabeller eller markera en lista`);
  const errors: RowError[] = [];
  const read = readTable(table, errors, FEE_CHANGES.read);
  if (errors.length > 0) return { report: null, errors };
  const changes = read.records.filter((c) => c.year === year);
  if (changes.length === 0) throw new DomainError("MISSING_VALUE", `tabellen ${TABLES.feeChanges} har inga förändringar för ${year}`, { table: TABLES.feeChanges });
  return { report: { bridge: feeBridge(lastFee, changes, newFee), printedTotal: null, notices: [] }, errors: [] };
}

/** The bridge as a sheet's rows: last year's fee, each change with the running fee, the fee it leads to, this year's fee and the remainder. */
export function bridgeRows(bridge: FeeBridge): CellInput[][] {
  const rows: CellInput[][] = [["Post", "Förändring", "Avgift efter"], ["Beslutad avgift föregående år", null, bridge.lastFee]];
  for (const s of bridge.steps) rows.push([s.label, s.amount, s.runningTotal]);
  // The fee after the changes stands on the last change's row; under "Summa" the column would read
  // as a sum of running figures, which the table check (rightly) flags.
  rows.push(["Summa förändringar", bridge.explained, null]);
  if (bridge.newFee !== null) {
    rows.push(["Beslutad avgift i år", null, bridge.newFee]);
    rows.push(["Oförklarad rest", bridge.remainder, null]);
  }
  return rows;
}

/** One sentence on the remainder, for the CLI and the pane. */
export function remainderText(bridge: FeeBridge): string {
  const kr = (a: Amount) => formatAmount(a, { decimals: a.decimalPlaces(), unit: "kr" });
  if (bridge.remainder === null) return `Förändringarna leder till ${kr(bridge.explainedFee)}; ange årets beslutade avgift för att se om något är oförklarat.`;
  if (bridge.remainder.isZero()) return `Förändringarna förklarar hela skillnaden mellan ${kr(bridge.lastFee)} och ${kr(bridge.newFee!)}: oförklarad rest 0 kr.`;
  return `Oförklarad rest ${kr(bridge.remainder)}: årets avgift ${kr(bridge.newFee!)} är ${bridge.remainder.isNegative() ? "lägre" : "högre"} än förändringarna förklarar (${kr(bridge.explainedFee)}).`;
}

export const BRIDGE_SHEET = "Avgiftsbrygga";

/** Writes the bridge as its own sheet, the sum row and the remainder in bold. */
export async function writeBridge(port: WorkbookPort, bridge: FeeBridge): Promise<void> {
  const cells = bridgeRows(bridge);
  const sumRow = cells.findIndex((r) => r[0] === "Summa förändringar");
  await writeOutputSheets(port, [{ sheet: BRIDGE_SHEET, cells, numberFormats: [null, "+#,##0;-#,##0;0", "#,##0"], boldRows: [0, sumRow, ...(bridge.remainder === null ? [] : [cells.length - 1])] }]);
}
