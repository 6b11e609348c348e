import { Outcome } from "../core/reconciliation";
import { CONTRACT_TABLE_FORMATS, CONTRACT_TABLE_HEADERS, ImportedContract, contractTableRows } from "../io/contractImport";
import { OUTCOME_TABLE_FORMATS, OUTCOME_TABLE_HEADERS, outcomeTableRows } from "../io/outcomeImport";
import { CellInput, CellValue, TableData, WorkbookPort, isCellError } from "./port";
import { TABLES } from "./modelTables";

/** What "Ångra import" needs: the table as it was before the import (null if it did not exist). */
export interface ImportUndo {
  table: string;
  sheet: string;
  previous: TableData | null;
}

export type ImportKind = "contracts" | "outcomes";

const asInput = (v: CellValue): CellInput => (isCellError(v) ? v.error : v);

/** Writes imported records to Avtal or Utfall as one all-or-nothing write, keeping what it replaced. */
export async function writeImport(wb: WorkbookPort, kind: "contracts", records: readonly ImportedContract[]): Promise<ImportUndo>;
export async function writeImport(wb: WorkbookPort, kind: "outcomes", records: readonly Outcome[]): Promise<ImportUndo>;
export async function writeImport(wb: WorkbookPort, kind: ImportKind, records: readonly (ImportedContract | Outcome)[]): Promise<ImportUndo> {
  const table = kind === "contracts" ? TABLES.contracts : TABLES.outcomes;
  const [previous] = await wb.readTables([table]);
  const spec = kind === "contracts"
    ? { headers: CONTRACT_TABLE_HEADERS, rows: contractTableRows(records as ImportedContract[]), numberFormats: CONTRACT_TABLE_FORMATS }
    : { headers: OUTCOME_TABLE_HEADERS, rows: outcomeTableRows(records as Outcome[]), numberFormats: OUTCOME_TABLE_FORMATS };
  await wb.writeTables([{ name: table, sheet: previous?.sheet ?? table, ...spec }]);
  return { table, sheet: previous?.sheet ?? table, previous };
}

/** Puts the table back as it was before the import. */
export async function undoImport(wb: WorkbookPort, undo: ImportUndo): Promise<void> {
  if (!undo.previous) {
    await wb.deleteTable(undo.table);
    return;
  }
  await wb.writeTables([{ name: undo.table, sheet: undo.sheet, headers: undo.previous.headers, rows: undo.previous.rows.map((r) => r.map(asInput)) }]);
}
