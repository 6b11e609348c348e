/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@testing-library/react";
import { renderPane } from "./render";
import { App } from "../../src/taskpane/App";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { watchWrites } from "../../src/taskpane/paneUndo";
import { FakeExcel } from "../workbook/fakeExcel";

const fixtureFile = (name: string) => {
  const bytes = readFileSync(join(__dirname, "..", "fixtures", name));
  const file = new File([bytes], name, { type: "text/csv" });
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
};

describe("honest undo in the pane", () => {
  it("says that Ctrl+Z cannot undo the import in Excel, and keeps Ångra import across tab switches until the next write", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    const { user } = renderPane(<App workbook={wb} today={() => new Date(2026, 10, 23)} />);
    await user.upload(screen.getByLabelText("Fil med avtal"), fixtureFile("avtal.csv"));
    await user.click(await screen.findByRole("button", { name: "Importera 5 rader till Avtal" }));
    expect(await screen.findByText(/Ctrl\+Z i Excel kan inte ångra den här ändringen/)).toBeTruthy();
    // What the pane says is what the fake saw: the import made calls that clear Excel's undo stack.
    expect(fake.undoClearedBy.length).toBeGreaterThan(0);
    for (const call of fake.undoClearedBy) expect(wb.lastWriteUndo()).toContain(call);

    await user.click(screen.getByRole("tab", { name: "Importera utfall" }));
    expect(screen.queryByRole("button", { name: "Ångra import" })).toBeNull();
    await user.click(screen.getByRole("tab", { name: "Importera avtal" }));
    expect(screen.getByRole("button", { name: "Ångra import" })).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "Kontrollera mot avtal" }));
    await user.click(screen.getByRole("button", { name: "Kontrollera mot avtal" }));
    await screen.findByText(/Avtalskontroll/);
    await user.click(screen.getByRole("tab", { name: "Importera avtal" }));
    expect(screen.queryByRole("button", { name: "Ångra import" })).toBeNull();
  });

  it("keeps the model import's Ångra import across tab switches too, says what Ctrl+Z cannot do, and undoes it", async () => {
    const fake = new FakeExcel(["Blad1"]);
    const wb = new OfficeWorkbook(fake.host());
    const { user } = renderPane(<App workbook={wb} today={() => new Date(2026, 10, 23)} />);
    await user.click(screen.getByRole("tab", { name: "Importera modelltabell" }));
    await user.upload(screen.getByLabelText("Fil med budget"), fixtureFile("budget-2027.csv"));
    await user.click(await screen.findByRole("button", { name: /^Importera \d+ rader till Budget$/ }));
    expect(await screen.findByText(/Du kan ångra importen med knappen Ångra import.*Ctrl\+Z i Excel kan inte ångra/)).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Importera avtal" }));
    expect(screen.queryByRole("button", { name: "Ångra import" })).toBeNull();
    await user.click(screen.getByRole("tab", { name: "Importera modelltabell" }));
    await user.click(screen.getByRole("button", { name: "Ångra import" }));
    await screen.findByText("Importen är ångrad");
    expect((await wb.readTables(["Budget"]))[0]).toBeNull();
  });

  it("a watched port reports writes, and nothing else, and passes everything through", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    const writes: string[] = [];
    const watched = watchWrites(wb, () => writes.push("write"));
    await watched.readTables(["Avtal"]);
    await watched.sheetNames();
    expect(writes).toEqual([]);
    await watched.writeTables([{ name: "Avtal", sheet: "Avtal", headers: ["A"], rows: [[1]] }]);
    expect(writes).toEqual(["write"]);
    expect((await wb.readTables(["Avtal"]))[0]!.rows).toEqual([[1]]);
  });
});
