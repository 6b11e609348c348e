/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { renderPane } from "../render";
import { buildDemoWorkbook } from "../../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { WorkbookPort } from "../../../src/workbook/port";
import { ShareValuesScreen } from "../../../src/taskpane/screens/ShareValuesScreen";

const announced = () => document.querySelector(".samkalk-status")!.textContent;
const createButton = () => screen.getByRole("button", { name: "Skapa kopior med värden" });
const sheetBoxes = () => screen.getAllByRole("checkbox").map((c) => c.closest(".fui-Checkbox")!.textContent);

/** The embedded workbook as an Excel that can open a new workbook with the sheets as values. */
function excelLike(wb: EmbeddedWorkbook, opened: string[][]): WorkbookPort {
  return new Proxy(wb, {
    get(target, property) {
      if (property === "newWorkbookAsValues") return async (sheets: readonly string[]) => (opened.push([...sheets]), true);
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as WorkbookPort;
}

describe("Dela som värden", () => {
  it("offers every sheet of the workbook, in its order", async () => {
    renderPane(<ShareValuesScreen workbook={await buildDemoWorkbook()} />);
    await screen.findByRole("checkbox", { name: "Exempel" });
    expect(sheetBoxes()).toEqual(["Exempel", "Modell", "Budget", "Avtal", "Utfall", "Tjänster", "Index"]);
  });

  it("is disabled again when the last chosen sheet is unticked", async () => {
    const { user } = renderPane(<ShareValuesScreen workbook={await buildDemoWorkbook()} />);
    const box = await screen.findByRole("checkbox", { name: "Budget" });
    await user.click(box);
    expect(createButton().hasAttribute("disabled")).toBe(false);
    await user.click(box);
    expect(createButton().hasAttribute("disabled")).toBe(true);
  });

  it("names the copies of several sheets, and does not offer a copy for copying", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ShareValuesScreen workbook={wb} />);
    await user.click(await screen.findByRole("checkbox", { name: "Exempel" }));
    await user.click(screen.getByRole("checkbox", { name: "Budget" }));
    await user.click(createButton());
    await screen.findByText("Kopiorna är klara");
    expect(announced()).toBe("Kopiorna är klaraBlad med värden: Exempel (värden), Budget (värden). En ny körning ersätter dem.");
    expect(await wb.sheetNames()).toEqual(expect.arrayContaining(["Exempel (värden)", "Budget (värden)"]));
    expect(sheetBoxes()).not.toContain("Exempel (värden)");
    expect(sheetBoxes()).toHaveLength(7);
  });

  it("replaces the copy of the first run on the second, instead of adding one beside it", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ShareValuesScreen workbook={wb} />);
    await user.click(await screen.findByRole("checkbox", { name: "Exempel" }));
    await user.click(createButton());
    await screen.findByText("Kopiorna är klara");
    wb.setCellFromUser("Exempel", "B2", "22345");
    await user.click(createButton());
    await screen.findByText("Kopiorna är klara");
    expect((await wb.sheetNames()).filter((s) => s.startsWith("Exempel"))).toEqual(["Exempel", "Exempel (värden)"]);
    // The copy holds the new sum: 22 345 + 6 789 + 25 010 + 3 001.
    expect((await wb.readRange("Exempel (värden)", "B6")).values[0][0]).toBe(57_145);
  });

  it("opens a new workbook where Excel can, and makes no copy in this one", async () => {
    const wb = await buildDemoWorkbook();
    const before = await wb.sheetNames();
    const opened: string[][] = [];
    const { user } = renderPane(<ShareValuesScreen workbook={excelLike(wb, opened)} />);
    await user.click(await screen.findByRole("checkbox", { name: "Exempel" }));
    await user.click(screen.getByRole("checkbox", { name: "Budget" }));
    await user.click(createButton());
    await screen.findByText("En ny arbetsbok är öppnad");
    expect(announced()).toBe("En ny arbetsbok är öppnadDen har bladen Exempel, Budget med värden och talformat. Spara den och skicka den till kollegan.");
    expect(opened).toEqual([["Exempel", "Budget"]]);
    expect(await wb.sheetNames()).toEqual(before);
  });
});
