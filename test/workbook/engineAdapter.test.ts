import { EmbeddedWorkbook } from "../../src/workbook/embeddedWorkbook";

describe("the embedded engine keeps amounts as Excel does", () => {
  it("returns large amounts with öre unrounded, typed and computed", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[1_234_567_890.12, { formula: "=A1" }, 12_345_678_901.23, { formula: "=C1/2" }, { formula: "=SAMKALK.ALLOCATE(C1,{1;1},0,2)" }]] }]);
    const row = (await wb.readRange("Blad1", "A1:E2")).values;
    expect(row[0].slice(0, 4)).toEqual([1_234_567_890.12, 1_234_567_890.12, 12_345_678_901.23, 12_345_678_901.23 / 2]);
    expect([row[0][4], row[1][4]]).toEqual([6_172_839_450.62, 6_172_839_450.61]);
  });
});

describe("date results look like dates", () => {
  it("shows UPPSAGNINGSDAG and AVTALSSLUT as dates where the cell has no format of its own", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[{ formula: '=SAMKALK.UPPSAGNINGSDAG("2027-04-30",6)' }, { formula: '=SAMKALK.NOTICEDATE("2027-04-30",6)' }, { formula: "=SAMKALK.UPLIFT(100,0.02)" }, { formula: '=SAMKALK.AVTALSSLUT("2012-12-31",12,"2026-11-23")' }]], cellFormats: [{ address: "B1", format: "0" }] }]);
    expect(wb.cellDisplay("Blad1", 0, 0).numberFormat).toBe("yyyy-mm-dd");
    expect(wb.cellDisplay("Blad1", 0, 1).numberFormat).toBe("0"); // the user's own format wins
    expect(wb.cellDisplay("Blad1", 0, 2).numberFormat).toBeUndefined();
    expect(wb.cellDisplay("Blad1", 0, 3).numberFormat).toBe("yyyy-mm-dd");
  });
});

describe("function messages in the embedded engine", () => {
  it("name the sheet cell of a bad weight, not its place in the range", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[null], [null], [1], ["x"], [3], [{ formula: "=SAMKALK.ALLOCATE(100,A3:A5)" }]] }]);
    expect((await wb.readRange("Blad1", "A6")).values[0][0]).toEqual({ error: "#VALUE!", message: "vikter, cell A4: texten 'x' är inget tal" });
  });
});

describe("number literals as Excel writes them", () => {
  it("reads 1E+15 and 2,5E-3 in formulas exactly, leaves text and cell references alone", async () => {
    const { plainNumberLiterals } = await import("../../src/workbook/embeddedWorkbook");
    expect(plainNumberLiterals('=1E+15+A1*2.5e-3&"1E5"')).toBe('=1000000000000000+A1*0.0025&"1E5"');
    expect(plainNumberLiterals("=SUM(E15:E20)+Blad1!A1E")).toBe("=SUM(E15:E20)+Blad1!A1E");
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[1, { formula: "=1E+15+A1" }]] }]);
    expect((await wb.readRange("Blad1", "B1")).values[0][0]).toBe(1_000_000_000_000_001);
  });
});

describe("errors of spilling functions, as Excel shows them", () => {
  it("puts the error and its message in the anchor cell only, the rest of the area empty", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[1, { formula: "=SAMKALK.ALLOCATE(100,A1:A3)" }], ["x"], [-2]] }]);
    const [[anchor], [below], [last]] = (await wb.readRange("Blad1", "B1:B3")).values;
    expect(anchor).toMatchObject({ error: "#VALUE!" });
    expect((anchor as { message: string }).message).toMatch(/A2/);
    expect([below, last]).toEqual([null, null]);
  });

  it("shows the function's own error, not #SPILL!, when a neighbour sits in the area it would have filled", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[1, { formula: "=SAMKALK.ALLOCATE(100,A1:A3)" }], ["x", "i vägen"], [-2]] }]);
    const [[anchor]] = (await wb.readRange("Blad1", "B1")).values;
    expect(anchor).toMatchObject({ error: "#VALUE!" });
    expect((anchor as { message: string }).message).toMatch(/A2/);
  });

  it("keeps #SPILL! with a Swedish message when the values would spill over a neighbour", async () => {
    const wb = new EmbeddedWorkbook(["Blad1"]);
    await wb.writeSheets([{ sheet: "Blad1", cells: [[1, { formula: "=SAMKALK.ALLOCATE(100,A1:A3)" }], [1, "i vägen"], [2]] }]);
    const [[anchor]] = (await wb.readRange("Blad1", "B1")).values;
    expect(anchor).toMatchObject({ error: "#SPILL!" });
    expect((anchor as { message: string }).message).toMatch(/^Resultatet får inte plats/);
  });
});
