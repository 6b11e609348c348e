/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { CellInput, WorkbookPort } from "../../../src/workbook/port";
import { KeyFiguresScreen } from "../../../src/taskpane/screens/KeyFiguresScreen";

const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");
const announced = () => text(document.querySelector(".samkalk-status")!);
const HEAD = ["Medlem", "År", "Utfall", "Invånare"];

async function workbookWith(rows: CellInput[][]) {
  const wb = new EmbeddedWorkbook(["Blad1"]);
  await wb.writeSheets([{ sheet: "Blad1", cells: [HEAD, ...rows] }]);
  await wb.selectRange("Blad1", `A1:D${rows.length + 1}`);
  return wb;
}

/** The workbook with some of its port changed, the rest passed through. */
function withPort(wb: EmbeddedWorkbook, changes: Partial<Record<keyof WorkbookPort, unknown>>): WorkbookPort {
  return new Proxy(wb, {
    get(target, property) {
      if (property in changes) return changes[property as keyof WorkbookPort];
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as WorkbookPort;
}

const shownRows = () => within(screen.getByRole("table", { name: "Kostnad per invånare" })).getAllByRole("row").slice(1).map(text);
const compute = (user: ReturnType<typeof renderPane>["user"]) => user.click(screen.getByRole("button", { name: "Räkna på markerad tabell" }));

describe("Nyckeltal", () => {
  it("counts one member in the singular and shows the change from the year before, none in the first year", async () => {
    // 1 000 000 / 20 000 = 50,00 kr; 1 100 000 / 20 000 = 55,00 kr, 10,0 % more.
    const wb = await workbookWith([["Ask", 2023, 1_000_000, 20_000], ["Ask", 2024, 1_100_000, 20_000]]);
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    expect(screen.queryByRole("figure")).toBeNull();
    await compute(user);
    await screen.findByText("Nyckeltal för 1 medlem och 2 år");
    expect(shownRows()).toEqual(["Ask202350,00", "Ask202455,0010,0 %"]);
    expect(screen.getByRole("figure", { name: "Diagram: kostnad per invånare" }).querySelector("svg")).not.toBeNull();
  });

  it("shows no change across a missing year", async () => {
    const wb = await workbookWith([["Ask", 2022, 1_000_000, 20_000], ["Ask", 2024, 1_100_000, 20_000]]);
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await compute(user);
    await screen.findByText("Nyckeltal för 1 medlem och 2 år");
    expect(shownRows()).toEqual(["Ask202250,00", "Ask202455,00"]);
  });

  it("refuses a member with two populations in one year, by name", async () => {
    const wb = await workbookWith([["Ask", 2024, 1_000_000, 20_000], ["Ask", 2024, 50_000, 20_000]]);
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await compute(user);
    await screen.findByText("Det gick inte");
    expect(announced()).toBe("Det gick inteAsk har två invånartal för 2024. Rätta uppgiften och försök igen.");
    expect(screen.queryByRole("table", { name: "Kostnad per invånare" })).toBeNull();
  });

  it("asks for a table when only its header is selected", async () => {
    const wb = await workbookWith([]);
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await compute(user);
    await screen.findByText("Det gick inte");
    expect(announced()).toBe("Det gick inteblad Blad1: markera en tabell med rubrikrad och minst en rad under den. Rätta uppgiften och försök igen.");
  });

  it("names the cell holding an error value instead of reading it", async () => {
    const wb = await workbookWith([["Ask", 2024, { formula: "=1/0" }, 20_000]]);
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await compute(user);
    await screen.findByText("Det gick inte");
    expect(announced()).toMatch(/^Det gick inteblad Blad1, rad 2, kolumn C: cellen har felvärdet #DIV\/0!\. /);
  });

  it("takes the row errors away once the table is fixed", async () => {
    const wb = await workbookWith([["Ask", "tjugo", 1_000_000, 20_000]]);
    const { user } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await compute(user);
    await screen.findByText("Tabellen kan inte läsas");
    expect(screen.getByText("1 fel – inget har skrivits")).toBeTruthy();
    wb.setCellFromUser("Blad1", "B2", "2024");
    await compute(user);
    await screen.findByText("Nyckeltal för 1 medlem och 1 år");
    expect(screen.queryByText("1 fel – inget har skrivits")).toBeNull();
    expect(shownRows()).toEqual(["Ask202450,00"]);
  });

  it("shows progress and takes no second click while it reads the selection", async () => {
    const wb = await workbookWith([["Ask", 2024, 1_000_000, 20_000]]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const port = withPort(wb, { readSelection: async () => { await gate; return wb.readSelection(); } });
    const { user } = renderPane(<KeyFiguresScreen workbook={port} />);
    await compute(user);
    expect(screen.getByRole("progressbar", { name: "Räknar nyckeltal" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Räkna på markerad tabell" }).hasAttribute("disabled")).toBe(true);
    release();
    await screen.findByText("Nyckeltal för 1 medlem och 1 år");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("button", { name: "Räkna på markerad tabell" }).hasAttribute("disabled")).toBe(false);
  });

  it("says where the chart is: under the table in Excel, in the pane here", async () => {
    const wb = await workbookWith([["Ask", 2024, 1_000_000, 20_000]]);
    const { user, unmount } = renderPane(<KeyFiguresScreen workbook={wb} />);
    await compute(user);
    await user.click(await screen.findByRole("button", { name: "Skriv bladet Nyckeltal med diagram" }));
    await screen.findByText("Bladet Nyckeltal är skrivet");
    expect(announced()).toBe("Bladet Nyckeltal är skrivetDiagrammet visas här i fönstret.");
    unmount();
    const excel = renderPane(<KeyFiguresScreen workbook={withPort(wb, { host: "excel" })} />);
    await compute(excel.user);
    await excel.user.click(await screen.findByRole("button", { name: "Skriv bladet Nyckeltal med diagram" }));
    await screen.findByText("Bladet Nyckeltal är skrivet");
    expect(announced()).toBe("Bladet Nyckeltal är skrivetDiagrammet står under tabellen med åren.");
  });
});
