import fc from "fast-check";
import { History } from "../../src/workbook/history";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";
import { readUserCell } from "../../src/standalone/userInput";

describe("History", () => {
  it("undoes and redoes in order, and a new step clears what could be redone", () => {
    const h = new History<string>(() => 1);
    h.push("a");
    h.push("b");
    expect(h.undo("c")).toBe("b");
    expect(h.undo("b")).toBe("a");
    expect(h.undo("a")).toBeNull();
    expect(h.redo("a")).toBe("b");
    h.push("b");
    expect(h.canRedo).toBe(false);
  });

  it("drops the oldest steps past its budget, never the last", () => {
    const h = new History<number>((n) => n, 10);
    for (const n of [4, 4, 4]) h.push(n);
    expect([h.undo(0), h.undo(0), h.undo(0)]).toEqual([4, 4, null]);
    const big = new History<number>((n) => n, 10);
    big.push(50);
    expect(big.undo(0)).toBe(50);
  });
});

const contents = (wb: EmbeddedWorkbook, sheet = "Blad1") => wb.snapshot().sheets.find((s) => s.name === sheet)?.cells ?? null;

describe("undo and redo in the embedded workbook: one step per user action or pane write", () => {
  it("typing, a paste, a cleared range and a pane's table write are one step each", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCellFromUser("Blad1", "A1", "5");
    wb.setBlockFromUser("Blad1", "B1", [["1", "2"], ["3", "=B1+C1"]].map((r) => r.map(readUserCell)));
    wb.setBlockFromUser("Blad1", "B1", [[readUserCell(""), readUserCell("")]]);
    await wb.writeTables([{ name: "Avtal", sheet: "Avtal", headers: ["Avtalat"], rows: [[7]] }]);
    expect(wb.cellValue("Blad1", 1, 2)).toBe(0);
    expect(wb.undo()).toBe(true); // the table write
    expect(await wb.sheetNames()).toEqual(["Blad1"]);
    expect(wb.undo()).toBe(true); // the cleared range
    expect(wb.cellValue("Blad1", 1, 2)).toBe(3);
    expect(wb.undo()).toBe(true); // the paste
    expect(contents(wb)).toEqual([[5]]);
    expect(wb.undo()).toBe(true); // the typing
    expect(wb.cellValue("Blad1", 0, 0)).toBeNull();
    expect(wb.undo()).toBe(false);
    expect([wb.redo(), wb.redo(), wb.redo(), wb.redo(), wb.redo()]).toEqual([true, true, true, true, false]);
    expect((await wb.readTables(["Avtal"]))[0]?.rows).toEqual([[7]]);
  });

  it("Tabellkoll's marks are a step: undo takes them away, redo puts them back", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCellFromUser("Blad1", "A1", "5");
    await wb.markCells([{ sheet: "Blad1", address: "A1", fill: "#FDE7E9" }]);
    expect(wb.cellDisplay("Blad1", 0, 0).fill).toBe("#FDE7E9");
    wb.undo();
    expect(wb.cellDisplay("Blad1", 0, 0).fill).toBeUndefined();
    expect(wb.cellValue("Blad1", 0, 0)).toBe(5);
    wb.redo();
    expect(wb.cellDisplay("Blad1", 0, 0).fill).toBe("#FDE7E9");
  });

  it("a write that fails is no step: nothing to undo for it", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCellFromUser("Blad1", "A1", "1");
    await expect(wb.writeTables([{ name: "Avtal", sheet: "Avtal", headers: ["A", "A"], rows: [[1, 2]] }])).rejects.toThrow();
    wb.undo();
    expect(wb.cellValue("Blad1", 0, 0)).toBeNull();
  });

  it("any sequence of typed cells undone in full gives the empty sheet, redone in full gives the last state", () => {
    const step = fc.record({ row: fc.nat(4), col: fc.nat(3), text: fc.constantFrom("", "1", "2,5", "=A1+1", "text", "2027-01-01") });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const wb = new EmbeddedWorkbook(["Blad1"]);
        for (const s of steps) wb.setBlockFromUser("Blad1", String.fromCharCode(65 + s.col) + (s.row + 1), [[readUserCell(s.text)]]);
        const last = JSON.stringify(wb.snapshot());
        while (wb.undo());
        expect(JSON.stringify(contents(wb))).toBe(JSON.stringify(new EmbeddedWorkbook(["Blad1"]).snapshot().sheets[0].cells));
        while (wb.redo());
        expect(JSON.stringify(wb.snapshot())).toBe(last);
      }),
      { numRuns: 40 },
    );
  });
});
