/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { RowErrors } from "../../../src/taskpane/components/RowErrors";
import { RowError } from "../../../src/core/cells";
import { renderPane } from "../render";

const error = (row: number, column = "Avtalat"): RowError => ({ file: "avtal.csv", row, column, message: "texten 'x' är inget tal" });
const items = () => within(screen.getByRole("list", { name: "Fel per rad" })).getAllByRole("listitem").map((li) => li.textContent);

describe("the list of row errors", () => {
  it("shows nothing when there is no error", () => {
    const { container } = renderPane(<RowErrors errors={[]} />);
    expect(container.textContent).toBe("");
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("names file, row and column of each error, and leaves out a column there is none of", () => {
    renderPane(<RowErrors errors={[error(3), { file: "blad Avrop, tabell Avrop", row: 2, column: "", message: "filen har inga datarader under rubrikraden" }]} />);
    expect(screen.getByText("2 fel – inget har skrivits")).toBeTruthy();
    expect(items()).toEqual([
      "avtal.csv, rad 3, kolumn Avtalat: texten 'x' är inget tal",
      "blad Avrop, tabell Avrop, rad 2: filen har inga datarader under rubrikraden",
    ]);
  });

  it("says '1 fel' for one error, with no line about more", () => {
    renderPane(<RowErrors errors={[error(7)]} />);
    expect(screen.getByText("1 fel – inget har skrivits")).toBeTruthy();
    expect(screen.queryByText(/fel till/)).toBeNull();
  });

  it("lists the first 50 errors and says how many more there are", () => {
    const errors = Array.from({ length: 53 }, (_, i) => error(i + 2));
    renderPane(<RowErrors errors={errors} />);
    expect(screen.getByText("53 fel – inget har skrivits")).toBeTruthy();
    const shown = items();
    expect(shown).toHaveLength(50);
    expect(shown[49]).toBe("avtal.csv, rad 51, kolumn Avtalat: texten 'x' är inget tal");
    expect(screen.getByText("… och 3 fel till. Rätta filen och välj den igen.")).toBeTruthy();
  });

  it("lists exactly 50 errors without a line about more", () => {
    renderPane(<RowErrors errors={Array.from({ length: 50 }, (_, i) => error(i + 2))} />);
    expect(items()).toHaveLength(50);
    expect(screen.queryByText(/fel till/)).toBeNull();
  });

  it("groups the digits of a large count the Swedish way in the title", () => {
    renderPane(<RowErrors errors={Array.from({ length: 12_345 }, (_, i) => error(i + 2))} />);
    expect(screen.getByText(/^12\s345 fel – inget har skrivits$/)).toBeTruthy();
  });

  it("groups the digits of the count of errors not shown, like the title does", () => {
    renderPane(<RowErrors errors={Array.from({ length: 12_345 }, (_, i) => error(i + 2))} />);
    // 12 345 − 50 shown = 12 295.
    expect(screen.getByText(/^… och 12\s295 fel till\./)).toBeTruthy();
  });

  it("is a group named by its title, so a screen reader reads the count with the list", () => {
    renderPane(<RowErrors errors={[error(2)]} />);
    const bar = screen.getByRole("group", { name: "1 fel – inget har skrivits" });
    expect(within(bar).getByRole("list", { name: "Fel per rad" })).toBeTruthy();
  });
});
