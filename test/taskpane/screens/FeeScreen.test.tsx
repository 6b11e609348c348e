/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { buildDemoWorkbook } from "../../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { FeeScreen } from "../../../src/taskpane/screens/FeeScreen";

const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");
const feeRows = async () => within(await screen.findByRole("table", { name: "Medlemsbidrag" })).getAllByRole("row").slice(1).map(text);
const announced = () => text(document.querySelector(".samkalk-status")!);
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

/** Retypes a field as a user would: select all, then type. */
async function retype(user: ReturnType<typeof renderPane>["user"], label: string, value: string) {
  await user.clear(field(label));
  if (value) await user.type(field(label), value);
}

describe("Medlemsbidrag's settings", () => {
  it("shows the workbook's stored settings in the fields, the uplift in percent", async () => {
    renderPane(<FeeScreen workbook={await buildDemoWorkbook()} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    expect([field("År").value, field("Uppräkning (%)").value, field("Rak andel (%)").value, field("Beslutat bidrag föregående år (kr)").value]).toEqual(["2027", "2", "0", "4900000"]);
    expect((screen.getByRole("combobox", { name: "Nyckel" }) as HTMLSelectElement).value).toBe("");
  });

  it("recomputes the fee as the uplift is typed, before anything is saved", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    await retype(user, "Uppräkning (%)", "2,5");
    // 4 915 000 × 2,5 % = 122 875; 4 900 000 − 5 037 875 = −137 875.
    expect(await feeRows()).toEqual([
      "Summa årskostnad enligt budget4 915 000",
      "Uppräkning 2,5 %122 875",
      "Medlemsbidrag5 037 875",
      "Beslutat bidrag föregående år4 900 000",
      "Avvikelse (föregående år − nytt)-137 875",
    ]);
    expect(screen.getByText("Bidraget höjs med 137 875 kr mot föregående år.", { normalizer: (s) => s.replace(/\u00a0/g, " ") })).toBeTruthy();
    expect(screen.getByText("Osparade ändringar")).toBeTruthy();
    expect((await wb.getSettings()).upliftRate).toBe("0.02");
  });

  it("says which way the fee goes against last year's, or that there is nothing to compare with", async () => {
    const { user } = renderPane(<FeeScreen workbook={await buildDemoWorkbook()} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    const label = (t: string) => screen.getByText(t, { normalizer: (s) => s.replace(/\u00a0/g, " ") });
    await retype(user, "Beslutat bidrag föregående år (kr)", "5100000");
    expect(label("Bidraget sänks med 86 700 kr mot föregående år.")).toBeTruthy();
    await retype(user, "Beslutat bidrag föregående år (kr)", "5013300");
    expect(label("Bidraget är oförändrat mot föregående år.")).toBeTruthy();
    await retype(user, "Beslutat bidrag föregående år (kr)", "");
    expect(label("Inget beslutat bidrag föregående år att jämföra med.")).toBeTruthy();
    expect((await feeRows()).map((r) => r.replace(/[\d ,%-]+$/, ""))).toEqual(["Summa årskostnad enligt budget", "Uppräkning", "Medlemsbidrag"]);
  });

  it("saves the typed settings to the workbook and is no longer unsaved", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    await retype(user, "Uppräkning (%)", "3");
    await user.click(screen.getByRole("button", { name: "Spara inställningar" }));
    await screen.findByText("Inställningarna är sparade");
    expect(announced()).toBe("Inställningarna är sparadeDe finns nu i arbetsboken.");
    expect(screen.queryByText("Osparade ändringar")).toBeNull();
    expect((await wb.getSettings()).upliftRate).toBe("0.03");
  });

  it("shows a rule the settings break beside the fields and offers nothing to write", async () => {
    const { user } = renderPane(<FeeScreen workbook={await buildDemoWorkbook()} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    await retype(user, "Uppräkning (%)", "-150");
    expect(await screen.findByText("uppräkningen kan inte vara under −100 %")).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Medlemsbidrag" })).toBeNull();
    expect(screen.getByRole("button", { name: "Uppdatera tabeller" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "Budgetuppföljning och reglering" }).hasAttribute("disabled")).toBe(true);
  });
});

describe("Medlemsbidrag's key", () => {
  it("offers each key version by name, driver and dates, and shows the one chosen without a comparison", async () => {
    const { user } = renderPane(<FeeScreen workbook={await buildDemoWorkbook()} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    const select = screen.getByRole("combobox", { name: "Nyckel" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Den som gäller vid årets slut",
      "Användare 2026 (Användare, räknat per 2026-03-15, gäller från 2026-01-01)",
      "Användare 2027 (Användare, räknat per 2027-03-15, gäller från 2027-04-01)",
    ]);
    await user.selectOptions(select, "Användare 2026");
    expect(await screen.findByRole("heading", { name: "Nyckel: Användare 2026" })).toBeTruthy();
    const key = screen.getByRole("table", { name: "Nyckel" });
    // 400 + 240 + 640 + 120 = 1 400: Ask 400/1 400 = 28,57 %.
    expect(within(key).getAllByRole("row").slice(1, 2).map(text)).toEqual(["Ask40028,57"]);
    expect(screen.getByText("Osparade ändringar")).toBeTruthy();
  });
});

describe("Medlemsbidrag's model", () => {
  it("lists the model's row errors, shows no fee and cannot write one", async () => {
    const wb = await buildDemoWorkbook();
    wb.setCellFromUser("Budget", "C2", "tolv");
    renderPane(<FeeScreen workbook={wb} />);
    expect(await screen.findByText("1 fel – inget har skrivits")).toBeTruthy();
    expect(screen.getByText("blad Budget, tabell Budget, rad 2, kolumn Driftbudget: texten 'tolv' är inget tal")).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Medlemsbidrag" })).toBeNull();
    expect(screen.getByRole("button", { name: "Uppdatera tabeller" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "Spara inställningar" }).hasAttribute("disabled")).toBe(false);
  });

  it("reads a changed budget again on request", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    expect((await feeRows())[0]).toBe("Summa årskostnad enligt budget4 915 000");
    wb.setCellFromUser("Budget", "C4", "520000");
    wb.setCellFromUser("Budget", "F4", "520000");
    expect((await feeRows())[0]).toBe("Summa årskostnad enligt budget4 915 000");
    await user.click(screen.getByRole("button", { name: "Läs om modellen" }));
    // 4 915 000 + 100 000 = 5 015 000; 2 % of it is 100 300.
    await screen.findByText(/5.015.000$/);
    expect((await feeRows()).slice(0, 3)).toEqual(["Summa årskostnad enligt budget5 015 000", "Uppräkning 2 %100 300", "Medlemsbidrag5 115 300"]);
  });

  it("says how many points the budget does not add up on after writing the tables", async () => {
    const wb = await buildDemoWorkbook();
    wb.setCellFromUser("Budget", "F3", "1205001");
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    await screen.findByRole("table", { name: "Medlemsbidrag" });
    await user.click(screen.getByRole("button", { name: "Uppdatera tabeller" }));
    await screen.findByText("Tabellerna är uppdaterade, men budgeten går inte ihop");
    // Summa kategori 4 915 001, + 2 % (98 300,02 → 98 300) = 5 013 301.
    expect(announced()).toBe("Tabellerna är uppdaterade, men budgeten går inte ihopBladet Medlemsbidrag visar medlemsbidraget 5 013 301 kr för 4 medlemmar, med SAMKALK-formler från budgeten. Budgeten går inte ihop på 1 punkt; se bladet.");
  });

  it("counts a single member in the singular", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([
      { name: "Medlemmar", sheet: "Modell", headers: ["Medlem"], rows: [["Ask"]] },
      { name: "Nyckel", sheet: "Modell", topLeft: "C1", headers: ["Medlem", "Vikt"], rows: [["Ask", 1]] },
      { name: "Budget", sheet: "Budget", headers: ["Kategori", "Driftbudget"], rows: [["Drift", 100_000]] },
    ]);
    await wb.saveSettings({ year: "2027", upliftRate: "0.02", equalShare: "0", lastYearFee: "", keyVersion: "" });
    const { user } = renderPane(<FeeScreen workbook={wb} />);
    expect((await feeRows())[2]).toBe("Medlemsbidrag102 000");
    await user.click(screen.getByRole("button", { name: "Uppdatera tabeller" }));
    await screen.findByText("Tabellerna är uppdaterade");
    expect(announced()).toBe("Tabellerna är uppdateradeBladet Medlemsbidrag visar medlemsbidraget 102 000 kr för 1 medlem, med SAMKALK-formler från budgeten.");
  });
});
