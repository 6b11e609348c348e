/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { buildDemoWorkbook } from "../../../src/demo/demoWorkbook";
import { EmbeddedWorkbook } from "../../../src/workbook/embeddedWorkbook";
import { ImportScreen, rowCount } from "../../../src/taskpane/screens/ImportScreen";

/** A file as the browser gives it, with the arrayBuffer() that jsdom's File lacks. */
function csvFile(name: string, lines: string[]): File {
  const bytes = new TextEncoder().encode(lines.join("\r\n"));
  const file = new File([bytes], name, { type: "text/csv" });
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

const text = (el: Element) => el.textContent!.replace(/[\u00a0\u202f]/g, " ");
const announced = () => text(document.querySelector(".samkalk-status")!);
const disabled = (name: string | RegExp) => screen.getByRole("button", { name }).hasAttribute("disabled");

describe("rowCount", () => {
  it("counts rows in Swedish, singular for one, with digit grouping", () => {
    expect([rowCount(0), rowCount(1), rowCount(2)]).toEqual(["0 rader", "1 rad", "2 rader"]);
    expect(rowCount(12_345).replace(/\s/g, " ")).toBe("12 345 rader");
  });
});

describe("Importera avtal", () => {
  it("says '1 rad' for a file of one row, in the summary, the button and the outcome", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), csvFile("ett-avtal.csv", ["Leverantör;Kommun;Avtalat", "Atea;Ask;1 000"]));
    expect(await screen.findByText("ett-avtal.csv: 1 rad. Kontrollera vilka kolumner som hör till vad.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Importera 1 rad till Avtal" }));
    await screen.findByText("Importen är klar");
    expect(announced()).toBe("Importen är klar1 rad skrevs till tabellen Avtal. Du kan ångra importen med knappen Ångra import tills nästa gång Samkalk skriver i arbetsboken.");
    expect((await wb.readTables(["Avtal"]))[0]!.rows.map((r) => r.slice(0, 3))).toEqual([["Atea", "Ask", 1000]]);
  });

  it("lets the user map columns it does not recognise, and imports them as mapped", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), csvFile("register.csv", ["Vem;Vad;Pris", "Ask;Atea;1 000", "Dal;Visma;2 500"]));
    await screen.findByText("3 fel – inget har skrivits");
    expect(screen.getByText("register.csv, rad 1, kolumn Avtalat: kolumnen Avtalat saknas (väntade en rubrik som Avtalat, Avtalat belopp, Avtalad kostnad)")).toBeTruthy();
    expect(disabled("Importera 0 rader till Avtal")).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "Leverantör/System *" }), "Vad");
    await user.selectOptions(screen.getByRole("combobox", { name: "Kommun/Medlem *" }), "Vem");
    await user.selectOptions(screen.getByRole("combobox", { name: "Avtalat *" }), "Pris");
    expect(screen.queryByRole("list", { name: "Fel per rad" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Importera 2 rader till Avtal" }));
    await screen.findByText("Importen är klar");
    expect((await wb.readTables(["Avtal"]))[0]!.rows.map((r) => r.slice(0, 3))).toEqual([["Atea", "Ask", 1000], ["Visma", "Dal", 2500]]);
  });

  // Bug: choosing "(saknas)" for a column that was mapped (here Avtalat * on a file with Leverantör;Kommun;Avtalat)
  // throws "TypeError: Cannot read properties of undefined (reading 'normalize')" while rendering
  // (the mapping keeps the field with the value undefined; importRecords looks up headers[undefined]).
  // Expected: "1 fel – inget har skrivits" with "avtal.csv, rad 1, kolumn Avtalat: kolumnen Avtalat saknas (…)"
  // and the button "Importera 0 rader till Avtal" disabled.
  it("refuses a required column mapped to nothing, before anything is written", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), csvFile("avtal.csv", ["Leverantör;Kommun;Avtalat", "Atea;Ask;1 000", "Visma;Dal;2 500"]));
    await screen.findByRole("button", { name: "Importera 2 rader till Avtal" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Avtalat *" }), "(saknas)");
    expect(await screen.findByText("1 fel – inget har skrivits")).toBeTruthy();
    expect(screen.getByText("avtal.csv, rad 1, kolumn Avtalat: kolumnen Avtalat saknas (väntade en rubrik som Avtalat, Avtalat belopp, Avtalad kostnad)")).toBeTruthy();
    expect(disabled("Importera 0 rader till Avtal")).toBe(true);
    expect(await wb.readTables(["Avtal"])).toEqual([null]);
  });

  it("reads nothing from an optional column mapped to nothing, and imports the rest", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), csvFile("avtal.csv", ["Leverantör;Kommun;Avtalat;Indexserie", "Atea;Ask;1 000;KPI", "Visma;Dal;2 500;KPI"]));
    await screen.findByRole("button", { name: "Importera 2 rader till Avtal" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Indexserie" }), "(saknas)");
    expect(screen.queryByRole("list", { name: "Fel per rad" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Importera 2 rader till Avtal" }));
    await screen.findByText("Importen är klar");
    const [table] = await wb.readTables(["Avtal"]);
    const index = table!.headers.indexOf("Indexserie");
    expect(index).toBeGreaterThanOrEqual(0);
    expect(table!.rows.map((r) => [...r.slice(0, 3), r[index] ?? null])).toEqual([["Atea", "Ask", 1000, null], ["Visma", "Dal", 2500, null]]);
  });

  it("previews the first 8 rows of a longer file and counts them all", async () => {
    const lines = ["Leverantör;Kommun;Avtalat", ...Array.from({ length: 11 }, (_, i) => `System ${i + 1};Ask;${(i + 1) * 100}`)];
    const { user } = renderPane(<ImportScreen workbook={new EmbeddedWorkbook(["Blad1"])} kind="contracts" />);
    await user.upload(screen.getByLabelText("Fil med avtal"), csvFile("lang.csv", lines));
    expect(await screen.findByText("lang.csv: 11 rader. Kontrollera vilka kolumner som hör till vad.")).toBeTruthy();
    const rows = within(screen.getByRole("table", { name: "Förhandsgranskning" })).getAllByRole("row");
    expect(rows).toHaveLength(1 + 8);
    expect(text(rows[8])).toBe("System 8Ask800");
    expect(screen.getByRole("button", { name: "Importera 11 rader till Avtal" })).toBeTruthy();
  });

  it("says in Swedish why an old .xls file cannot be read", async () => {
    renderPane(<ImportScreen workbook={new EmbeddedWorkbook(["Blad1"])} kind="contracts" />);
    const input = screen.getByLabelText("Fil med avtal") as HTMLInputElement;
    // The picker offers only .csv, .txt and .xlsx; a file dropped in anyway still gets an answer.
    expect(input.accept).toBe(".csv,.txt,.xlsx");
    fireEvent.change(input, { target: { files: [csvFile("gammal.xls", ["x"])] } });
    await screen.findByText("Det gick inte");
    expect(announced()).toBe("Det gick intefil gammal.xls: det gamla .xls-formatet stöds inte; spara som .xlsx eller CSV. Rätta uppgiften och försök igen.");
    expect(screen.queryByRole("table", { name: "Förhandsgranskning" })).toBeNull();
  });
});

describe("Importera avrop into the table that is there", () => {
  it("replaces the demo's six call-offs and puts them back on undo", async () => {
    const wb = await buildDemoWorkbook();
    const [before] = await wb.readTables(["Avrop"]);
    expect(before!.rows).toHaveLength(6);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="calloffs" />);
    expect(screen.queryByRole("button", { name: "Ångra import" })).toBeNull();
    await user.upload(screen.getByLabelText("Fil med avrop"), csvFile("avrop.csv", ["Medlem;Tjänst;Antal;Datum", "Dal;Supporttimme;4;2027-05-02"]));
    await user.click(await screen.findByRole("button", { name: "Importera 1 rad till Avrop" }));
    await screen.findByText("Importen är klar");
    const [after] = await wb.readTables(["Avrop"]);
    expect(after!.sheet).toBe(before!.sheet);
    expect(after!.rows.map((r) => r.slice(0, 3))).toEqual([["Dal", "Supporttimme", 4]]);
    await user.click(screen.getByRole("button", { name: "Ångra import" }));
    await screen.findByText("Importen är ångrad");
    expect(announced()).toBe("Importen är ångradTabellen Avrop är som före importen.");
    expect((await wb.readTables(["Avrop"]))[0]!.rows).toEqual(before!.rows);
    expect(screen.queryByRole("button", { name: "Ångra import" })).toBeNull();
  });
});

describe("Importera utfall from the ledger", () => {
  it("offers SIE files, and refuses a ledger year that is not four digits before reading the file", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const { user } = renderPane(<ImportScreen workbook={wb} kind="outcomes" />);
    expect((screen.getByLabelText("Fil med utfall") as HTMLInputElement).accept).toBe(".csv,.txt,.xlsx,.se,.si,.sie");
    await user.clear(screen.getByLabelText("Bokföringsår (för SIE)"));
    await user.type(screen.getByLabelText("Bokföringsår (för SIE)"), "25");
    await user.upload(screen.getByLabelText("Fil med utfall"), csvFile("huvudbok.se", ["#FLAGGA 0"]));
    await screen.findByText("Ogiltigt år");
    expect(announced()).toBe("Ogiltigt årAnge bokföringsåret med fyra siffror.");
    expect(screen.queryByRole("table", { name: "Förhandsgranskning" })).toBeNull();
    expect(await wb.readTables(["Utfall"])).toEqual([null]);
  });

  it("asks no ledger year for contracts", () => {
    renderPane(<ImportScreen workbook={new EmbeddedWorkbook(["Blad1"])} kind="contracts" />);
    expect(screen.queryByLabelText("Bokföringsår (för SIE)")).toBeNull();
  });
});
