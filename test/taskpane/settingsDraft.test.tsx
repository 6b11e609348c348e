/** @jest-environment jsdom */
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { Amount } from "../../src/core/money";
import { App } from "../../src/taskpane/App";
import { SettingsDraft, fieldsOf, sameFields, settingsOf, useSettingsDraft } from "../../src/taskpane/settingsDraft";
import { buildDemoWorkbook } from "../../src/demo/demoWorkbook";

describe("the fee settings as fields", () => {
  it("round-trips every setting exactly, percentages in percent", () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100 }), fc.option(fc.bigInt({ min: 0n, max: 10n ** 12n })), (year, upliftBp, equal, last) => {
      const settings = { year, upliftRate: new Amount(upliftBp).div(10_000), equalShare: new Amount(equal).div(100), lastYearFee: last === null ? null : new Amount(last.toString()).div(100), keyVersion: "Användare 2027" };
      const back = settingsOf(fieldsOf(settings));
      expect(back.year).toBe(year);
      expect(back.upliftRate.equals(settings.upliftRate)).toBe(true);
      expect(back.equalShare.equals(settings.equalShare)).toBe(true);
      expect(back.lastYearFee === null ? null : back.lastYearFee.toFixed()).toBe(settings.lastYearFee === null ? null : settings.lastYearFee.toFixed());
    }));
  });

  it("names the field that is not a number, and ignores surrounding spaces when comparing", () => {
    const fields = { year: "2027", uplift: "2,5", lastFee: "", equalShare: "0", keyVersion: "" };
    expect(settingsOf(fields).upliftRate.toFixed()).toBe("0.025");
    expect(() => settingsOf({ ...fields, uplift: "många" })).toThrow("Uppräkning: 'många' är inget tal");
    expect(sameFields(fields, { ...fields, uplift: " 2,5 " })).toBe(true);
    expect(sameFields(fields, { ...fields, uplift: "3" })).toBe(false);
  });
});

describe("the settings draft", () => {
  let draft: SettingsDraft;
  function Probe() {
    draft = useSettingsDraft();
    return null;
  }
  const fields = { year: "2027", uplift: "2", lastFee: "", equalShare: "0", keyVersion: "" };

  it("keeps an unsaved edit when the workbook's settings are read again, and discards it on request", () => {
    render(<Probe />);
    act(() => draft.stored(fields));
    expect(draft.dirty).toBe(false);
    act(() => draft.edit({ ...fields, uplift: "3" }));
    expect(draft.dirty).toBe(true);
    act(() => draft.stored(fields));
    expect(draft.fields!.uplift).toBe("3");
    act(() => draft.discard());
    expect(draft.fields!.uplift).toBe("2");
    expect(draft.dirty).toBe(false);
  });

  it("takes the stored settings as the fields once they are saved", () => {
    render(<Probe />);
    act(() => draft.stored(fields));
    act(() => draft.edit({ ...fields, year: "2028" }));
    act(() => draft.stored({ ...fields, year: "2028" }));
    expect(draft.dirty).toBe(false);
    expect(draft.saved!.year).toBe("2028");
  });
});

describe("one model year and unsaved settings across the pane", () => {
  it("defaults Fakturaunderlag to the model's year, keeps an unsaved uplift through tab switches and refuses to invoice with it", async () => {
    const user = userEvent.setup();
    const wb = await buildDemoWorkbook();
    render(<App workbook={wb} today={() => new Date(2026, 11, 2)} />);
    await user.click(screen.getByRole("tab", { name: "Fakturaunderlag" }));
    const year = (await screen.findByLabelText("År")) as HTMLInputElement;
    await screen.findByDisplayValue("2027");
    expect(year.value).toBe("2027");

    await user.click(screen.getByRole("tab", { name: "Medlemsbidrag" }));
    const uplift = await screen.findByLabelText("Uppräkning (%)");
    await user.clear(uplift);
    await user.type(uplift, "3");
    expect(await screen.findByText("Osparade ändringar")).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "Fakturaunderlag" }));
    expect(screen.getByText("Medlemsbidrag har osparade ändringar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Skapa fakturaunderlag" }).hasAttribute("disabled")).toBe(true);

    await user.click(screen.getByRole("tab", { name: "Medlemsbidrag" }));
    expect(((await screen.findByLabelText("Uppräkning (%)")) as HTMLInputElement).value).toBe("3");
    const bar = screen.getByText("Osparade ändringar").closest(".samkalk-unsaved") as HTMLElement;
    await user.click(within(bar).getByRole("button", { name: "Ångra ändringarna" }));
    expect(((await screen.findByLabelText("Uppräkning (%)")) as HTMLInputElement).value).toBe("2");
    expect(screen.queryByText("Osparade ändringar")).toBeNull();
    expect((await wb.getSettings()).upliftRate).toBe("0.02");
  }, 30_000);

  it("warns beside the year when another year than the model's is typed", async () => {
    const user = userEvent.setup();
    render(<App workbook={await buildDemoWorkbook()} today={() => new Date(2026, 11, 2)} />);
    await user.click(screen.getByRole("tab", { name: "Fakturaunderlag" }));
    const year = await screen.findByDisplayValue("2027");
    await user.clear(year);
    await user.type(year, "2026");
    expect(screen.getByText(/^Modellen gäller 2027\./)).toBeTruthy();
  }, 30_000);
});
