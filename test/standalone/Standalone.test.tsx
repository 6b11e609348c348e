/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { AutosaveStore } from "../../src/standalone/autosave";
import { Standalone } from "../../src/standalone/Standalone";
import { giveTheGridASize } from "./gridSize";

giveTheGridASize();

/** The browser's store as a map, with what was written and removed. */
function memoryStore(fail = false) {
  const written: string[] = [];
  let removed = 0;
  const store: AutosaveStore = {
    read: async () => written.at(-1),
    write: async (text) => { if (fail) throw new Error("QuotaExceededError"); written.push(text); },
    remove: async () => void removed++,
  };
  return { store, written, removed: () => removed };
}

const xlsxFile = (path: string, name: string) => {
  const bytes = readFileSync(path);
  const file = new File([bytes], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
};

/** Whether leaving the page now would make the browser ask first. */
function leavingAsks(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The sheet tabs' names (an unselected Fluent tab holds its text twice, once to reserve the bold width). */
/** Lets the pane finish reading the workbook's settings before the test ends. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

const sheetTabs = () => within(screen.getByRole("tablist", { name: "Blad" })).getAllByRole("tab")
  .map((t) => [...t.querySelectorAll(".fui-Tab__content")].find((c) => !c.classList.contains("fui-Tab__content--reserved-space"))!.textContent);
const message = () => document.querySelector(".fui-MessageBar")?.textContent ?? null;

describe("the standalone page", () => {
  it("shows the grid and the task pane on one workbook: what the pane writes, the grid shows", async () => {
    const user = userEvent.setup();
    render(<Standalone initial={await buildDemoWorkbook()} />);
    expect(screen.getByRole("grid").getAttribute("aria-label")).toBe("Bladet Exempel");
    expect(message()).toBeNull();
    const pane = screen.getByRole("complementary", { name: "Aktivitetsfönster" });
    await user.click(within(pane).getByRole("tab", { name: "Dela som värden" }));
    await user.click(await within(pane).findByRole("checkbox", { name: "Index" }));
    await user.click(within(pane).getByRole("button", { name: "Skapa kopior med värden" }));
    await within(pane).findByText("Kopiorna är klara");
    expect(sheetTabs()).toContain("Index (värden)");
  }, 20_000);

  it("says that the work was restored, and starts over with the demo workbook on request", async () => {
    const user = userEvent.setup();
    const { store, removed } = memoryStore();
    render(<Standalone initial={new EmbeddedWorkbook(["Återställt"])} store={store} restoredAt="2026-11-23T12:00:00.000Z" />);
    expect(message()).toMatch(/^Ditt arbete är återställt: sparat automatiskt i webbläsaren 2026-11-23 \d\d:\d\d/);
    expect(sheetTabs()).toEqual(["Återställt"]);
    await user.click(screen.getByRole("button", { name: "Börja om med exempelarbetsboken" }));
    await screen.findByText("Exempelarbetsboken är öppnad");
    expect(removed()).toBe(1);
    expect(sheetTabs()[0]).toBe("Exempel");
    expect(screen.getByRole("grid").getAttribute("aria-label")).toBe("Bladet Exempel");
    expect(screen.queryByRole("button", { name: "Börja om med exempelarbetsboken" })).toBeNull();
    expect(leavingAsks()).toBe(false); // the demo workbook is nothing to lose
  }, 20_000);

  it("asks before leaving only with changes not saved as .xlsx, and keeps them in the browser first", async () => {
    const { store, written } = memoryStore();
    const wb = await buildDemoWorkbook();
    render(<Standalone initial={wb} store={store} />);
    expect(leavingAsks()).toBe(false);
    act(() => wb.setCellFromUser("Exempel", "A12", "Sparad i webbläsaren"));
    expect(written).toEqual([]); // the save waits for a pause in the changes…
    expect(leavingAsks()).toBe(true);
    expect(written).toHaveLength(1); // …but not when the page is left
    expect(written[0]).toContain("Sparad i webbläsaren");
    await settle();
  });

  it("keeps the work in the browser when the tab is hidden, without waiting for the pause", async () => {
    const { store, written } = memoryStore();
    const wb = await buildDemoWorkbook();
    render(<Standalone initial={wb} store={store} />);
    act(() => wb.setCellFromUser("Exempel", "A13", "Dold flik"));
    const visibility = jest.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    visibility.mockRestore();
    expect(written).toHaveLength(1);
    expect(written[0]).toContain("Dold flik");
    await settle();
  });

  it("warns when the browser cannot keep the work, and says to save it as .xlsx", async () => {
    const { store } = memoryStore(true);
    const wb = await buildDemoWorkbook();
    render(<Standalone initial={wb} store={store} />);
    act(() => wb.setCellFromUser("Exempel", "A12", "x"));
    leavingAsks(); // flushes the pending save
    await waitFor(() => expect(message()).toBe("Arbetet kunde inte sparas i webbläsaren: spara det som .xlsx för att inte förlora det"));
  });

  it("opens an .xlsx file in place of the workbook, and has nothing unsaved then", async () => {
    const user = userEvent.setup();
    const wb = await buildDemoWorkbook();
    render(<Standalone initial={wb} />);
    act(() => wb.setCellFromUser("Exempel", "A12", "ändrat"));
    await user.upload(screen.getByLabelText("Öppna arbetsbok"), xlsxFile(join(__dirname, "..", "fixtures", "xlsx-corpus", "libreoffice-native.xlsx"), "libreoffice-native.xlsx"));
    await screen.findByText("libreoffice-native.xlsx är öppnad");
    expect(sheetTabs()).toContain("Fördelning");
    expect(sheetTabs()).not.toContain("Exempel");
    expect(leavingAsks()).toBe(false);
  }, 20_000);

  it("refuses a file that is no xlsx with a Swedish message, and keeps the workbook", async () => {
    const user = userEvent.setup();
    render(<Standalone initial={await buildDemoWorkbook()} />);
    await user.upload(screen.getByLabelText("Öppna arbetsbok"), xlsxFile(join(__dirname, "..", "fixtures", "bad", "contracts-not-a-zip.xlsx"), "inte-en-zip.xlsx"));
    await waitFor(() => expect(message()).toMatch(/^Det gick inte: fil inte-en-zip\.xlsx: filen är ingen xlsx-fil/));
    expect(sheetTabs()[0]).toBe("Exempel");
  });

  it("saves the workbook as samkalk.xlsx, after which leaving asks nothing", async () => {
    const user = userEvent.setup();
    const wb = await buildDemoWorkbook();
    const downloads: { name: string; href: string }[] = [];
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), "blob:samkalk"), revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) { downloads.push({ name: this.download, href: this.href }); });
    render(<Standalone initial={wb} />);
    act(() => wb.setCellFromUser("Exempel", "A12", "sparas"));
    expect(leavingAsks()).toBe(true);
    await user.click(screen.getByRole("button", { name: "Spara .xlsx" }));
    await waitFor(() => expect(downloads).toEqual([{ name: "samkalk.xlsx", href: "blob:samkalk" }]));
    expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(leavingAsks()).toBe(false);
    click.mockRestore();
  }, 20_000);
});
