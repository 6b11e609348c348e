/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { CellInput } from "../../../src/workbook/port";
import { SavingsScreen } from "../../../src/taskpane/screens/SavingsScreen";

const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");
const announced = () => text(document.querySelector(".samkalk-status")!);

async function selected(cells: CellInput[][]) {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeSheets([{ sheet: "Blad1", cells }]);
  await wb.selectRange("Blad1", `A1:${"ABCD"[cells[0].length - 1]}${cells.length}`);
  return wb;
}

async function compute(wb: EmbeddedWorkbook, members: string, rate: string) {
  const { user } = renderPane(<SavingsScreen workbook={wb} />);
  await user.type(screen.getByLabelText("Antal medlemmar"), members);
  await user.type(screen.getByLabelText("Timkostnad (kr/h)"), rate);
  await user.click(screen.getByRole("button", { name: "Räkna på markerad tabell" }));
}

const shownRows = () => within(screen.getByRole("table", { name: "Besparing per aktivitet" })).getAllByRole("row").slice(1).map(text);
const HEAD = ["Aktivitet", "Timmar en medlem", "Timmar tillsammans"];

describe("Besparing", () => {
  it("multiplies one member's hours by the members, and shows the saving per activity and in all", async () => {
    // 3 × 10 h = 30 h apart, 12 h together: 18 h saved × 500 kr = 9 000 kr, 18 / 30 = 60 %.
    await compute(await selected([HEAD, ["Kravställning", 10, 12]]), "3", "500");
    await screen.findByText("Besparing 9 000 kr, 60,00 %", { normalizer: (s) => s.replace(/\u00a0/g, " ") });
    expect(announced()).toBe("Besparing 9 000 kr, 60,00 %18 av 30 timmar sparas när 3 medlemmar upphandlar tillsammans.");
    expect(shownRows()).toEqual(["Kravställning30129 00060,00 %", "Summa30129 00060,00 %"]);
  });

  it("takes the hours apart as given when the members differ, and keeps decimal hours", async () => {
    // 6 h apart (not 2 × 2,5), 3,5 h together: 2,5 h × 425 kr = 1 062,5 kr, 2,5 / 6 = 41,67 %.
    await compute(await selected([["Aktivitet", "Timmar en medlem", "Timmar var för sig", "Timmar tillsammans"], ["Utvärdering", 2.5, 6, 3.5]]), "2", "425");
    await screen.findByText(/^Besparing 1.062,5.kr, 41,67.%/);
    expect(announced()).toBe("Besparing 1 062,5 kr, 41,67 %2,5 av 6 timmar sparas när 2 medlemmar upphandlar tillsammans.");
    expect(shownRows()[0]).toBe("Utvärdering63,51 062,541,67 %");
  });

  it("counts one member and one hour in the singular", async () => {
    // 1 × 1 h apart, 0,5 h together: 0,5 h saved × 100 kr = 50 kr.
    await compute(await selected([HEAD, ["Kravställning", 1, 0.5]]), "1", "100");
    await screen.findByText(/^Besparing 50.kr/);
    expect(announced()).toMatch(/0,5 av 1 timme sparas när 1 medlem upphandlar tillsammans\.$/);
  });

  it("groups the digits of many members", async () => {
    await compute(await selected([HEAD, ["Kravställning", 1, 2]]), "10000", "100");
    await screen.findByText(/^Besparing /);
    expect(announced()).toMatch(/ sparas när 10 000 medlemmar upphandlar tillsammans\.$/);
  });

  it("shows no share where nothing is done apart", async () => {
    // 0 h apart, 2 h together: −2 h × 100 kr.
    await compute(await selected([HEAD, ["Samordning", 0, 2]]), "2", "100");
    await screen.findByText(/^Besparing -200.kr$/);
    expect(shownRows()[0]).toBe("Samordning02-200");
  });

  it("lists a row without its hours, and offers nothing to write", async () => {
    await compute(await selected([HEAD, ["Kravställning", 10, 12], ["Annonsering", 5, null]]), "3", "500");
    await screen.findByText("Tabellen kan inte läsas");
    expect(announced()).toBe("Tabellen kan inte läsasRätta raderna nedan och försök igen.");
    expect(screen.getByText("blad Blad1, rad 3, kolumn Timmar tillsammans: timmarna tillsammans saknas")).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Besparing per aktivitet" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Skriv bladet Besparing" })).toBeNull();
  });

  it("says which field is not a number: the hourly cost", async () => {
    await compute(await selected([HEAD, ["Kravställning", 10, 12]]), "3", "gratis");
    await screen.findByText("Det gick inte");
    expect(announced()).toBe("Det gick inteTimkostnad: 'gratis' är inget tal. Rätta uppgiften och försök igen.");
  });

  it("refuses no members at all", async () => {
    await compute(await selected([HEAD, ["Kravställning", 10, 12]]), "0", "500");
    await screen.findByText("Det gick inte");
    expect(announced()).toMatch(/^Det gick inteantal medlemmar måste vara ett heltal från 1 till 10.000, inte 0\. /);
  });
});
