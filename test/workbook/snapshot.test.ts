import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

/** Loading a snapshot takes the engine's bulk path; sheet order and formulas across sheets survive it. */
describe("EmbeddedWorkbook.fromSnapshot", () => {
  it.each([
    [["Översikt", "Blad 2"]],
    [["Översikt", "2027", "2026"]], // names that look like array indexes would reorder an object's keys
  ])("keeps the sheet order %j and evaluates across sheets", async (names) => {
    const sheets = names.map((name, i) => ({ name, cells: [[i + 1, i === 0 ? { formula: `='${names[names.length - 1]}'!A1*10` } : null]] }));
    const wb = EmbeddedWorkbook.fromSnapshot({ sheets, tables: [], settings: {}, numberFormats: {} });
    expect(await wb.sheetNames()).toEqual(names);
    expect(wb.cellDisplay(names[0], 0, 1).value).toBe(names.length * 10);
  });
});
