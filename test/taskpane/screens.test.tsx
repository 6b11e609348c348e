/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, within } from "@testing-library/react";
import { renderPane } from "./render";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { ImportScreen } from "../../src/taskpane/screens/ImportScreen";
import { ReconcileScreen } from "../../src/taskpane/screens/ReconcileScreen";
import { FeeScreen } from "../../src/taskpane/screens/FeeScreen";
import { TableCheckScreen } from "../../src/taskpane/screens/TableCheckScreen";
import { ShareValuesScreen } from "../../src/taskpane/screens/ShareValuesScreen";
import { App } from "../../src/taskpane/App";
import { InvoiceScreen } from "../../src/taskpane/screens/InvoiceScreen";

const fixtureFile = (name: string) => {
  const bytes = readFileSync(join(__dirname, "..", "fixtures", name));
  const file = new File([bytes], name, { type: "text/csv" });
  // jsdom's File has no arrayBuffer(); the browser's does.
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
};

const state = (wb: EmbeddedWorkbook) => JSON.stringify(wb.snapshot());
const TODAY = () => new Date(2026, 10, 23);

describe("Importera avtal", () => {
  it("previews a Swedish CSV, imports it all at once and can undo", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), fixtureFile("avtal.csv"));
    const button = await screen.findByRole("button", { name: "Importera 5 rader till Avtal" });
    expect(within(screen.getByRole("table", { name: "Förhandsgranskning" })).getAllByRole("row")).toHaveLength(6);
    await user.click(button);
    await screen.findByText("Importen är klar");
    expect((await wb.readTables(["Avtal"]))[0]!.rows).toHaveLength(5);
    await user.click(screen.getByRole("button", { name: "Ångra import" }));
    await screen.findByText("Importen är ångrad");
    expect(await wb.readTables(["Avtal"])).toEqual([null]);
  });

  it("lists a broken row with file, row and column and writes nothing", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const before = state(wb);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), fixtureFile("avtal-trasig.csv"));
    expect(await screen.findByText("avtal-trasig.csv, rad 3, kolumn Avtalat: texten 'femtio tusen' är inget tal")).toBeTruthy();
    expect(screen.getByRole("button", { name: /Importera 1 rad till Avtal/ }).hasAttribute("disabled")).toBe(true);
    expect(state(wb)).toBe(before);
  });

  it("imports outcomes too", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="outcomes" />);
    await user.upload(screen.getByLabelText("Fil med utfall"), fixtureFile("utfall.csv"));
    await user.click(await screen.findByRole("button", { name: "Importera 5 rader till Utfall" }));
    await screen.findByText("Importen är klar");
    expect((await wb.readTables(["Utfall"]))[0]!.rows[0]).toEqual(["Visma", "Ask", 112500]);
  });
});

describe("Kontrollera mot avtal", () => {
  it("writes Avtalskontroll and summarises flags and deadlines", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar: avvikelser hittades");
    const summary = screen.getByRole("table", { name: "Sammanfattning" });
    expect(within(summary).getByText("Fakturerat utan avtal").closest("tr")!.textContent).toBe("Fakturerat utan avtal1");
    // Ask's Ekonomisystem is indexed by KPI from 2023-10 (399,4) to 2026-10 (421,9): 105 633 agreed,
    // 112 500 invoiced; Björkby +40 000 without invoicing; Ceder −7 300 invoiced without a contract.
    expect(within(summary).getByText("Total diff (kr)").closest("tr")!.textContent).toBe("Total diff (kr)25\u00a0833");
    expect(screen.getByRole("table", { name: "Förlängda avtal" }).textContent).toContain("Ekonomisystem");
    expect((await wb.sheetNames())).toContain("Avtalskontroll");
  });

  it("writes the Frister sheet: the register's deadlines and period ends within the months given", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Skriv fristkalender" }));
    await screen.findByText("Fristkalendern är klar");
    expect(screen.getByText(/^3 frister från 2026-11-23 i 6 månader finns på bladet Frister/)).toBeTruthy();
    const sheet = await wb.readRange("Frister", "B2:D4");
    expect(sheet.values).toEqual([["Uppsägning", "Växel", "Dal"], ["Periodslut", "E-tjänsteplattform", "Ceder"], ["Periodslut", "Ekonomisystem", "Ask"]]);
  });

  it("shows the model's row errors and writes nothing", async () => {
    const wb = await buildDemoWorkbook();
    await wb.writeTables([{ name: "Utfall", sheet: "Utfall", headers: ["Leverantör/System", "Kommun/Medlem", "Fakturerat"], rows: [["Växel", "Dal", "tolv"]] }]);
    const before = state(wb);
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    expect(await screen.findByText("blad Utfall, tabell Utfall, rad 2, kolumn Fakturerat: texten 'tolv' är inget tal")).toBeTruthy();
    expect(state(wb)).toBe(before);
  });
});

