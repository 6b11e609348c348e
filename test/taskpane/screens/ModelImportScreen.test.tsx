/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, within } from "@testing-library/react";
import { renderPane } from "../render";
import { buildDemoWorkbook } from "../../../src/demo/demoWorkbook";
import { ModelImportScreen } from "../../../src/taskpane/screens/ModelImportScreen";
import { computeFee } from "../../../src/app/fee";
import { readModel, readSettings } from "../../../src/app/model";
import { Amount } from "../../../src/core/money";

/** The gallery's printed tables through the pane: read as printed, previewed, written whole, undone. */
const GALLERY = join(__dirname, "..", "..", "fixtures", "tables-as-printed");
const expected = JSON.parse(readFileSync(join(GALLERY, "expected.json"), "utf8"));
const galleryFile = (name: string) => {
  const bytes = readFileSync(join(GALLERY, name));
  const file = new File([bytes], name, { type: "text/csv" });
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
};

describe("Importera modelltabell", () => {
  it("imports a budget printed with sections and a fee block: its 15 lines, its 3 findings shown, and the fee of the decision", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ModelImportScreen workbook={wb} />);
    await user.upload(screen.getByLabelText("Fil med budget"), galleryFile("budget-sektioner.csv"));
    const button = await screen.findByRole("button", { name: "Importera 15 rader till Budget" });
    expect(within(screen.getByRole("list", { name: "Avvikelser i filen" })).getAllByRole("listitem")).toHaveLength(3);
    await user.click(button);
    await screen.findByText("Importen är klar");
    const settings = await readSettings(wb);
    const fee = computeFee(await readModel(wb, settings.year), settings);
    expect(fee.fee.budgetTotal.toNumber()).toBe(expected.t1.summa_arskostnad_decided);
    const [budget] = await wb.readTables(["Budget"]);
    expect(budget!.rows.map((r) => r[0])).toEqual(expected.t1.lines.map((l: { section: string }) => l.section));
  });

  it("refuses to guess a key's weight column, imports the chosen one as a version beside the others, and undoes", async () => {
    const wb = await buildDemoWorkbook();
    const [before] = await wb.readTables(["Nyckel"]);
    const { user } = renderPane(<ModelImportScreen workbook={wb} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Tabell" }), "key");
    await user.upload(screen.getByLabelText("Fil med nyckel"), galleryFile("nyckel-grupper.csv"));
    expect(await screen.findByText(/flera kolumner kan vara vikten: 'Användare 2025' och 'Användare 2026'/)).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Viktkolumn" }), "Användare 2026");
    await user.type(screen.getByRole("textbox", { name: "Nyckelns namn" }), "Användare mars 2026");
    await user.type(screen.getByRole("textbox", { name: "Gäller från (ÅÅÅÅ-MM-DD)" }), "2026-04-01");
    await user.click(await screen.findByRole("button", { name: "Importera 12 rader till Nyckel" }));
    await screen.findByText("Importen är klar");
    const [after] = await wb.readTables(["Nyckel"]);
    const imported = after!.rows.filter((r) => r[0] === "Användare mars 2026");
    expect(imported.map((r) => [r[4], r[5]])).toEqual(expected.t2.members.map((m: { member: string; users_2026: number }) => [m.member, m.users_2026]));
    expect(after!.rows.length).toBe(before!.rows.length + 12);
    await user.click(screen.getByRole("button", { name: "Ångra import" }));
    await screen.findByText("Importen är ångrad");
    expect((await wb.readTables(["Nyckel"]))[0]!.rows).toEqual(before!.rows);
  });

  it("reads member-specific costs printed as one block per member", async () => {
    const wb = await buildDemoWorkbook();
    const { user } = renderPane(<ModelImportScreen workbook={wb} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Tabell" }), "memberCosts");
    await user.upload(screen.getByLabelText("Fil med medlemskostnader"), galleryFile("medlemsblock.csv"));
    await user.click(await screen.findByRole("button", { name: "Importera 7 rader till Medlemskostnader" }));
    await screen.findByText("Importen är klar");
    const [costs] = await wb.readTables(["Medlemskostnader"]);
    const byMember = (m: string) => costs!.rows.filter((r) => r[0] === m).reduce((s, r) => s.plus(String(r[2])), new Amount(0)).toNumber();
    expect([byMember("Ask"), byMember("Björkby")]).toEqual(expected.t7.blocks.map((b: { subtotal_correct: number }) => b.subtotal_correct));
  });
});
