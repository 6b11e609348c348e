/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { renderPane } from "./render";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { BridgeScreen } from "../../src/taskpane/screens/BridgeScreen";
import { KeyFiguresScreen } from "../../src/taskpane/screens/KeyFiguresScreen";
import { SavingsScreen } from "../../src/taskpane/screens/SavingsScreen";
import { saveSettings } from "../../src/app/model";
import { parseSettings } from "../../src/model/settings";
import { Amount } from "../../src/core/money";

const CHANGES = [
  ["Beslutad förändring", "Belopp (kr)"],
  ["Indexuppräkning licenser 3,5 %", "(+ 334 100)"],
  ["Avslutat avtal Ärendesystem (gammal version)", "(-285 000)"],
  ["Säkerhetsövervakning, ny tjänst", "(+1 500 000)"],
  ["Minskad lokalyta", "(-400 000)"],
  ["Lönerevision 2026", "(+ 212 600)"],
  ["Växeltjänst överförs till medlemmarna", "(-949 775)"],
  ["Skolportal, omförhandlat pris", "(- 96 500)"],
  ["Ny e-arkivlösning", "(+ 75 000 kr)"],
  ["Avveckling av fax och modempooler", "(–18 200)"],
  ["Uppräkning 2 %", "(+ 360 245)"],
  ["Summa", 732_470],
];

async function workbookWith(cells: (string | number)[][], address: string) {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeSheets([{ sheet: "Blad1", cells }]);
  await wb.selectRange("Blad1", address);
  return wb;
}

describe("Avgiftsbrygga", () => {
  it("bridges 17 640 000 through the selected list to 18 372 470 with remainder 0, and writes the sheet", async () => {
    const wb = await workbookWith(CHANGES, "A1:B12");
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "17 640 000");
    await user.type(screen.getByLabelText("Beslutad avgift i år (valfritt)"), "18 372 470");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    await screen.findByText("Bryggan går ihop");
    const rows = within(screen.getByRole("table", { name: "Avgiftsbrygga" })).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toContain("Säkerhetsövervakning, ny tjänst+1\u00a0500\u00a000019\u00a0189\u00a0100");
    expect(rows[rows.length - 1].textContent).toBe("Oförklarad rest0");
    await user.click(screen.getByRole("button", { name: "Skriv bladet Avgiftsbrygga" }));
    await screen.findByText("Bladet Avgiftsbrygga är skrivet");
    const written = await wb.readRange("Avgiftsbrygga", "A13:C15");
    expect(written.values).toEqual([["Summa förändringar", 732_470, null], ["Beslutad avgift i år", null, 18_372_470], ["Oförklarad rest", 0, null]]);
  });

  it("bridges from the Förändringar table for the model's year, last year's fee taken from the settings", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: "Förändringar", sheet: "Blad1", headers: ["År", "Förändring", "Belopp"], rows: [[2026, "Förra årets", 99], [2027, "Ny tjänst", 1_500_000], [2027, "Lokal", -400_000]] }]);
    await saveSettings(wb, { ...parseSettings({}, { year: 2026 }), year: 2027, lastYearFee: new Amount(17_640_000) });
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift i år (valfritt)"), "18 740 000");
    await user.click(screen.getByRole("button", { name: "Räkna från tabellen Förändringar" }));
    await screen.findByText("Bryggan går ihop");
    const rows = within(screen.getByRole("table", { name: "Avgiftsbrygga" })).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(expect.arrayContaining(["Ny tjänst+1\u00a0500\u00a000019\u00a0140\u00a0000", "Lokal-400\u00a000018\u00a0740\u00a0000"]));
    expect(rows.map((r) => r.textContent).join()).not.toContain("Förra årets");
  });

  it("warns about a remainder the list does not explain", async () => {
    const wb = await workbookWith(CHANGES, "A1:B12");
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "17640000");
    await user.type(screen.getByLabelText("Beslutad avgift i år (valfritt)"), "18400000");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    await screen.findByText("Allt är inte förklarat");
    expect(screen.getByText(/Oförklarad rest 27 530 kr/)).toBeTruthy();
  });

  it("says in Swedish when last year's fee is not a number", async () => {
    const wb = await workbookWith(CHANGES, "A1:B12");
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "tio");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    expect(await screen.findByText(/Beslutad avgift föregående år: 'tio' är inget tal/)).toBeTruthy();
  });
});

describe("Nyckeltal", () => {
  it("shows cost per inhabitant with the change and an SVG chart, and writes the sheet with its chart", async () => {
    const wb = await workbookWith([
      ["Kommun", "År", "Utfall", "Invånare"],
      ["Bollnäs", 2023, 4_210_000, 26_331], ["Bollnäs", 2024, 4_380_000, 26_279],
      ["Ljusdal", 2023, 2_980_000, 18_915], ["Ljusdal", 2024, 3_105_000, 18_853],
    ], "A1:D5");
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Räkna på markerad tabell" }));
    await screen.findByText("Nyckeltal för 2 medlemmar och 2 år");
    const rows = within(screen.getByRole("table", { name: "Kostnad per invånare" })).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toContain("Bollnäs2024166,674,2 %");
    const figure = screen.getByRole("figure", { name: "Diagram: kostnad per invånare" });
    expect(figure.querySelectorAll("svg polyline")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Skriv bladet Nyckeltal med diagram" }));
    await screen.findByText("Bladet Nyckeltal är skrivet");
    expect(wb.charts().map((c) => [c.sheet, c.dataAddress])).toEqual([["Nyckeltal", "H1:J3"]]);
  });

  it("lists a row that cannot be read, naming sheet, row and column", async () => {
    const wb = await workbookWith([["Kommun", "År", "Utfall", "Invånare"], ["Bollnäs", "tjugo", 1, 1]], "A1:D2");
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Räkna på markerad tabell" }));
    expect(await screen.findByText("blad Blad1, rad 2, kolumn År: 'tjugo' är inget år (ÅÅÅÅ)")).toBeTruthy();
  });
});

describe("Besparing", () => {
  it("gives 301 750 kr and 52,59 % for the README's procurement, and writes the sheet", async () => {
    const wb = await workbookWith([
      ["Aktivitet", "Timmar en medlem", "Timmar tillsammans"],
      ["Förfrågningsunderlag och kravställning", 110, 210],
      ["Annonsering och frågor under anbudstiden", 50, 110],
      ["Anbudsutvärdering", 30, 120],
      ["Avtalsskrivning och införande", 80, 200],
    ], "A1:C5");
    const { user } = renderPane(<SavingsScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Antal medlemmar"), "5");
    await user.type(screen.getByLabelText("Timkostnad (kr/h)"), "425");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad tabell" }));
    await screen.findByText("Besparing 301 750 kr, 52,59 %");
    expect(screen.getByText("710 av 1 350 timmar sparas när 5 medlemmar upphandlar tillsammans.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Skriv bladet Besparing" }));
    await screen.findByText("Bladet Besparing är skrivet");
    expect((await wb.readRange("Besparing", "A6:I6")).values).toEqual([["Summa", 270, 1350, 640, 710, 573_750, 272_000, 301_750, 0.5259]]);
  });

  it("says which number is wrong", async () => {
    const wb = await workbookWith([["Aktivitet", "Timmar en medlem", "Timmar tillsammans"], ["A", 1, 1]], "A1:C2");
    const { user } = renderPane(<SavingsScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Antal medlemmar"), "2,5");
    await user.type(screen.getByLabelText("Timkostnad (kr/h)"), "425");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad tabell" }));
    expect(await screen.findByText(/Antal medlemmar: '2,5' är inget heltal/)).toBeTruthy();
  });
});
