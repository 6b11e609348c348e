import type { WorkbookSnapshot } from "../core/cells";

/**
 * The standalone page keeps the workbook in the browser (IndexedDB) as it changes, so a reload or
 * a closed tab loses nothing: on the next visit the page opens the saved workbook and says so.
 * Saving waits for a pause in the changes (a paste of 10 000 rows is saved once, not per cell).
 */

export interface SavedWorkbook {
  snapshot: WorkbookSnapshot;
  /** When it was saved, ISO 8601. */
  savedAt: string;
}

/** Where the saved workbook is kept: IndexedDB in the browser, a map in tests. */
export interface AutosaveStore {
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
  remove(): Promise<void>;
}

const DATABASE = "samkalk";
const STORE = "arbetsbok";
const KEY = "autosparad";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The browser's IndexedDB, or null where there is none (a private window may refuse it). */
export function indexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): AutosaveStore | null {
  if (!factory) return null;
  let database: Promise<IDBDatabase> | null = null;
  const open = () =>
    (database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DATABASE, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    }));
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    read: async () => (await request((await store("readonly")).get(KEY))) as string | undefined,
    write: async (text) => void (await request((await store("readwrite")).put(text, KEY))),
    remove: async () => void (await request((await store("readwrite")).delete(KEY))),
  };
}

/** The saved workbook, or null when there is none or it cannot be read (then it is removed). */
export async function loadAutosaved(store: AutosaveStore | null): Promise<SavedWorkbook | null> {
  if (!store) return null;
  try {
    const text = await store.read();
    if (!text) return null;
    const saved = JSON.parse(text) as SavedWorkbook;
    if (!saved || !Array.isArray(saved.snapshot?.sheets) || typeof saved.savedAt !== "string") throw new Error("okänd form");
    return saved;
  } catch {
    await store.remove().catch(() => undefined);
    return null;
  }
}

/**
 * Saves the workbook after each pause of `delayMs` in its changes; `flush` saves at once (before
 * the page closes). Returns the function that stops it.
 */
export function startAutosave(
  store: AutosaveStore,
  subscribe: (listener: () => void) => () => void,
  snapshot: () => WorkbookSnapshot,
  options: { delayMs?: number; now?: () => Date; onError?: (error: unknown) => void; revision?: () => number } = {},
): { stop: () => void; flush: () => Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A change of selection notifies too; only a new revision is worth a save.
  let savedRevision = options.revision?.();
  const save = async () => {
    timer = null;
    const revision = options.revision?.();
    if (revision !== undefined && revision === savedRevision) return;
    savedRevision = revision;
    const saved: SavedWorkbook = { snapshot: snapshot(), savedAt: (options.now?.() ?? new Date()).toISOString() };
    await store.write(JSON.stringify(saved)).catch((error: unknown) => options.onError?.(error));
  };
  const unsubscribe = subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), options.delayMs ?? 1000);
  });
  return {
    stop: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
    flush: async () => {
      if (!timer) return;
      clearTimeout(timer);
      await save();
    },
  };
}
