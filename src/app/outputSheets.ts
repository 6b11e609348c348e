import { TABLES } from "../model/tables";
import { SheetSpec, SheetWriteOptions, WorkbookPort } from "../workbook/port";

/** Every model table's name: a sheet the product writes is never named like one (a test checks the names). */
export const MODEL_TABLE_NAMES: readonly string[] = Object.values(TABLES);

/**
 * Writes the product's own sheets, never over the user's: a sheet that holds a model table (the
 * user's Viten, Avtal …) or content that no Samkalk write made (the user's own "Medlemsbidrag") is
 * refused in Swedish, as target and as a sheet of an earlier run to remove, before anything is
 * written. The port checks it in the round trip where it reads the sheets anyway; its writeSheets
 * replaces a sheet whole and remembers it as Samkalk's.
 */
export async function writeOutputSheets(wb: WorkbookPort, specs: readonly SheetSpec[], options: Pick<SheetWriteOptions, "remove" | "knownOwn"> = {}): Promise<void> {
  await wb.writeSheets(specs, { ...options, keepTables: MODEL_TABLE_NAMES, ownSheetsOnly: true });
}

/**
 * Where a new model table goes: a sheet of its own name when there is none or it is empty, else
 * the first free "<name> (2)", "<name> (3)" …, so an import never writes over a user's plain sheet
 * that happens to be called Avtal.
 */
export async function freeSheetFor(wb: WorkbookPort, name: string): Promise<string> {
  const names = (await wb.sheetNames()).map((n) => n.toLowerCase());
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${name} (${i})`;
    if (!names.includes(candidate.toLowerCase())) return candidate;
    const used = (await wb.readRange(candidate, "A1:Z200")).values.some((row) => row.some((v) => v !== null && v !== ""));
    if (!used) return candidate;
  }
}
