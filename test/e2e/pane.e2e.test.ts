import { join } from "node:path";
import { Page } from "playwright-core";
import { OUTPUT, Session, overflowingElements, openPage, startSession, stopSession } from "./browser";

let session: Session;
beforeAll(async () => (session = await startSession()));
afterAll(async () => stopSession(session));

const paneTab = (page: Page, name: string) => page.getByRole("tablist", { name: "Samkalk" }).getByRole("tab", { name });

/** Every number cell of the pane's tables that takes more than one line. */
const wrappedNumbers = (page: Page) =>
  page.locator(".standalone-pane").evaluate((pane) => [...pane.querySelectorAll(".samkalk-number")].filter((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return range.getClientRects().length > 1;
  }).map((el) => el.textContent));

describe("the task pane in Chromium", () => {
  it("(p1) at 320 px the fee tables scroll sideways and no amount wraps", async () => {
    const { page, problems } = await openPage(session);
    await page.addStyleTag({ content: ".standalone-pane { width: 320px !important; flex: none; }" });
    await paneTab(page, "Medlemsbidrag").click();
    await page.getByRole("table", { name: "Medlemsbidrag per medlem" }).waitFor();
    expect(await page.locator(".standalone-pane .samkalk-number").count()).toBeGreaterThan(10);
    expect(await wrappedNumbers(page)).toEqual([]);
    expect(await overflowingElements(page, ".standalone-pane")).toEqual([]);
    expect(await page.locator(".standalone-pane").evaluate((pane) => pane.scrollWidth <= pane.clientWidth)).toBe(true);
    await page.locator(".standalone-pane").screenshot({ path: join(OUTPUT, "p1-medlemsbidrag-320px.png") });
    expect(problems).toEqual([]);
  });

  it("(p2) an unsaved uplift stays through tab switches, blocks the invoice run, and the invoice year is the model's", async () => {
    const { page, problems } = await openPage(session);
    await paneTab(page, "Fakturaunderlag").click();
    await page.getByRole("textbox", { name: "År" }).waitFor();
    expect(await page.getByRole("textbox", { name: "År" }).inputValue()).toBe("2027");
    await paneTab(page, "Medlemsbidrag").click();
    const uplift = page.getByRole("textbox", { name: "Uppräkning (%)" });
    await uplift.fill("3");
    await page.getByText("Osparade ändringar").waitFor();
    await paneTab(page, "Fakturaunderlag").click();
    await page.getByText("Medlemsbidrag har osparade ändringar").waitFor();
    expect(await page.getByRole("button", { name: "Skapa fakturaunderlag" }).isDisabled()).toBe(true);
    await page.locator(".standalone-pane").screenshot({ path: join(OUTPUT, "p2-osparade-installningar.png") });
    await paneTab(page, "Medlemsbidrag").click();
    expect(await page.getByRole("textbox", { name: "Uppräkning (%)" }).inputValue()).toBe("3");
    await page.locator(".samkalk-unsaved").getByRole("button", { name: "Spara" }).click();
    await page.getByText("Inställningarna är sparade").waitFor();
    await paneTab(page, "Fakturaunderlag").click();
    expect(await page.getByRole("button", { name: "Skapa fakturaunderlag" }).isDisabled()).toBe(false);
    expect(problems).toEqual([]);
  });

  it("(p3) at 1366×768 the outcome of a long screen is scrolled into view and announced", async () => {
    const { page, problems } = await openPage(session);
    await page.setViewportSize({ width: 1366, height: 768 });
    await paneTab(page, "Medlemsbidrag").click();
    await page.getByRole("table", { name: "Medlemsbidrag per medlem" }).waitFor();
    await page.getByRole("button", { name: "Uppdatera tabeller" }).click();
    const message = page.getByText("Tabellerna är uppdaterade");
    await message.waitFor();
    await page.waitForTimeout(600);
    const box = (await message.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await message.evaluate((el) => el.closest("[aria-live]")?.getAttribute("aria-live"))).toBe("polite");
    await page.screenshot({ path: join(OUTPUT, "p3-resultat-synligt.png") });
    expect(problems).toEqual([]);
  });
});
