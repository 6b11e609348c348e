/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { buildDemoWorkbook } from "../../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { CellInput } from "../../../src/workbook/port";
import { ReconcileScreen } from "../../../src/taskpane/screens/ReconcileScreen";

const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");
const announced = () => text(document.querySelector(".samkalk-status")!);
const TODAY = () => new Date(2026, 10, 23);

/** A model of contracts and outcomes only: Leverantör/System; Kommun/Medlem; Avtalat (and Indexserie). */
async function model(contracts: CellInput[][], outcomes: CellInput[][], withIndex = false) {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeTables([
    { name: "Avtal", sheet: "Avtal", headers: ["Leverantör/System", "Kommun/Medlem", "Avtalat", ...(withIndex ? ["Indexserie"] : [])], rows: contracts },
    { name: "Utfall", sheet: "Utfall", headers: ["Leverantör/System", "Kommun/Medlem", "Fakturerat"], rows: outcomes },
  ]);
  return wb;
}

async function retype(user: ReturnType<typeof renderPane>["user"], label: string, value: string) {
  await user.clear(screen.getByLabelText(label));
  await user.type(screen.getByLabelText(label), value);
}

describe("Kontrollera mot avtal", () => {
  it("checks as of today by default, and deadlines within 6 months", () => {
    renderPane(<ReconcileScreen workbook={new EmbeddedWorkbook(["Blad1"])} today={TODAY} />);
    expect((screen.getByLabelText("Per datum") as HTMLInputElement).value).toBe("2026-11-23");
    expect((screen.getByLabelText("Frister inom (månader)") as HTMLInputElement).value).toBe("6");
  });

  it("says all is well when every invoice matches its contract", async () => {
    const wb = await model([["Atea", "Ask", 1000]], [["Atea", "Ask", 1000]]);
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar");
    expect(announced()).toBe("Kontrollen är klarAllt fakturerat stämmer med avtalen; resultatet finns på bladet Avtalskontroll.");
    const summary = within(screen.getByRole("table", { name: "Sammanfattning" })).getAllByRole("row").slice(1).map(text);
    expect(summary).toEqual(["Fakturerat utan avtal0", "Avtal utan fakturering0", "Differens0", "OK1", "Belopp saknas0", "Total diff (kr)0"]);
    expect(screen.getByText("Inga frister inom 6 månader.")).toBeTruthy();
    expect(screen.getByText("Inga avtal har förlängts automatiskt.")).toBeTruthy();
    expect(screen.queryByText("Att titta på")).toBeNull();
  });

  it("counts one deviating row in the singular", async () => {
    const wb = await model([["Atea", "Ask", 1000]], [["Atea", "Ask", 1200]]);
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar: avvikelser hittades");
    expect(announced()).toBe("Kontrollen är klar: avvikelser hittades1 rad avviker från avtalen; se bladet Avtalskontroll.");
    expect(text(within(screen.getByRole("table", { name: "Sammanfattning" })).getByText("Total diff (kr)").closest("tr")!)).toBe("Total diff (kr)-200");
  });

  it("counts the demo's three deviating rows in the plural", async () => {
    // Ask's indexed contract against its invoice, Björkby's contract without invoice, Ceder's invoice without contract.
    const { user } = renderPane(<ReconcileScreen workbook={await buildDemoWorkbook()} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar: avvikelser hittades");
    expect(announced()).toContain("3 rader avviker från avtalen; se bladet Avtalskontroll.");
  });

  it("asks to look at an index series named without a base month, and compares that contract unindexed", async () => {
    const wb = await model([["Atea", "Ask", 1000, "KPI"]], [["Atea", "Ask", 1000]], true);
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar");
    const warning = screen.getByText("Att titta på").closest<HTMLElement>("[role=group]")!;
    expect(within(warning).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "blad Avtal, tabell Avtal, rad 2: Atea/Ask har indexserien KPI men ingen basmånad, så avtalat belopp jämförs oindexerat",
    ]);
  });

  it("says there are no deadlines within 0 months", async () => {
    const { user } = renderPane(<ReconcileScreen workbook={await buildDemoWorkbook()} today={TODAY} />);
    await retype(user, "Frister inom (månader)", "0");
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar: avvikelser hittades");
    expect(screen.getByText("Inga frister inom 0 månader.")).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Kommande frister" })).toBeNull();
  });

  it("refuses more than 120 months for the check, and 0 months for the calendar, writing nothing", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await retype(user, "Frister inom (månader)", "121");
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Ogiltigt antal månader");
    expect(announced()).toBe("Ogiltigt antal månaderAnge ett heltal från 0 till 120.");
    await retype(user, "Frister inom (månader)", "0");
    await user.click(screen.getByRole("button", { name: "Skriv fristkalender" }));
    await screen.findByText("Ogiltigt antal månader");
    expect(announced()).toBe("Ogiltigt antal månaderFristkalendern behöver ett heltal från 1 till 120.");
    expect(await wb.sheetNames()).not.toContain("Avtalskontroll");
    expect(await wb.sheetNames()).not.toContain("Frister");
  });

  it("counts the calendar's deadlines within the months typed", async () => {
    // Within 2 months of 2026-11-23 (to 2027-01-23): Växel's notice by 2026-12-30 and E-tjänsteplattform's
    // period end 2026-12-31; Ekonomisystem's period end 2027-04-30 is later.
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    await retype(user, "Frister inom (månader)", "2");
    await user.click(screen.getByRole("button", { name: "Skriv fristkalender" }));
    await screen.findByText("Fristkalendern är klar");
    expect(announced()).toMatch(/^Fristkalendern är klar2 frister från 2026-11-23 i 2 månader finns på bladet Frister/);
    expect((await wb.readRange("Frister", "B2:C3")).values).toEqual([["Uppsägning", "Växel"], ["Periodslut", "E-tjänsteplattform"]]);
  });

  it("counts a single deadline of the calendar in the singular ('1 frist')", async () => {
    // As of 2027-01-01 within 4 months (to 2027-05-01) the demo has one: Ekonomisystem's period end 2027-04-30.
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={TODAY} />);
    fireEvent.change(screen.getByLabelText("Per datum"), { target: { value: "2027-01-01" } });
    await retype(user, "Frister inom (månader)", "4");
    await user.click(screen.getByRole("button", { name: "Skriv fristkalender" }));
    await screen.findByText("Fristkalendern är klar");
    expect(announced()).toMatch(/1 frist från 2027-01-01 i 4 månader finns/);
  });

  it("writes one month in the singular ('inom 1 månad')", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={() => new Date(2027, 5, 1)} />);
    await retype(user, "Frister inom (månader)", "1");
    await user.click(screen.getByRole("button", { name: "Skriv fristkalender" }));
    await screen.findByText("Fristkalendern är klar");
    expect(announced()).toMatch(/ i 1 månad finns/);
  });

  it("says the months the shown check was made for, also after the field is changed", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ReconcileScreen workbook={wb} today={() => new Date(2027, 5, 1)} />);
    await retype(user, "Frister inom (månader)", "0");
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Inga frister inom 0 månader.");
    await retype(user, "Frister inom (månader)", "7");
    expect(screen.getByText("Inga frister inom 0 månader.")).toBeTruthy();
  });
});
