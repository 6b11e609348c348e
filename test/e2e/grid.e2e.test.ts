import { join } from "node:path";
import { Page } from "playwright-core";
import { OUTPUT, Session, cell, cellTexts, openPage, overflowingElements, startSession, stopSession, swedishNumber } from "./browser";

let session: Session;
beforeAll(async () => (session = await startSession()));
afterAll(async () => stopSession(session));

const paneTab = (page: Page, name: string) => page.getByRole("tablist", { name: "Samkalk" }).getByRole("tab", { name });

/** Types into the selected cell as a user would: the first key opens the cell's editor. */
async function typeInto(page: Page, address: string, text: string, commit = "Enter") {
  await cell(page, address).click();
  await page.keyboard.press(text[0]);
  const editor = page.getByLabel(`Redigera ${address}`);
  await editor.waitFor();
  await editor.pressSequentially(text.slice(1));
  await editor.press(commit);
}

describe("the standalone grid in Chromium", () => {
  it("(f) takes typing in a cell with Swedish names and syntax, Enter moves down, dates show as dates", async () => {
    const { page, problems } = await openPage(session);
    await typeInto(page, "I2", "=SUMMA(B2:B5)");
    expect(swedishNumber((await cellTexts(page, ["I2"]))[0])).toBe(12345 + 6789 + 25010 + 3001);
    expect(await page.getByLabel("Aktiv cell").textContent()).toBe("I3");
    await cell(page, "I2").click();
    expect(await page.getByLabel("Formel").inputValue()).toBe("=SUMMA(B2:B5)");
    await typeInto(page, "I3", "=SAMKALK.UPPSAGNINGSDAG(\"2027-04-30\";6)");
    expect((await cellTexts(page, ["I3"]))[0]).toBe("2026-10-31");
    await typeInto(page, "I4", "1 234,50");
    expect((await cellTexts(page, ["I4"]))[0].replace(/\u00a0/g, " ")).toBe("1 234,5");
    await page.screenshot({ path: join(OUTPUT, "f-skriva-i-cell.png") });
    expect(problems).toEqual([]);
  });

  it("(g) F2 edits, Escape cancels, Tab commits and moves right", async () => {
    const { page, problems } = await openPage(session);
    await cell(page, "B2").click();
    await page.keyboard.press("F2");
    const editor = page.getByLabel("Redigera B2");
    expect(await editor.inputValue()).toBe("12345");
    await editor.fill("999");
    await editor.press("Escape");
    expect((await cellTexts(page, ["B2"]))[0].replace(/\u00a0/g, " ")).toBe("12 345");
    await page.keyboard.press("F2");
    await page.getByLabel("Redigera B2").fill("12346");
    await page.getByLabel("Redigera B2").press("Tab");
    expect(await page.getByLabel("Aktiv cell").textContent()).toBe("C2");
    // FORDELA follows the new weight and still sums to 100 000.
    const parts = (await cellTexts(page, ["C2", "C3", "C4", "C5"])).map(swedishNumber);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100000);
    expect(problems).toEqual([]);
  });

  it("(h) pastes a block copied from Excel (tab-separated) in one step", async () => {
    const { page, problems } = await openPage(session);
    await cell(page, "A20").click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "1 000\t2,5\n=SUMMA(A20:B20)\tAsk\n2027-04-30\t=SAMKALK.FORDELA(100;A20:B20)\n");
      document.querySelector('[role="grid"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => (document.querySelector('[data-cell="A21"]')?.textContent ?? "").trim() !== "");
    const texts = (await cellTexts(page, ["A20", "B20", "A21", "B21", "A22", "B22", "C22"])).map((t) => t.replace(/\u00a0/g, " "));
    expect(texts).toEqual(["1 000", "2,5", "1 002,5", "Ask", "2027-04-30", "100", "0"]);
    await page.screenshot({ path: join(OUTPUT, "h-klistra-in.png") });
    expect(problems).toEqual([]);
  });

  it("(i) names the sheet cell of a bad argument, in Swedish", async () => {
    const { page, problems } = await openPage(session);
    await typeInto(page, "B3", "många");
    await typeInto(page, "J2", "=SAMKALK.FORDELA(100;B2:B5)");
    expect((await cellTexts(page, ["J2"]))[0]).toBe("#VÄRDEFEL!");
    expect(await cell(page, "J2").getAttribute("title")).toBe("vikter, cell B3: texten 'många' är inget tal");
    expect(problems).toEqual([]);
  });

  it("(j) sheet tabs scroll when there are many sheets, and the last one can be reached", async () => {
    const { page, problems } = await openPage(session);
    await paneTab(page, "Fakturaunderlag").click();
    await page.getByLabel("År").fill("2027");
    await page.getByRole("button", { name: "Skapa fakturaunderlag" }).click();
    await page.getByText("Fakturaunderlaget är klart").waitFor();
    const tabs = page.locator(".sheet-tabs");
    const overflow = await tabs.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(overflow.scroll).toBeGreaterThan(overflow.client);
    const last = page.getByRole("tablist", { name: "Blad" }).getByRole("tab").last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    expect(await page.getByRole("grid").getAttribute("aria-label")).toBe(`Bladet ${await last.textContent()}`);
    await page.screenshot({ path: join(OUTPUT, "j-bladflikar.png") });
    expect(problems).toEqual([]);
  });

  it("(k) nothing overflows the pane at 320 px, Excel's narrowest, with a preview and a long message", async () => {
    const { page, problems } = await openPage(session);
    await page.addStyleTag({ content: ".standalone-pane { width: 320px !important; flex: none; }" });
    await paneTab(page, "Importera avtal").click();
    await page.getByLabel("Fil med avtal").setInputFiles(join(__dirname, "..", "fixtures", "tre-kommuner", "avtal.csv"));
    await page.getByRole("button", { name: "Importera 6 rader till Avtal" }).click();
    await page.getByText("Importen är klar").waitFor();
    expect(await overflowingElements(page, ".standalone-pane")).toEqual([]);
    expect(await page.locator(".standalone-pane").evaluate((pane) => pane.scrollWidth <= pane.clientWidth)).toBe(true);
    await page.locator(".standalone-pane").screenshot({ path: join(OUTPUT, "k-320px.png") });
    expect(problems).toEqual([]);
  });

  it("(l) is virtualised: row 100 000 and column CV are reachable, with few cells in the page", async () => {
    const { page, problems } = await openPage(session);
    const grid = page.getByRole("grid");
    expect(await grid.getAttribute("aria-rowcount")).toBe(String(100_000 + 1));
    await grid.evaluate((el) => { el.scrollTop = el.scrollHeight; el.scrollLeft = el.scrollWidth; });
    await page.locator('[data-cell="CV100000"]').waitFor();
    expect(await page.locator('[role="gridcell"]').count()).toBeLessThan(2000);
    await cell(page, "CV100000").click();
    await page.keyboard.press("7");
    await page.getByLabel("Redigera CV100000").press("Enter");
    expect((await cellTexts(page, ["CV100000"]))[0]).toBe("7");
    // Ctrl+Home goes back to A1 and scrolls it into view.
    await page.keyboard.press("Control+Home");
    await page.locator('[data-cell="A1"]').waitFor();
    expect(await page.getByLabel("Aktiv cell").textContent()).toBe("A1");
    await page.screenshot({ path: join(OUTPUT, "l-virtualiserat.png") });
    expect(problems).toEqual([]);
  });

  it("(m) copies a range as Excel's tab-separated text, clears a range with Delete, and undoes and redoes each step", async () => {
    const { page, problems } = await openPage(session);
    await cell(page, "A2").click();
    await cell(page, "B3").click({ modifiers: ["Shift"] });
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.querySelector('[role="grid"]')!.dispatchEvent(new ClipboardEvent("copy", { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData("text/plain");
    });
    expect(copied.replace(/\u00a0/g, " ")).toBe("Ask\t12 345\r\nBjörkby\t6 789\r\n");
    await page.keyboard.press("Delete");
    expect(await cellTexts(page, ["A2", "B2", "A3", "B3"])).toEqual(["", "", "", ""]);
    await page.keyboard.press("Control+z");
    expect((await cellTexts(page, ["A2", "B2", "A3", "B3"])).map((t) => t.replace(/\u00a0/g, " "))).toEqual(["Ask", "12 345", "Björkby", "6 789"]);
    await page.keyboard.press("Control+y");
    expect(await cellTexts(page, ["A2", "B3"])).toEqual(["", ""]);
    await page.keyboard.press("Control+z");
    // Typing is one step too.
    await typeInto(page, "B2", "1");
    expect((await cellTexts(page, ["B2"]))[0]).toBe("1");
    await cell(page, "B2").click();
    await page.keyboard.press("Control+z");
    expect((await cellTexts(page, ["B2"]))[0].replace(/\u00a0/g, " ")).toBe("12 345");
    await page.screenshot({ path: join(OUTPUT, "m-kopiera-ta-bort-angra.png") });
    expect(problems).toEqual([]);
  });

  it("(n) Tab on the grid moves the focus out of it; Shift+Tab in a cell being edited commits and moves left", async () => {
    const { page, problems } = await openPage(session);
    await cell(page, "C3").click();
    await page.keyboard.press("9");
    await page.getByLabel("Redigera C3").press("Shift+Tab");
    expect(await page.getByLabel("Aktiv cell").textContent()).toBe("B3");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("grid");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null)).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("grid");
    expect(problems).toEqual([]);
  });
  it("(o) never loses work: a reload restores the workbook with a message, leaving with unsaved changes asks first", async () => {
    const { page, problems } = await openPage(session);
    const asked: string[] = [];
    page.on("dialog", (d) => { asked.push(d.type()); void d.accept(); });
    await typeInto(page, "A12", "Sparad i webbläsaren");
    await page.waitForTimeout(1500); // the autosave waits for a pause of 1 s
    await page.reload(); // with a change not saved as .xlsx: the browser asks, the test leaves
    expect(asked).toEqual(["beforeunload"]);
    await page.getByText(/Ditt arbete är återställt: sparat automatiskt i webbläsaren/).waitFor();
    expect((await cellTexts(page, ["A12"]))[0]).toBe("Sparad i webbläsaren");
    await page.screenshot({ path: join(OUTPUT, "o-aterstallt.png") });
    await page.getByRole("button", { name: "Börja om med exempelarbetsboken" }).click();
    await page.getByText("Exempelarbetsboken är öppnad").waitFor();
    expect((await cellTexts(page, ["A12"]))[0]).toBe("");
    await page.reload();
    await page.locator('[data-cell="A1"]').waitFor();
    expect(await page.getByText(/Ditt arbete är återställt/).count()).toBe(0);
    expect(asked).toEqual(["beforeunload"]); // nothing unsaved after starting over: no question
    expect(problems).toEqual([]);
  });
  it("(p) an error of a spilling function stands in its anchor cell with its message, as in Excel, also when a neighbour blocks the spill", async () => {
    const { page, problems } = await openPage(session);
    await typeInto(page, "L2", "=SAMKALK.FORDELA(100;A2:A5)");
    const [anchor, below] = await cellTexts(page, ["L2", "L3"]);
    expect([anchor, below]).toEqual(["#VÄRDEFEL!", ""]);
    expect(await cell(page, "L2").getAttribute("title")).toMatch(/cell A2/);
    await typeInto(page, "L3", "i vägen");
    expect((await cellTexts(page, ["L2"]))[0]).toBe("#VÄRDEFEL!");
    expect(await cell(page, "L2").getAttribute("title")).toMatch(/cell A2/);
    // A function that computes but cannot spill: #SPILL! with a Swedish message.
    await typeInto(page, "N2", "=SAMKALK.FORDELA(100;B2:B5)");
    await typeInto(page, "N4", "i vägen");
    expect((await cellTexts(page, ["N2"]))[0]).toBe("#SPILL!");
    const message = (await cell(page, "N2").getAttribute("title")) ?? "";
    expect(message).not.toMatch(/No space|array result/i);
    expect(message.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUTPUT, "p-spillfel.png") });
    expect(problems).toEqual([]);
  });
});
