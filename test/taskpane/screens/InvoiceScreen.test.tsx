/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { buildDemoWorkbook } from "../../../src/demo/demoWorkbook";
import { InvoiceScreen } from "../../../src/taskpane/screens/InvoiceScreen";
import { SettingsDraft, SettingsFields } from "../../../src/taskpane/settingsDraft";

const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");
const announced = () => text(document.querySelector(".samkalk-status")!);
const yearField = () => screen.getByLabelText("År") as HTMLInputElement;
const APRIL_2027 = () => new Date(2027, 3, 10);

const SAVED: SettingsFields = { year: "2027", uplift: "2", lastFee: "4900000", equalShare: "0", keyVersion: "" };
const draft = (dirty: boolean): SettingsDraft => ({ fields: { ...SAVED, uplift: dirty ? "3" : "2" }, saved: SAVED, dirty, edit: () => undefined, stored: () => undefined, discard: () => undefined });

describe("Fakturaunderlag", () => {
  it("takes this year from today when there are no settings, and the model's year when there are", async () => {
    const wb = await buildDemoWorkbook();
    const first = renderPane(<InvoiceScreen workbook={wb} today={() => new Date(2026, 10, 23)} />);
    expect(yearField().value).toBe("2026");
    first.unmount();
    renderPane(<InvoiceScreen workbook={wb} today={() => new Date(2026, 10, 23)} settings={draft(false)} />);
    expect(yearField().value).toBe("2027");
    expect(screen.queryByText(/^Modellen gäller/)).toBeNull();
  });

  it("refuses a year that is not four digits, for both kinds of basis, and writes nothing", async () => {
    const wb = await buildDemoWorkbook();
    const sheets = await wb.sheetNames();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} />);
    await user.clear(yearField());
    await user.type(yearField(), "27");
    await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
    await screen.findByText("Ogiltigt år");
    expect(announced()).toBe("Ogiltigt årAnge ett år med fyra siffror.");
    await user.click(screen.getByRole("button", { name: "Skapa vitesunderlag" }));
    await screen.findByText("Ogiltigt år");
    expect(await wb.sheetNames()).toEqual(sheets);
  });

  it("writes one table per member on one sheet when asked, and says so", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} />);
    await user.click(screen.getByRole("radio", { name: "En tabell per medlem på ett blad" }));
    await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
    await screen.findByText("Fakturaunderlaget är klart");
    expect(announced()).toBe("Fakturaunderlaget är klartSammanställningen finns på bladet Fakturaunderlag. Årets fördelning per period står på bladet Periodplan.");
    expect((await wb.sheetNames()).filter((s) => s.startsWith("Underlag "))).toEqual([]);
  });

  it("shows the fee per half-year: 5 013 300 kr in two equal halves", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Period" }), "H1");
    await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
    await screen.findByText("Fakturaunderlaget är klart");
    expect(screen.getByRole("heading", { name: "Medlemsbidrag per period 2027" })).toBeTruthy();
    const plan = screen.getByRole("table", { name: "Periodplan" });
    expect(within(plan).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Medlem", "H1", "H2", "År"]);
    const rows = within(plan).getAllByRole("row").map(text);
    expect(rows.at(-1)).toBe("Summa2 506 6502 506 6505 013 300");
    expect(rows.slice(1, -1).map((r) => r.match(/^\D+/)![0])).toEqual(["Ask", "Björkby", "Ceder", "Dal"]);
  });

  it("writes the penalty basis of a quarter: one per member and supplier", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} />);
    // The demo's three penalties of 2027 Q1: Ceder's one, and Ask's two from the same supplier.
    await user.click(screen.getByRole("button", { name: "Skapa vitesunderlag" }));
    await screen.findByText("Vitesunderlaget är klart");
    expect(announced()).toBe("Vitesunderlaget är klartBladet Vitesunderlag har 2 underlag: varje medlem fakturerar leverantören, utan moms. Vitena ligger inte på medlemmarnas egna fakturor.");
    expect(await wb.sheetNames()).toContain("Vitesunderlag");
    expect(screen.queryByRole("table", { name: "Underlag per medlem" })).toBeNull();
  });

  it("writes a penalty basis with none in a quarter without penalties", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Period" }), "Q2");
    await user.click(screen.getByRole("button", { name: "Skapa vitesunderlag" }));
    await screen.findByText("Vitesunderlaget är klart");
    expect(announced()).toContain("Bladet Vitesunderlag har 0 underlag:");
  });

  it("with unsaved fee settings warns, refuses the invoice basis, and still allows the penalty basis", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} settings={draft(true)} />);
    expect(screen.getByText("Medlemsbidrag har osparade ändringar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Skapa fakturaunderlag" }).hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Skapa vitesunderlag" }));
    expect(await screen.findByText("Vitesunderlaget är klart")).toBeTruthy();
  });

  it("lists the model's row errors for the penalty basis too, and writes nothing", async () => {
    const wb = await buildDemoWorkbook();
    wb.setCellFromUser("Utfall", "C2", "tolv");
    const { user } = renderPane(<InvoiceScreen workbook={wb} today={APRIL_2027} />);
    await user.click(screen.getByRole("button", { name: "Skapa vitesunderlag" }));
    await screen.findByText("Modellen går inte ihop");
    expect(announced()).toBe("Modellen går inte ihopRätta raderna nedan. Inget skrevs.");
    expect(screen.getByText("blad Utfall, tabell Utfall, rad 2, kolumn Fakturerat: texten 'tolv' är inget tal")).toBeTruthy();
    expect(await wb.sheetNames()).not.toContain("Vitesunderlag");
  });
});
