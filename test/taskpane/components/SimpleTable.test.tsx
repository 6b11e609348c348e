/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import fc from "fast-check";
import { SimpleTable, isNumberText } from "../../../src/taskpane/components/SimpleTable";
import { formatAmount } from "../../../src/core/numberText";
import { Amount } from "../../../src/core/money";
import { renderPane } from "../render";

describe("the pane's small tables", () => {
  it("takes every amount the pane prints as a number, and no member name or date", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 0, max: 2 }), (cents, decimals) => {
      expect(isNumberText(formatAmount(new Amount(cents.toString()).div(100), { decimals }))).toBe(true);
    }));
    for (const text of ["26,18 %", "+55,27", "−113 300", "0"]) expect(isNumberText(text)).toBe(true);
    for (const text of ["Ask", "2027-03-31", "Q1 2027", "Användare 2027", "12 345 678 kr", ""]) expect(isNumberText(text)).toBe(false);
  });

  it("right-aligns numbers and keeps them on one line; text wraps as usual", () => {
    renderPane(<SimpleTable label="Prov" headers={["Medlem", "Belopp"]} rows={[["Björkby kommun", "372 000"]]} />);
    const [name, amount] = within(screen.getByRole("table", { name: "Prov" })).getAllByRole("cell");
    expect(amount.className).toContain("samkalk-number");
    expect(name.className).not.toContain("samkalk-number");
  });
});
