import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zip } from "../zipWriter";
import { Page } from "playwright-core";
import { OUTPUT, Session, cell, cellTexts, openPage, startSession, stopSession, swedishNumber } from "./browser";

const FIXTURES = join(__dirname, "..", "fixtures");

let session: Session;
beforeAll(async () => (session = await startSession()));
afterAll(async () => stopSession(session));

const sheetTab = (page: Page, name: string) => page.getByRole("tablist", { name: "Blad" }).getByRole("tab", { name });
const paneTab = (page: Page, name: string) => page.getByRole("tablist", { name: "Samkalk" }).getByRole("tab", { name });

async function importFile(page: Page, kind: "avtal" | "utfall", file: string) {
  await paneTab(page, kind === "avtal" ? "Importera avtal" : "Importera utfall").click();
  await page.getByLabel(`Fil med ${kind}`).setInputFiles(join(FIXTURES, file));
}

async function rowsOf(page: Page, sheet: string, rows: number, cols: string[]) {
  await sheetTab(page, sheet).click();
  const out: string[][] = [];
  for (let r = 1; r <= rows; r++) out.push(await cellTexts(page, cols.map((c) => `${c}${r}`)));
  return out;
}

describe("the standalone page in Chromium", () => {
  it("(a) spills a FORDELA typed in Swedish syntax, summing exactly to the total", async () => {
    const { page, problems } = await openPage(session);
    await cell(page, "I2").click();
    await page.getByLabel("Formel").fill("=SAMKALK.FORDELA(100000;B2:B5;0,5)");
    await page.getByLabel("Formel").press("Enter");
    await page.waitForFunction(() => document.querySelector('[data-cell="I5"]')?.textContent?.trim() !== "");
    const parts = (await cellTexts(page, ["I2", "I3", "I4", "I5"])).map(swedishNumber);
    expect(parts).toEqual([25593, 19700, 39024, 15683]);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(100000);
    await cell(page, "I2").click();
    expect(await page.getByLabel("Formel").inputValue()).toBe("=SAMKALK.FORDELA(100000;B2:B5;0,5)");
    await page.screenshot({ path: join(OUTPUT, "a-fordela.png") });
    expect(problems).toEqual([]);
  });

  it("(b) reconciles the three-municipality follow-up: every total has Diff = Avtalat − Fakturerat", async () => {
    const { page, problems } = await openPage(session);
    await importFile(page, "avtal", "tre-kommuner/avtal.csv");
    await page.getByRole("button", { name: "Importera 6 rader till Avtal" }).click();
    await page.getByText("Importen är klar").waitFor();
    await importFile(page, "utfall", "tre-kommuner/utfall.csv");
    await page.getByRole("button", { name: "Importera 5 rader till Utfall" }).click();
    await page.getByText("Importen är klar").waitFor();
    await paneTab(page, "Kontrollera mot avtal").click();
    await page.getByLabel("Per datum").fill("2025-11-23");
    await page.getByRole("button", { name: "Kontrollera mot avtal" }).click();
    await page.getByText("Kontrollen är klar: avvikelser hittades").waitFor();
    const rows = (await rowsOf(page, "Avtalskontroll", 11, ["A", "B", "C", "D", "E", "F", "G", "H"])).map((r) => r.map((t) => t.replace(/[\u00a0\u202f]/g, " ")));
    expect(rows[3]).toEqual(["Ask", "Skolportal", "", "", "48 000", "-48 000", "3,89", "Fakturerat utan avtal"]);
    expect(rows[6]).toEqual(["Björkby", "Växel", "20 000", "20 000", "", "20 000", "saknas", "Avtal utan fakturering"]);
    expect(rows[4].slice(0, 6)).toEqual(["Summa Ask", "", "140 000", "140 000", "200 500", "-60 500"]);
    expect(rows[10].slice(0, 6)).toEqual(["Summa alla medlemmar", "", "320 000", "320 000", "371 200", "-51 200"]);
    for (const r of rows.slice(1)) expect(swedishNumber(r[5] || "0")).toBe(swedishNumber(r[3] || "0") - swedishNumber(r[4] || "0"));
    await page.screenshot({ path: join(OUTPUT, "b-avtalskontroll.png") });
    expect(problems).toEqual([]);
  });

  it("(c) shows the Swedish error for a broken row and changes no table", async () => {
    const { page, problems } = await openPage(session);
    const before = await rowsOf(page, "Avtal", 6, ["A", "B", "C", "D", "E", "F", "G", "H"]);
    await importFile(page, "avtal", "avtal-trasig.csv");
    await page.getByText("avtal-trasig.csv, rad 3, kolumn Avtalat: texten 'femtio tusen' är inget tal").waitFor();
    expect(await page.getByRole("button", { name: /Importera 1 rad till Avtal/ }).isDisabled()).toBe(true);
    expect(await rowsOf(page, "Avtal", 6, ["A", "B", "C", "D", "E", "F", "G", "H"])).toEqual(before);
    await page.screenshot({ path: join(OUTPUT, "c-trasig-fil.png") });
    expect(problems).toEqual([]);
  });

  it("(d) computes the fee of DOMAIN.md §3 from the budget and refreshes the fee sheet twice without duplicates", async () => {
    const { page, problems } = await openPage(session);
    await paneTab(page, "Medlemsbidrag").click();
    await page.getByRole("table", { name: "Medlemsbidrag per medlem" }).waitFor();
    const refresh = async () => {
      await page.getByRole("button", { name: "Uppdatera tabeller" }).click();
      await page.getByText("Tabellerna är uppdaterade").waitFor();
      const column = await rowsOf(page, "Medlemsbidrag", 45, ["A", "B", "C", "D", "E"]);
      await sheetTab(page, "Exempel").click();
      return column;
    };
    const first = await refresh();
    await page.getByRole("button", { name: "Uppdatera tabeller" }).waitFor();
    const second = await refresh();
    expect(second).toEqual(first);
    const value = (label: string) => swedishNumber(first.find(([a]) => a === label)![1]);
    expect([value("Summa årskostnad enligt budget"), value("Uppräkning (kr)"), value("Medlemsbidrag"), value("Avvikelse (föregående år − nytt)")]).toEqual([4_915_000, 98_300, 5_013_300, -113_300]);
    const members = first.filter(([a]) => ["Ask", "Björkby", "Ceder", "Dal"].includes(a)).slice(-4);
    expect(members.map((r) => swedishNumber(r[2]))).toEqual([1_454_673, 816_036, 2_323_929, 418_662]);
    const sumRow = first.filter(([a]) => a === "Summa")[1];
    expect([swedishNumber(sumRow[2]), swedishNumber(sumRow[3]), swedishNumber(sumRow[4])]).toEqual([5_013_300, 427_500, 5_440_800]);
    expect(first.filter(([a]) => a === "Medlemsbidrag Ask")).toHaveLength(1);
    await sheetTab(page, "Medlemsbidrag").click();
    await page.screenshot({ path: join(OUTPUT, "d-medlemsbidrag.png") });
    expect(problems).toEqual([]);
  });

  it("(e) invoices Q2 2027 with the true-up of the March key, every quarter exact both ways", async () => {
    const { page, problems } = await openPage(session);
    await paneTab(page, "Fakturaunderlag").click();
    await page.getByLabel("År").fill("2027");
    await page.getByLabel("Period").selectOption("Q2");
    await page.getByRole("button", { name: "Skapa fakturaunderlag" }).click();
    await page.getByText("Fakturaunderlaget är klart").waitFor();
    const plan = await rowsOf(page, "Periodplan", 9, ["A", "B", "C", "D", "E", "F"]);
    const summa = plan.find(([a]) => a === "Summa")!;
    expect(summa.slice(1).map(swedishNumber)).toEqual([1_253_325, 1_253_325, 1_253_325, 1_253_325, 5_013_300]);
    const years = plan.filter(([a]) => ["Ask", "Björkby", "Ceder", "Dal"].includes(a)).map((r) => swedishNumber(r[5]));
    expect(years).toEqual([1_454_673, 816_036, 2_323_929, 418_662]);
    const shown = page.getByRole("table", { name: "Periodplan" });
    expect(((await shown.getByRole("row").last().textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ")).toBe("Summa1 253 3251 253 3251 253 3251 253 3255 013 300");
    await page.screenshot({ path: join(OUTPUT, "e-periodplan.png") });
    expect(problems).toEqual([]);
  });

  it("(f) opens xlsx files in a Web Worker: a LibreOffice and an openpyxl workbook show their sheets and values, a lying zip is refused", async () => {
    const { page, problems } = await openPage(session);
    await page.getByLabel("Öppna arbetsbok").setInputFiles(join(FIXTURES, "xlsx-corpus", "libreoffice-native.xlsx"));
    await page.getByText("libreoffice-native.xlsx är öppnad").waitFor();
    await sheetTab(page, "Fördelning").click();
    const [a3, b3, a8, b8] = await cellTexts(page, ["A3", "B3", "A8", "B8"]);
    expect([a3, swedishNumber(b3), a8, swedishNumber(b8)]).toEqual(["Ask", 12345, "Summa", 47145]);
    // LibreOffice's =samkalk.fordela(Underlag!B1;Vikter): a named key on a hidden sheet's total.
    expect((await cellTexts(page, ["E3", "E4", "E5", "E6"])).map(swedishNumber).reduce((a, b) => a + b, 0)).toBe(250000);
    expect(await cellTexts(page, ["B1", "C1"])).toEqual(["", ""]); // a merged title is in its first cell only
    // openpyxl's layout: absolute part targets, comments under xl/comments/, a chart.
    await page.getByLabel("Öppna arbetsbok").setInputFiles(join(FIXTURES, "xlsx-corpus", "openpyxl-layout.xlsx"));
    await page.getByText("openpyxl-layout.xlsx är öppnad").waitFor();
    await sheetTab(page, "Fördelning").click();
    expect((await cellTexts(page, ["A3", "A4", "A5", "A6"])).map(swedishNumber)).toEqual([65463, 36000, 132623, 15914]);
    // A zip whose headers claim 1 kB while a part unpacks to 60 MB: stopped by the worker's inflater.
    const bomb = join(mkdtempSync(join(tmpdir(), "samkalk-e2e-")), "ljugande.xlsx");
    writeFileSync(bomb, zip([["xl/workbook.xml", Buffer.alloc(60 * 1024 * 1024, 0x20)]], 1000));
    await page.getByLabel("Öppna arbetsbok").setInputFiles(bomb);
    await page.getByText(/ljugande\.xlsx: filen skulle packas upp till .* zip-bomb/).waitFor();
    await page.screenshot({ path: join(OUTPUT, "f-xlsx-worker.png") });
    expect(problems).toEqual([]);
  });

  it("(g) imports a budget printed with sections and a fee block through the pane and gives the decision's fee", async () => {
    const { page, problems } = await openPage(session);
    await paneTab(page, "Importera modelltabell").click();
    await page.getByLabel("Fil med budget").setInputFiles(join(FIXTURES, "tables-as-printed", "budget-sektioner.csv"));
    const findings = page.getByRole("list", { name: "Avvikelser i filen" }).getByRole("listitem");
    await findings.first().waitFor();
    expect(await findings.count()).toBe(3);
    await page.getByRole("button", { name: "Importera 15 rader till Budget" }).click();
    await page.getByText("Importen är klar").waitFor();
    await page.screenshot({ path: join(OUTPUT, "g-tryckt-budget.png") });
    await paneTab(page, "Medlemsbidrag").click();
    await page.getByRole("button", { name: "Uppdatera tabeller" }).click();
    await page.getByText("Tabellerna är uppdaterade").waitFor();
    const column = await rowsOf(page, "Medlemsbidrag", 8, ["A", "B"]);
    expect(swedishNumber(column.find(([a]) => a === "Summa årskostnad enligt budget")![1])).toBe(18_012_225);
    expect(problems).toEqual([]);
  });

  it("(h) draws the key figures per inhabitant as a chart from a table typed into the grid", async () => {
    const { page, problems } = await openPage(session);
    const table = [
      ["Kommun", "År", "Utfall", "Invånare"],
      ["Bollnäs", "2023", "4210000", "26331"], ["Bollnäs", "2024", "4380000", "26279"],
      ["Ljusdal", "2023", "2980000", "18915"], ["Ljusdal", "2024", "3105000", "18853"],
    ];
    for (const [r, row] of table.entries()) {
      for (const [c, text] of row.entries()) {
        await cell(page, `${"ABCD"[c]}${r + 12}`).click();
        await page.getByLabel("Formel").fill(text);
        await page.getByLabel("Formel").press("Enter");
      }
    }
    await cell(page, "A12").click();
    await cell(page, "D16").click({ modifiers: ["Shift"] });
    await paneTab(page, "Nyckeltal").click();
    await page.getByRole("button", { name: "Räkna på markerad tabell" }).click();
    await page.getByText("Nyckeltal för 2 medlemmar och 2 år").waitFor();
    const chart = page.getByRole("figure", { name: "Diagram: kostnad per invånare" });
    expect(await chart.locator("svg polyline").count()).toBe(2);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, "h-nyckeltal.png") });
    expect(problems).toEqual([]);
  });
  it("(i) the help page links to the rules, which open as a page of their own", async () => {
    const page = await session.browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${session.url}hjalp.html`);
    await page.getByRole("link", { name: "Reglerna Samkalk räknar efter" }).click();
    await page.getByRole("heading", { level: 1, name: "Samkalks regler" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Belopp och avrundning" }).count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT, "i-regler.png") });
    await page.getByRole("link", { name: "← Hjälp om funktionerna" }).click();
    await page.getByRole("heading", { level: 1, name: "Samkalk – funktioner i Excel" }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
