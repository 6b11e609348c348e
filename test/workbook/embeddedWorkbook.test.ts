import { cellBlock } from "./cellBlock";
import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

/** The standalone page's engine: a blocked spill shows #SPILL! and leaves the blocking cell alone. */
describe("embedded workbook: spills like Excel", () => {
  const sheet = () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 1, [[12345], [6789], [25010], [3001]]));
    return wb;
  };

  it("spills into empty cells", () => {
    const wb = sheet();
    wb.setCells(cellBlock("Blad1", 0, 2, [["=SAMKALK.FORDELA(100000,B1:B4)"]]));
    expect(wb.cellValue("Blad1", 3, 2)).toEqual(expect.any(Number));
  });

  it("shows #SPILL! over text in the way, and the text stays", () => {
    const wb = sheet();
    wb.setCells(cellBlock("Blad1", 2, 2, [["'behåll mig"]]));
    wb.setCells(cellBlock("Blad1", 0, 2, [["=SAMKALK.FORDELA(100000,B1:B4)"]]));
    expect(wb.snapshot().sheets[0].values![0][2]).toMatchObject({ error: "#SPILL!" });
    expect(wb.cellValue("Blad1", 2, 2)).toBe("behåll mig");
    expect(wb.cellValue("Blad1", 1, 2)).toBeNull();
  });
});

describe("saving a spill past the sheet's edge", () => {
  it("is refused in Swedish, naming the cell, instead of exceljs's English 'out of bounds'", async () => {
    const { writeWorkbookFile } = await import("../../src/io/xlsxWorkbook");
    const wb = new EmbeddedWorkbook(["Blad1"]);
    wb.setCells(cellBlock("Blad1", 0, 0, [[1, 2]]));
    wb.setCells(cellBlock("Blad1", 1, 16383, [["=SAMKALK.FORDELA(100,A1:B1)"]]));
    await expect(writeWorkbookFile(wb.snapshot())).rejects.toThrow("blad Blad1, cell XFD2: resultatet skulle spilla förbi bladets sista kolumn (XFD)");
    // Once the result fits again, the file saves (the engine's sheet stays wider than Excel's).
    wb.setCells(cellBlock("Blad1", 1, 16383, [["=SAMKALK.FORDELA(100,A1:A1)"]]));
    await expect(writeWorkbookFile(wb.snapshot())).resolves.toBeInstanceOf(Uint8Array);
    // The control: a one-cell result in the last column saves.
    const fits = new EmbeddedWorkbook(["Blad1"]);
    fits.setCells(cellBlock("Blad1", 0, 0, [[1]]));
    fits.setCells(cellBlock("Blad1", 1, 16383, [["=SAMKALK.FORDELA(100,A1:A1)"]]));
    await expect(writeWorkbookFile(fits.snapshot())).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe("a spilling SAMKALK formula whose size comes from a cell", () => {
  it("spills as wide as its result again when the user changes that cell, as Excel does", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[4], [{ formula: "=SAMKALK.SPLITPERIODS(10,A1)" }]] }]);
    expect((await wb.readRange("Blad1", "A2:F2")).values).toEqual([[3, 3, 2, 2, null, null]]);
    // 10 over 6 periods: 1 each and 4 kronor left, to the first four (largest remainder, ties in order).
    wb.setCellFromUser("Blad1", "A1", "6");
    expect((await wb.readRange("Blad1", "A2:F2")).values).toEqual([[2, 2, 2, 2, 1, 1]]);
    wb.setCellFromUser("Blad1", "A1", "2");
    expect((await wb.readRange("Blad1", "A2:F2")).values).toEqual([[5, 5, null, null, null, null]]);
  });
});
