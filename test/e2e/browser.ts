import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import { Browser, Page, chromium } from "playwright-core";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve-static");

const ROOT = join(__dirname, "..", "..");
export const OUTPUT = join(ROOT, "test-output", "e2e");

/** Debian's chromium (apt-get install chromium); no browser is downloaded at run time. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("Chromium saknas: installera det med `apt-get install -y chromium` (se README)");
  return found;
}

export interface Session {
  browser: Browser;
  server: Server;
  url: string;
}

export async function startSession(): Promise<Session> {
  if (!existsSync(join(ROOT, "dist", "index.html"))) throw new Error("dist/ saknas: kör `npm run build:dev` först (npm test gör det)");
  mkdirSync(OUTPUT, { recursive: true });
  const server: Server = await serveStatic(join(ROOT, "dist"));
  const address = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  return { browser, server, url: `http://127.0.0.1:${address.port}/` };
}

export async function stopSession(session: Session | undefined): Promise<void> {
  await session?.browser.close();
  await new Promise((resolve) => session?.server.close(resolve));
}

/** A page that records every console error and uncaught error, for the test to assert none. */
export async function openPage(session: Session): Promise<{ page: Page; problems: string[] }> {
  const page = await session.browser.newPage({ viewport: { width: 1500, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(session.url);
  await page.waitForSelector('[data-cell="C2"]');
  return { page, problems };
}

export const cell = (page: Page, address: string) => page.locator(`[data-cell="${address}"]`);

/**
 * The grid is virtualised: a cell out of view is not in the page. Scrolls the grid to it, as a
 * user would, when it is not rendered (22 px rows, 96 px columns).
 */
async function showCell(page: Page, address: string): Promise<void> {
  if ((await cell(page, address).count()) > 0) return;
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  await page.evaluate(([row, column]) => {
    const grid = document.querySelector('[role="grid"]')!;
    grid.scrollTop = Math.max(0, row * 22 - 100);
    grid.scrollLeft = Math.max(0, column * 96 - 100);
  }, [Number(digits) - 1, col]);
  await cell(page, address).waitFor();
}

export async function cellTexts(page: Page, addresses: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const a of addresses) {
    await showCell(page, a);
    texts.push(((await cell(page, a).textContent()) ?? "").trim());
  }
  return texts;
}

/** "25 593" → 25593, "-12 500" → -12500, "9,11" → 9.11 (the grid shows Swedish numbers). */
export function swedishNumber(text: string): number {
  return Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));
}

/** The elements inside `selector` that reach past its right edge, except inside tables meant to scroll sideways. */
export function overflowingElements(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((pane) => {
    const limit = pane.getBoundingClientRect().right + 1;
    return [...pane.querySelectorAll("*")].filter((el) => !el.closest(".samkalk-table-wrap") && el.getBoundingClientRect().right > limit).map((el) => `${el.tagName}.${el.className}`.slice(0, 80));
  });
}
