/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, within } from "@testing-library/react";
import { renderPane } from "./render";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { ImportScreen } from "../../src/taskpane/screens/ImportScreen";
import { ReconcileScreen } from "../../src/taskpane/screens/ReconcileScreen";
import { RECONCILIATION_SHEET } from "../../src/app/reconcile";
import { ACCOUNT_MAPPING, MEMBERS, TABLES, tableHeaders } from "../../src/model/tables";
import { checkAllWritten } from "../app/writtenTables";

const DIR = join(__dirname, "..", "fixtures", "tre-kommuner");
const file = (name: string) => {
  const bytes = readFileSync(join(DIR, name));
  const f = new File([bytes], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
};

/** The three-municipality follow-up in the pane: contracts from CSV, outcome from the ledger. */
describe("contract follow-up in the pane", () => {
  it("imports the ledger through Kontomappning, lists what it cannot map, and reconciles with every total consistent", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeTables([
      { name: TABLES.members, sheet: "Modell", headers: tableHeaders(MEMBERS).slice(0, 2), rows: [["Ask", 12345], ["Björkby", 6789], ["Ceder", 25010]] },
      {
        name: TABLES.accountMapping, sheet: "Modell", topLeft: "D1", headers: tableHeaders(ACCOUNT_MAPPING),
        rows: [["5421", "1:10", null, "Ask", "Ekonomisystem"], ["5421", "1:20", null, "Björkby", "Ekonomisystem"], ["5421", "1:30", null, "Ceder", "Ekonomisystem"], ["5422", "1:10", null, "Ask", "Lönesystem"], ["5423", null, "Skolportal", "Ask", "Skolportal"], ["5424", "1:20", null, "Björkby", "Växel"]],
      },
    ]);
    const contracts = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await contracts.user.upload(screen.getByLabelText("Fil med avtal"), file("avtal.csv"));
    await contracts.user.click(await screen.findByRole("button", { name: "Importera 6 rader till Avtal" }));
    await screen.findByText("Importen är klar");
    contracts.unmount();

    const outcomes = renderPane(<ImportScreen workbook={wb} kind="outcomes" />);
    await outcomes.user.clear(screen.getByLabelText("Bokföringsår (för SIE)"));
    await outcomes.user.type(screen.getByLabelText("Bokföringsår (för SIE)"), "2025");
    await outcomes.user.upload(screen.getByLabelText("Fil med utfall"), file("huvudbok-2025.se"));
    expect(await screen.findByText("1 transaktion kunde inte mappas")).toBeTruthy();
    expect(screen.getByText(/huvudbok-2025.se, rad 38: konto 5421, verifikat B 8 2025-04-01/)).toBeTruthy();
    await outcomes.user.click(screen.getByRole("button", { name: "Importera 5 rader till Utfall" }));
    await screen.findByText("Importen är klar");
    outcomes.unmount();

    const reconcile = renderPane(<ReconcileScreen workbook={wb} today={() => new Date(2025, 10, 23)} />);
    await reconcile.user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText("Kontrollen är klar: avvikelser hittades");
    const summary = screen.getByRole("table", { name: "Sammanfattning" });
    expect(within(summary).getByText("Total diff (kr)").closest("tr")!.textContent).toBe("Total diff (kr)-51\u00a0200");
    const sheet = await wb.readRange(RECONCILIATION_SHEET, "A1:H11");
    expect(sheet.values[10]).toEqual(["Summa alla medlemmar", null, 320000, 320000, 371200, -51200, null, null]);
    expect(sheet.values.find((r) => r[1] === "Skolportal")).toEqual(["Ask", "Skolportal", null, null, 48000, -48000, 3.89, "Fakturerat utan avtal"]);
    expect(await checkAllWritten(wb, [{ sheet: RECONCILIATION_SHEET, block: { title: "Avtalskontroll", top: 0, height: 11, width: 8, rules: ["Diff = Indexerat avtalat − Fakturerat"], ratioColumns: ["Per invånare"] } }])).toEqual([]);
    expect(screen.getByRole("table", { name: "Kommande frister" }).textContent).toContain("option");
  });
});
