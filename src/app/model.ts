import { todayLocal } from "../core/dates";
import { WorkbookPort } from "../workbook/port";
import { MODEL_TABLES, Model, modelFromTables, tablesByName } from "../model/tables";
import { ModelSettings, parseSettings, storeSettings } from "../model/settings";

/** Reads every model table in one round trip; missing tables are empty, bad rows are errors. */
export async function readModel(wb: WorkbookPort, year: number = todayLocal().year): Promise<Model> {
  return modelFromTables(tablesByName(MODEL_TABLES, await wb.readTables(MODEL_TABLES)), year);
}

/** The settings and the model for their year, in the round trip that reads the model's tables. */
export async function readModelWithSettings(wb: WorkbookPort): Promise<{ model: Model; settings: ModelSettings }> {
  const read = await wb.readTablesAndSettings(MODEL_TABLES);
  const settings = parseSettings(read.settings, todayLocal());
  return { model: modelFromTables(tablesByName(MODEL_TABLES, read.tables), settings.year), settings };
}

export async function readSettings(wb: WorkbookPort): Promise<ModelSettings> {
  return parseSettings(await wb.getSettings(), todayLocal());
}

export async function saveSettings(wb: WorkbookPort, settings: ModelSettings): Promise<void> {
  await wb.saveSettings(storeSettings(settings));
}
