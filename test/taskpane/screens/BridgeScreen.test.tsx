/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { BridgeScreen } from "../../../src/taskpane/screens/BridgeScreen";

const text = (el: Element) => el.textContent!.replace(/\u00a0/g, " ");

/** A list of two decided changes, +500 000 and −200 000 (Σ 300 000), under its own "Summa" as printed. */
async function listWorkbook(printedSum: number) {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeSheets([{ sheet: "Blad1", cells: [["Förändring", "Belopp"], ["Ny tjänst", "(+ 500 000)"], ["Lokal", "(-200 000)"], ["Summa", printedSum]] }]);
  await wb.selectRange("Blad1", "A1:B4");
  return wb;
}

/** What the status area announces (aria-live), title and body together. */
const announced = () => {
  const area = document.querySelector(".samkalk-status")!;
  expect(area.getAttribute("aria-live")).toBe("polite");
  return text(area);
};
const bridgeRows = () => within(screen.getByRole("table", { name: "Avgiftsbrygga" })).getAllByRole("row").slice(1).map(text);

describe("Avgiftsbrygga", () => {
  it("without this year's fee shows where the changes lead, with no remainder row, and writes that sheet", async () => {
    const wb = await listWorkbook(300_000);
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    expect(screen.queryByRole("button", { name: "Skriv bladet Avgiftsbrygga" })).toBeNull();
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "10 000 000");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    expect(await screen.findByText("Bryggan går ihop")).toBeTruthy();
    expect(announced()).toBe("Bryggan går ihopFörändringarna leder till 10 300 000 kr; ange årets beslutade avgift för att se om något är oförklarat.");
    expect(bridgeRows()).toEqual([
      "Beslutad avgift föregående år10 000 000",
      "Ny tjänst+500 00010 500 000",
      "Lokal-200 00010 300 000",
      "Summa förändringar+300 00010 300 000",
    ]);
    await user.click(screen.getByRole("button", { name: "Skriv bladet Avgiftsbrygga" }));
    await screen.findByText("Bladet Avgiftsbrygga är skrivet");
    expect((await wb.readRange("Avgiftsbrygga", "A1:C6")).values).toEqual([
      ["Post", "Förändring", "Avgift efter"],
      ["Beslutad avgift föregående år", null, 10_000_000],
      ["Ny tjänst", 500_000, 10_500_000],
      ["Lokal", -200_000, 10_300_000],
      ["Summa förändringar", 300_000, null],
      [null, null, null],
    ]);
  });

  it("warns when the list's own sum does not match its changes, even with no remainder", async () => {
    const wb = await listWorkbook(310_000);
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "10000000");
    await user.type(screen.getByLabelText("Beslutad avgift i år (valfritt)"), "10300000");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    expect(await screen.findByText("Allt är inte förklarat")).toBeTruthy();
    expect(screen.getByText(/oförklarad rest 0 kr\. Listans egen summa \(310.000\) stämmer inte med förändringarna \(300.000\)\.$/)).toBeTruthy();
    expect(bridgeRows().slice(-2)).toEqual(["Beslutad avgift i år10 300 000", "Oförklarad rest0"]);
  });

  it("takes away the last bridge when the next one cannot be made", async () => {
    const wb = await listWorkbook(300_000);
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    const last = screen.getByLabelText("Beslutad avgift föregående år");
    await user.type(last, "10000000");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    await screen.findByRole("table", { name: "Avgiftsbrygga" });
    await user.type(screen.getByLabelText("Beslutad avgift i år (valfritt)"), "mycket");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    expect(await screen.findByText(/Beslutad avgift i år: 'mycket' är inget tal/)).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Avgiftsbrygga" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Skriv bladet Avgiftsbrygga" })).toBeNull();
  });

  it("says what is missing when the selection has no amounts", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [["Förändring", "Kommentar"], ["Ny tjänst", "beslutad i maj"]] }]);
    await wb.selectRange("Blad1", "A1:B2");
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "1000");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    expect(await screen.findByText("Det gick inte")).toBeTruthy();
    expect(screen.getByText(/listan har ingen kolumn med belopp\. Rätta uppgiften och försök igen\.$/)).toBeTruthy();
  });

  it("locates a problem in the selected list by its sheet, not as a file named 'blad Blad1'", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [["Förändring"], ["Ny tjänst"]] }]);
    await wb.selectRange("Blad1", "A1:A2");
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "1000");
    await user.click(screen.getByRole("button", { name: "Räkna på markerad lista" }));
    expect(await screen.findByText("Det gick inte")).toBeTruthy();
    expect(screen.getByText(/^blad Blad1: listan/)).toBeTruthy();
    expect(screen.queryByText(/fil blad/)).toBeNull();
  });
});

describe("Avgiftsbrygga from the Förändringar table", () => {
  async function tableWorkbook(rows: (string | number)[][], settings: Record<string, string>) {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([{ name: "Förändringar", sheet: "Blad1", headers: ["År", "Förändring", "Belopp"], rows }]);
    await wb.saveSettings(settings);
    return wb;
  }

  it("asks for last year's fee when neither the field nor the settings have it", async () => {
    const wb = await tableWorkbook([[2027, "Ny tjänst", 1_500_000]], { year: "2027" });
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Räkna från tabellen Förändringar" }));
    expect(await screen.findByText("Föregående års avgift saknas")).toBeTruthy();
    expect(screen.getByText("Ange beslutad avgift föregående år här eller under Medlemsbidrag.")).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Avgiftsbrygga" })).toBeNull();
  });

  it("takes the fee typed in the field before the one in the settings", async () => {
    const wb = await tableWorkbook([[2027, "Ny tjänst", 1_500_000]], { year: "2027", lastYearFee: "1000000" });
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.type(screen.getByLabelText("Beslutad avgift föregående år"), "2 000 000");
    await user.click(screen.getByRole("button", { name: "Räkna från tabellen Förändringar" }));
    await screen.findByText("Bryggan går ihop");
    expect(bridgeRows()).toEqual(["Beslutad avgift föregående år2 000 000", "Ny tjänst+1 500 0003 500 000", "Summa förändringar+1 500 0003 500 000"]);
  });

  it("names the table's broken row, with its place, instead of a bridge that leaves it out", async () => {
    const wb = await tableWorkbook([[2027, "Ny tjänst", 1_500_000], [2027, "Lokal", "fyrahundra"]], { year: "2027", lastYearFee: "1000000" });
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Räkna från tabellen Förändringar" }));
    expect(await screen.findByText("Tabellen Förändringar har 1 fel")).toBeTruthy();
    expect(screen.getByText("blad Blad1, tabell Förändringar, rad 3, kolumn Belopp: texten 'fyrahundra' är inget tal")).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Avgiftsbrygga" })).toBeNull();
  });

  it("counts several broken rows in the plural", async () => {
    const wb = await tableWorkbook([[2027, "Ny tjänst", "mycket"], [2027, "Lokal", "fyrahundra"]], { year: "2027", lastYearFee: "1000000" });
    const { user } = renderPane(<BridgeScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Räkna från tabellen Förändringar" }));
    expect(await screen.findByText("Tabellen Förändringar har 2 fel")).toBeTruthy();
  });
});
