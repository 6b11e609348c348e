import { AutosaveStore, loadAutosaved, startAutosave } from "../../src/standalone/autosave";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readUserCell } from "../../src/standalone/userInput";

function memoryStore(): AutosaveStore & { writes: number; text?: string } {
  const store = {
    writes: 0,
    text: undefined as string | undefined,
    read: async () => store.text,
    write: async (text: string) => {
      store.writes++;
      store.text = text;
    },
    remove: async () => void (store.text = undefined),
  };
  return store;
}

describe("autosave of the standalone page's workbook", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("saves once after a pause in the changes, not on a change of selection, and restores what it saved", async () => {
    const store = memoryStore();
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const autosave = startAutosave(store, (l) => wb.subscribe(l), () => wb.snapshot(), { revision: () => wb.revision, delayMs: 1000, now: () => new Date("2027-03-01T09:30:00Z") });
    for (const text of ["1", "2", "3"]) wb.setBlockFromUser("Blad1", "A1", [[readUserCell(text)]]);
    await jest.advanceTimersByTimeAsync(999);
    expect(store.writes).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(store.writes).toBe(1);
    await wb.selectRange("Blad1", "B2");
    await jest.advanceTimersByTimeAsync(2000);
    expect(store.writes).toBe(1);
    autosave.stop();
    const saved = await loadAutosaved(store);
    expect(saved?.savedAt).toBe("2027-03-01T09:30:00.000Z");
    expect(EmbeddedWorkbook.fromSnapshot(saved!.snapshot).cellValue("Blad1", 0, 0)).toBe(3);
  });

  it("flush saves what is pending at once (the tab is hidden or closed)", async () => {
    const store = memoryStore();
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const autosave = startAutosave(store, (l) => wb.subscribe(l), () => wb.snapshot(), { revision: () => wb.revision });
    wb.setBlockFromUser("Blad1", "A1", [[readUserCell("7")]]);
    await autosave.flush();
    expect(store.writes).toBe(1);
    await autosave.flush();
    expect(store.writes).toBe(1);
  });

  it("a saved workbook that cannot be read is removed, and the page starts as new", async () => {
    const store = memoryStore();
    store.text = "{inte json";
    expect(await loadAutosaved(store)).toBeNull();
    expect(store.text).toBeUndefined();
    store.text = JSON.stringify({ snapshot: { sheets: "fel" }, savedAt: "x" });
    expect(await loadAutosaved(store)).toBeNull();
    expect(await loadAutosaved(null)).toBeNull();
  });

  it("a failed write is reported, not thrown", async () => {
    const errors: unknown[] = [];
    const store: AutosaveStore = { read: async () => undefined, write: async () => Promise.reject(new Error("QuotaExceededError")), remove: async () => undefined };
    const wb = new EmbeddedWorkbook(["Blad1"]);
    startAutosave(store, (l) => wb.subscribe(l), () => wb.snapshot(), { onError: (e) => errors.push(e) });
    wb.setBlockFromUser("Blad1", "A1", [[readUserCell("7")]]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
  });
});
