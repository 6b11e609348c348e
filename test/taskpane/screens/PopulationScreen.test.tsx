/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { PopulationScreen } from "../../../src/taskpane/screens/PopulationScreen";
import { Fetcher } from "../../../src/app/scbFetch";
import { MEMBERS, TABLES, tableHeaders } from "../../../src/model/tables";

const STORED = readFileSync(join(__dirname, "..", "..", "fixtures", "scb", "tab638-2025.json"), "utf8");

async function workbook() {
  const wb = new EmbeddedWorkbook(["Modell"]);
  await wb.writeTables([{ name: TABLES.members, sheet: "Modell", headers: tableHeaders(MEMBERS), rows: [["Bollnäs", null, null], ["Ljusdal", null, null]] }]);
  return wb;
}

describe("Invånare från SCB", () => {
  it("fetches the members' population at 31 December and writes it as a key version", async () => {
    const wb = await workbook();
    const fetcher: Fetcher = async () => ({ ok: true, status: 200, text: async () => STORED });
    const { user } = renderPane(<PopulationScreen workbook={wb} fetcher={fetcher} />);
    await user.clear(screen.getByRole("textbox", { name: "Referensdatum (ÅÅÅÅ-MM-DD)" }));
    await user.type(screen.getByRole("textbox", { name: "Referensdatum (ÅÅÅÅ-MM-DD)" }), "2025-12-31");
    await user.click(screen.getByRole("button", { name: "Hämta från SCB" }));
    await screen.findByText("Invånartalen är hämtade");
    const rows = within(screen.getByRole("table", { name: "Invånare per medlem" })).getAllByRole("row").map((r) => r.textContent);
    expect(rows[1]).toContain("Bollnäs26\u00a0251");
    await user.click(screen.getByRole("button", { name: "Skriv som nyckeln Invånare 2025-12-31" }));
    await screen.findByText("Nyckeln är skriven");
    const [key] = await wb.readTables([TABLES.key]);
    expect(key!.rows.map((r) => [r[0], r[4], r[5]])).toEqual([["Invånare 2025-12-31", "Bollnäs", 26251], ["Invånare 2025-12-31", "Ljusdal", 18807]]);
  });

  it("says in Swedish what to do when SCB cannot be reached, and writes nothing", async () => {
    const wb = await workbook();
    const offline: Fetcher = async () => {
      throw new TypeError("Failed to fetch");
    };
    const { user } = renderPane(<PopulationScreen workbook={wb} fetcher={offline} />);
    await user.click(screen.getByRole("button", { name: "Hämta från SCB" }));
    expect(await screen.findByText(/SCB kunde inte nås/)).toBeTruthy();
    expect(await wb.readTables([TABLES.key])).toEqual([null]);
  });
});