describe("Medlemsbidrag", () => {
  const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");

  it("shows a single key version as it is, with no 'Föregående 0' to compare with", async () => {
    const wb = await buildDemoWorkbook();
    const [key] = await wb.readTables(["Nyckel"]);
    await wb.writeTables([{ name: "Nyckel", sheet: key!.sheet, headers: key!.headers, rows: key!.rows.filter((r) => r[0] === "Användare 2027") as never }]);
    renderPane(<FeeScreen workbook={wb} />);
    const table = await screen.findByRole("table", { name: "Nyckel" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Medlem", "Vikt", "Andel %"]);
    expect(screen.queryByRole("table", { name: "Föregående och ny nyckel" })).toBeNull();
  });

  it("shows the worked example of DOMAIN.md §3 from the budget and writes the fee sheet", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    const fee = await screen.findByRole("table", { name: "Medlemsbidrag" });
    expect(text(fee)).toContain("Summa årskostnad enligt budget4 915 000");
    expect(text(fee)).toContain("Uppräkning 2 %98 300");
    expect(text(fee)).toContain("Medlemsbidrag5 013 300");
    expect(text(fee)).toContain("Avvikelse (föregående år − nytt)-113 300");
    expect(screen.getByText(/^Bidraget höjs med 113.300.kr mot föregående år/)).toBeTruthy();
    const members = screen.getByRole("table", { name: "Medlemsbidrag per medlem" });
    expect(within(members).getAllByRole("row").slice(1).map((r) => text(r))).toEqual([
      "Ask1 454 673333 0001 787 673", "Björkby816 03621 000837 036", "Ceder2 323 92964 5002 388 429", "Dal418 6629 000427 662",
    ]);
    expect(screen.getByRole("heading", { name: "Nyckel: Användare 2026 → Användare 2027" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Uppdatera tabeller" }));
    await screen.findByText("Tabellerna är uppdaterade");
    expect((await wb.readRange("Medlemsbidrag", "B6")).values[0][0]).toBe(5_013_300);
  });

  it("refuses an uplift that is not a number before writing anything", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    const input = await screen.findByLabelText("Uppräkning (%)");
    await user.clear(input);
    await user.type(input, "många");
    expect(await screen.findByText("Uppräkning: 'många' är inget tal")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Uppdatera tabeller" }).hasAttribute("disabled")).toBe(true);
    expect(await wb.sheetNames()).not.toContain("Medlemsbidrag");
  });

  it("shows the budget's findings next to the fee, and writes follow-up and settlement", async () => {
    const wb = await buildDemoWorkbook();
    wb.setCellFromUser("Budget", "F3", "1205001");
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    expect(await screen.findByText("Budgeten går inte ihop")).toBeTruthy();
    expect(screen.getByText(/raden 'Nätverk': Summa kategori = Driftbudget \+ Personalkostnader ger 1.205.000 men 'Summa kategori' visar 1.205.001/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Budgetuppföljning och reglering" }));
    await screen.findByText("Årsbokslutet är klart");
    expect(await wb.sheetNames()).toEqual(expect.arrayContaining(["Budgetuppföljning", "Reglering"]));
  });
});

describe("Tabellkoll", () => {
  it("lists findings, marks their cells and jumps to them", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [["Kategori", "Drift"], ["Servrar", 100], ["Nät", 10], ["Summa", 111]] }]);
    await wb.selectRange("Blad1", "A1:B4");
    const { user } = renderPane(<TableCheckScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera markerat område" }));
    await screen.findByText("1 avvikelse");
    await user.click(screen.getByRole("button", { name: "B4" }));
    expect(wb.getSelection()).toEqual({ sheet: "Blad1", address: "B4" });
  });

  it("explains a rule that names a missing column", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [["Kategori", "Drift"], ["Servrar", 100]] }]);
    await wb.selectRange("Blad1", "A1:B2");
    const { user } = renderPane(<TableCheckScreen workbook={wb} />);
    await user.type(screen.getByRole("textbox"), "Drift = Drift + Personal");
    await user.click(screen.getByRole("button", { name: "Kontrollera markerat område" }));
    expect(await screen.findByText(/nämner kolumnen 'Personal'/)).toBeTruthy();
  });
});

