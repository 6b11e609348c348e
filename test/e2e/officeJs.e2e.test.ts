import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { OUTPUT, Session, startSession, stopSession } from "./browser";

/**
 * The real task pane page (dist/taskpane.html, npm run build:dev) with the real office.js from
 * @microsoft/office-js served in place of Microsoft's CDN, which is out of reach here. Outside
 * Office the page must start cleanly and send the user on; the functions bundle must register
 * every function Excel's functions.json declares.
 */
const ROOT = join(__dirname, "..", "..");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** office.js's logging frame (allowed by the page's CSP): answered empty, so nothing leaves. */
const TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";

let session: Session | undefined;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => stopSession(session));

interface Opened {
  page: Page;
  problems: string[];
  fromCdn: string[];
}

/** Every request to the CDN is answered from the npm package; anything it lacks is a 404, and a problem. */
async function openTaskpane(): Promise<Opened> {
  const page = await session!.browser.newPage();
  const problems: string[] = [];
  const fromCdn: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.route(`${CDN}**`, async (route) => {
    const file = join(OFFICE_DIST, new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length));
    fromCdn.push(file.slice(OFFICE_DIST.length + 1));
    if (!existsSync(file)) {
      problems.push(`office.js asked for ${route.request().url()}, which the package does not have`);
      return route.fulfill({ status: 404, body: "" });
    }
    return route.fulfill({ status: 200, contentType: "application/javascript", body: readFileSync(file) });
  });
  await page.route(`${TELEMETRY}**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title></title>" }));
  await page.goto(`${session!.url}taskpane.html`);
  return { page, problems, fromCdn };
}

describe("the task pane page with the real office.js", () => {
  it("outside Office starts without errors, says in Swedish that it runs in Excel and links to the standalone page", async () => {
    const { page, problems, fromCdn } = await openTaskpane();
    await page.getByRole("heading", { name: "Samkalk körs i Excel" }).waitFor({ timeout: 20_000 });
    expect(fromCdn).toContain("office.js");
    // office.js opens its logging frame 3 s after it loads; a page whose CSP blocked it would log an error.
    await page.waitForSelector(`iframe[src^="${TELEMETRY}"]`, { state: "attached", timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUTPUT, "taskpane-outside-office.png") });
    const link = page.getByRole("link", { name: "Öppna den fristående sidan" });
    await link.click();
    await page.waitForSelector('[data-cell="C2"]'); // the standalone page's grid
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the functions bundle registers every function id of functions.json with the real office.js", async () => {
    const declared = (JSON.parse(readFileSync(join(ROOT, "dist", "functions.json"), "utf-8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect(declared.length).toBeGreaterThan(0);
    const { page, problems } = await openTaskpane();
    await page.getByRole("heading", { name: "Samkalk körs i Excel" }).waitFor({ timeout: 20_000 });
    // office.js's own association table, which Excel's runtime calls into by id.
    const registered = await page.evaluate(() => {
      const mappings = (globalThis as unknown as { CustomFunctions: { _association: { mappings: Record<string, unknown> } } }).CustomFunctions._association.mappings;
      return Object.entries(mappings).map(([id, f]) => `${id}:${typeof f}`);
    });
    expect(registered.sort()).toEqual(declared.map((id) => `${id}:function`).sort());
    expect(problems).toEqual([]);
    await page.close();
  });
});
