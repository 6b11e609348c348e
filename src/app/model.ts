import { todayLocal } from "../core/dates";
import { WorkbookPort } from "../workbook/port";
import { MODEL_TABLES, Model, modelFromTables, tablesByName } from "../model/tables";
import { ModelSettings, parseSettings, storeSettings } from "../model/settings";

/** Reads every model table in one round trip; missing tables are empty, bad rows are errors. */
export async function readModel(wb: WorkbookPort, year: number = todayLocal().year): Promise<Model> {
  return modelFromTables(tablesByName(MODEL_TABLES, await wb.readTables(MODEL_TABLES)), year);
}

export async function readSettings(wb: WorkbookPort): Promise<ModelSettings> {
  return parseSettings(await wb.getSettings(), todayLocal());
}

export async function saveSettings(wb: WorkbookPort, settings: ModelSettings): Promise<void> {
  await wb.saveSettings(storeSettings(settings));
}