describe("Dela som värden", () => {
  it("copies a sheet with SAMKALK formulas replaced by their values", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ShareValuesScreen workbook={wb} />);
    await user.click(await screen.findByRole("checkbox", { name: "Exempel" }));
    await user.click(screen.getByRole("button", { name: "Skapa kopior med värden" }));
    await screen.findByText("Kopiorna är klara");
    const copy = await wb.readRange("Exempel (värden)", "C2:C5");
    expect(copy.values.map((r) => r[0])).toEqual([25593, 19700, 39024, 15683]);
    expect(copy.formulas.flat().every((f) => f === null)).toBe(true);
    const sum = await wb.readRange("Exempel (värden)", "C6");
    expect([sum.formulas[0][0], sum.values[0][0]]).toEqual(["=SUM(C2:C5)", 100000]);
  });

  it("does nothing until a sheet is chosen", async () => {
    const wb = await buildDemoWorkbook();
    renderPane(<ShareValuesScreen workbook={wb} />);
    await screen.findByRole("checkbox", { name: "Exempel" });
    expect(screen.getByRole("button", { name: "Skapa kopior med värden" }).hasAttribute("disabled")).toBe(true);
  });
});

describe("App", () => {
  it("switches screens with the tabs, also by keyboard", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<App workbook={wb} today={TODAY} />);
    expect(screen.getByLabelText("Fil med avtal")).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Tabellkoll" }));
    expect(screen.getByRole("button", { name: "Kontrollera markerat område" })).toBeTruthy();
    screen.getByRole("tab", { name: "Dela som värden" }).focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("button", { name: "Skapa kopior med värden" })).toBeTruthy();
  });
});

describe("Fakturaunderlag", () => {
  it("writes a summary and one sheet per member, and shows the cost-in = cost-out check", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={() => new Date(2027, 3, 10)} />);
    await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
    await screen.findByText("Fakturaunderlaget är klart");
    expect(await wb.sheetNames()).toEqual(expect.arrayContaining(["Fakturaunderlag", "Underlag Ask", "Underlag Dal", "Garantiuppföljning"]));
    const written = (await wb.readRange("Fakturaunderlag", "A4:F4")).values[0];
    expect(written[0]).toBe("Ask");
    const shown = within(screen.getByRole("table", { name: "Underlag per medlem" })).getByText("Ask").closest("tr")!.textContent!;
    expect(shown).toBe(`Ask${(written[5] as number).toLocaleString("sv-SE", { minimumFractionDigits: 2 })}`);
    expect(screen.getByRole("table", { name: "Kontroll" }).textContent).toContain("summerar exakt");
    await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
    await screen.findByText("Fakturaunderlaget är klart");
    expect((await wb.sheetNames()).filter((s) => s.startsWith("Underlag Ask"))).toHaveLength(1);
  });

  it("lists a call-off for an unknown service with sheet, table, row and column and writes nothing", async () => {
    const wb = await buildDemoWorkbook();
    await wb.writeTables([{ name: "Avrop", sheet: "Tjänster", headers: ["Medlem", "Tjänst", "Antal", "Datum"], rows: [["Ask", "Fönsterputs", 1, 46419]] }]);
    const before = state(wb);
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={() => new Date(2027, 3, 10)} />);
    await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
    expect(await screen.findByText("blad Tjänster, tabell Avrop, rad 2, kolumn Tjänst: tjänsten 'Fönsterputs' finns inte i prislistan")).toBeTruthy();
    expect(state(wb)).toBe(before);
  });
});

describe("Importera avrop", () => {
  it("imports call-offs and rejects a file with a bad quantity", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ImportScreen workbook={wb} kind="calloffs" />);
    await user.upload(screen.getByLabelText("Fil med avrop"), fixtureFile("avrop-trasig.csv"));
    expect(await screen.findByText("avrop-trasig.csv, rad 2, kolumn Antal: texten 'två' är inget tal")).toBeTruthy();
    await user.upload(screen.getByLabelText("Fil med avrop"), fixtureFile("avrop.csv"));
    await user.click(await screen.findByRole("button", { name: "Importera 2 rader till Avrop" }));
    await screen.findByText("Importen är klar");
    expect((await wb.readTables(["Avrop"]))[0]!.rows[0]).toEqual(["Ask", "Supporttimme", 2.5, 46419]);
  });
});
