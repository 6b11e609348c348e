/**
 * The model's settings in Excel, one workbook setting per key (Excel.SettingCollection, ExcelApi
 * 1.4). The Common API's document settings keep an in-memory copy per client that is written
 * back whole on saveAsync, so two co-authors saving different settings overwrite each other;
 * a workbook setting is its own change, read fresh each time, and co-authors' changes to
 * different keys both stay. Settings an older version kept in the document settings are moved
 * over once, without replacing what a co-author has already stored.
 */

/** The Common API's document settings (Office.context.document.settings): read only to migrate. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove?(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface SettingsHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  settings?: DocumentSettings;
}

/** Every Samkalk setting is named samkalk.<key>, apart from other add-ins' settings in the same workbook. */
export const SETTING_PREFIX = "samkalk.";
/** Where older versions kept all settings as one object in the document settings. */
export const DOCUMENT_SETTINGS_KEY = "samkalk";

/** Whether an older version's settings still wait in the document settings to be moved over. */
export function hasLegacySettings(host: SettingsHost): boolean {
  return documentSettings(host.settings) !== null;
}

/**
 * Queues the read of Samkalk's workbook settings in a batch that is about to sync, so another
 * read (the model's tables) can carry it; the answer is there once the batch has synced.
 */
export function queueSettingsRead(context: Excel.RequestContext): () => Record<string, string> {
  const collection = context.workbook.settings.load("items/key,items/value");
  return () => {
    const stored: Record<string, string> = {};
    for (const item of collection.items) {
      if (item.key.startsWith(SETTING_PREFIX) && isStorable(item.value)) stored[item.key.slice(SETTING_PREFIX.length)] = String(item.value);
    }
    return stored;
  };
}

export async function readSettings(host: SettingsHost): Promise<Record<string, string>> {
  const legacy = documentSettings(host.settings);
  return host.run(async (context) => {
    const read = queueSettingsRead(context);
    await context.sync();
    const stored = read();
    if (!legacy) return stored;
    const missing = Object.entries(legacy).filter(([key]) => !(key in stored));
    for (const [key, value] of missing) context.workbook.settings.add(SETTING_PREFIX + key, value);
    try {
      await context.sync();
      await forgetDocumentSettings(host.settings!);
    } catch {
      // A workbook open read-only (or protected) cannot take the move: read the old copy as it is
      // and move it when someone opens the workbook for editing.
    }
    return { ...Object.fromEntries(missing), ...stored };
  });
}

/** Each key is written as its own setting, in one batch; keys not given are left as they are. */
export async function saveSettings(host: SettingsHost, settings: Record<string, string>): Promise<void> {
  const entries = Object.entries(settings);
  if (entries.length === 0) return;
  await host.run(async (context) => {
    for (const [key, value] of entries) context.workbook.settings.add(SETTING_PREFIX + key, value);
    await context.sync();
  });
}

function isStorable(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function documentSettings(settings: DocumentSettings | undefined): Record<string, string> | null {
  const raw = settings?.get(DOCUMENT_SETTINGS_KEY);
  if (!raw || typeof raw !== "object") return null;
  const entries = Object.entries(raw as Record<string, unknown>).filter((e): e is [string, string | number | boolean] => isStorable(e[1]));
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** Removes the old copy so the migration runs once; a failure to save it only means it runs again. */
async function forgetDocumentSettings(settings: DocumentSettings): Promise<void> {
  if (settings.remove) settings.remove(DOCUMENT_SETTINGS_KEY);
  else settings.set(DOCUMENT_SETTINGS_KEY, null);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}
