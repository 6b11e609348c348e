/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@testing-library/react";
import { renderPane } from "../render";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { TableCheckScreen } from "../../../src/taskpane/screens/TableCheckScreen";
import Papa from "papaparse";
import { parseA1, rangeA1 } from "../../../src/core/a1";
import { FINDING_FILL } from "../../../src/app/tableCheck";

/** Tabellkoll on each gallery table pasted into a sheet as text, the way a user pastes from a report. */
const GALLERY = join(__dirname, "..", "..", "fixtures", "tables-as-printed");
const expected = JSON.parse(readFileSync(join(GALLERY, "expected.json"), "utf8"));

/** The CSV as the grid it prints: blank lines kept, every cell as its text. */
function grid(file: string): string[][] {
  const text = readFileSync(join(GALLERY, file), "utf8").replace(/^\ufeff/, "");
  return Papa.parse<string[]>(text.replace(/\r\n$/, ""), { delimiter: ";", newline: "\r\n" }).data;
}

describe.each(["t1", "t2", "t3", "t4", "t5", "t6", "t7"])("Tabellkoll on gallery table %s, pasted as text", (id) => {
  it("finds exactly the planted printing errors and marks them", async () => {
    const spec = expected[id];
    const cells = grid(spec.file);
    const width = Math.max(...cells.map((r) => r.length));
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: cells.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? "")) }]);
    await wb.selectRange("Blad1", rangeA1({ row: 0, col: 0 }, cells.length, width));
    const { user } = renderPane(<TableCheckScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera markerat område" }));
    const planted = (spec.findings ?? spec.column_findings).length;
    await screen.findByText(planted === 0 ? /inga avvikelser|Inga avvikelser|går ihop/ : planted === 1 ? "1 avvikelse" : `${planted} avvikelser`);
  });
});

describe("Tabellkoll's marks", () => {
  const fillOf = (wb: EmbeddedWorkbook, address: string) => {
    const { row, col } = parseA1(address);
    return wb.cellDisplay("Blad1", row, col).fill;
  };

  it("gives a fixed cell its own fill back on the next check, keeps the others, and takes all away on request", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [["Post", "Belopp"], ["A", 10], ["B", 20], ["Summa", 31]] }]);
    await wb.markCells([{ sheet: "Blad1", address: "B4", fill: "#FFEB9C" }]);
    await wb.selectRange("Blad1", "A1:B4");
    const { user } = renderPane(<TableCheckScreen workbook={wb} />);
    await user.click(screen.getByRole("button", { name: "Kontrollera markerat område" }));
    await screen.findByText("1 avvikelse");
    expect(fillOf(wb, "B4")).toBe(FINDING_FILL);

    wb.setCellFromUser("Blad1", "B4", "30");
    await user.click(screen.getByRole("button", { name: "Kontrollera markerat område" }));
    await screen.findByText("Tabellen går ihop");
    expect(fillOf(wb, "B4")).toBe("#FFEB9C");

    wb.setCellFromUser("Blad1", "B2", "11");
    await user.click(screen.getByRole("button", { name: "Kontrollera markerat område" }));
    await screen.findByText("1 avvikelse");
    await user.click(screen.getByRole("button", { name: "Ta bort markeringarna" }));
    await screen.findByText("Markeringarna är borta");
    expect(screen.getByText("1 cell fick tillbaka sin egen färg.")).toBeTruthy();
    expect(fillOf(wb, "B4")).toBe("#FFEB9C");
    expect(fillOf(wb, "B2")).toBeUndefined();
  });
});
